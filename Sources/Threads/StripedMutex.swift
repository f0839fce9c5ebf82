#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Several copies of a value, each behind its own mutex, chosen by the calling thread.
///
/// For counters that every request updates (metrics): threads rarely meet on one lock, so a
/// burst of requests does not queue behind a single mutex; readers that need everything visit
/// all stripes with `forEach`. A cache, which every thread must see whole, is a `ReadWriteLock`.
public final class StripedMutex<Value: Sendable>: Sendable {
    private final class Stripe: Sendable {
        let value: Mutex<Value>
        init(_ value: sending Value) { self.value = Mutex(value) }
    }

    private let stripes: [Stripe]

    public init(count: Int = 16, _ make: () -> Value) {
        stripes = (0..<max(1, count)).map { _ in Stripe(make()) }
    }

    /// Runs `body` on the calling thread's stripe.
    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        var hasher = Hasher()
        hasher.combine(pthread_self())
        let index = Int(UInt(bitPattern: hasher.finalize()) % UInt(stripes.count))
        return stripes[index].value.withLock { body(&$0) }
    }

    /// Runs `body` on every stripe in turn.
    public func forEach(_ body: (inout Value) -> Void) {
        for stripe in stripes { stripe.value.withLock { body(&$0) } }
    }
}
