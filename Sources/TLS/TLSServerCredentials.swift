import Synchronization

/// The server's current `TLSServerContext`, replaceable while connections run: `reload()` reads
/// the same files again; new sessions use the new pair, sessions already made keep the old one.
public final class TLSServerCredentials: Sendable {
    public let certificatePath: String
    public let keyPath: String
    private let current: Mutex<TLSServerContext>

    /// Loads the pair once; fails with the file and what is wrong with it.
    public init(certificatePath: String, keyPath: String) throws(TLSError) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        current = Mutex(try TLSServerContext(certificatePath: certificatePath, keyPath: keyPath))
    }

    public var context: TLSServerContext { current.withLock { $0 } }

    /// Loads the files again and makes them current; on failure the previous pair stays in use.
    public func reload() throws(TLSError) {
        let replacement = try TLSServerContext(certificatePath: certificatePath, keyPath: keyPath)
        current.withLock { $0 = replacement }
    }

    /// A session for one new connection, under the current pair.
    public func makeSession() throws(TLSError) -> TLSServerSession {
        try TLSServerSession(context: context)
    }
}
