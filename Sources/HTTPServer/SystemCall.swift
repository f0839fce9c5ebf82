#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place where socket system calls are made and their errors turned into `SocketError`.
enum SystemCall {
    /// What a call that may time out produced.
    enum Outcome<Value> {
        case completed(Value)
        /// EAGAIN/EWOULDBLOCK: the SO_RCVTIMEO/SO_SNDTIMEO timeout elapsed.
        case timedOut
    }

    /// Runs `body`, retrying on EINTR; a negative result with any other errno throws.
    @discardableResult
    static func run<Result: BinaryInteger>(_ call: String, _ body: () -> Result) throws(SocketError) -> Result {
        switch try runAllowingTimeout(call, body) {
        case .completed(let value): return value
        case .timedOut: throw SocketError(call: call, errorNumber: EAGAIN)
        }
    }

    /// Runs `body`, retrying on EINTR and reporting EAGAIN/EWOULDBLOCK as `.timedOut`.
    static func runAllowingTimeout<Result: BinaryInteger>(_ call: String, _ body: () -> Result) throws(SocketError) -> Outcome<Result> {
        while true {
            let result = body()
            if result >= 0 { return .completed(result) }
            let error = errno
            switch error {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .timedOut
            default: throw SocketError(call: call, errorNumber: error)
            }
        }
    }
}
