/// A connected byte stream the client writes a request to and reads its answer from: a TCP
/// socket, or TLS over one.
protocol ByteStream {
    func write(_ bytes: [UInt8]) throws(HTTPClientError)
    /// Reads into `buffer`; 0 means the peer closed the stream.
    func read(into buffer: inout [UInt8]) throws(HTTPClientError) -> Int
}
