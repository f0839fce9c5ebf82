/// Size limits that keep a hostile client from exhausting memory; each maps to a status code.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest request line in bytes, line ending included; beyond it the answer is 414.
    public var maxRequestLineLength: Int
    /// Largest header section in bytes (all field lines, line endings included); beyond it 431.
    public var maxHeaderBytes: Int
    /// Most header fields in one request (trailer fields count too); beyond it 431.
    public var maxHeaderCount: Int
    /// Largest request body after chunked decoding; beyond it 413.
    public var maxBodyBytes: Int
    /// Longest chunk extension (`;name=value…` after a chunk size); beyond it 400.
    public var maxChunkExtensionLength: Int

    public init(
        maxRequestLineLength: Int = 8 << 10,
        maxHeaderBytes: Int = 64 << 10,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 8 << 20,
        maxChunkExtensionLength: Int = 1 << 10
    ) {
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkExtensionLength = maxChunkExtensionLength
    }

    public static let `default` = HTTPLimits()
}
