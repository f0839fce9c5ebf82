#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a socket: which call, and the errno it set.
public struct SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the system call, e.g. `bind`.
    public var call: String
    /// The errno value the call left.
    public var errorNumber: Int32

    public init(call: String, errorNumber: Int32) {
        self.call = call
        self.errorNumber = errorNumber
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(errorNumber))) (errno \(errorNumber))"
    }
}
