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
        /// EAGAIN/EWOULDBLOCK: a non-blocking socket has nothing to give or no room to take.
        case wouldBlock
    }

    /// Runs `body`, retrying on EINTR; a negative result with any other errno throws.
    @discardableResult
    static func run<Result: BinaryInteger>(_ call: String, _ body: () -> Result) throws(SocketError) -> Result {
        switch try runAllowingWouldBlock(call, body) {
        case .completed(let value): return value
        case .wouldBlock: throw SocketError(call: call, errorNumber: EAGAIN)
        }
    }

    /// Runs `body`, retrying on EINTR and reporting EAGAIN/EWOULDBLOCK as `.wouldBlock`.
    static func runAllowingWouldBlock<Result: BinaryInteger>(_ call: String, _ body: () -> Result) throws(SocketError) -> Outcome<Result> {
        while true {
            let result = body()
            if result >= 0 { return .completed(result) }
            let error = errno
            switch error {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SocketError(call: call, errorNumber: error)
            }
        }
    }
}
