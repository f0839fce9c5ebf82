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
    @usableFromInline
    final class Stripe: Sendable {
        @usableFromInline let value: Mutex<Value>
        init(_ value: sending Value) { self.value = Mutex(value) }
    }

    @usableFromInline let stripes: [Stripe]

    public init(count: Int = 16, _ make: () -> Value) {
        stripes = (0..<max(1, count)).map { _ in Stripe(make()) }
    }

    /// Runs `body` on the calling thread's stripe. Inlinable, so a caller's use is specialized:
    /// unspecialized, each call looked up the generic stripe type's metadata.
    @inlinable
    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        stripes[Self.stripeIndex(count: stripes.count)].value.withLock { body(&$0) }
    }

    /// Runs `body` on every stripe in turn.
    public func forEach(_ body: (inout Value) -> Void) {
        for stripe in stripes { stripe.value.withLock { body(&$0) } }
    }

    /// The calling thread's stripe: its thread id (an aligned address, so its low bits say
    /// little) scrambled by Fibonacci hashing, one multiplication where `Hasher` ran SipHash.
    @usableFromInline
    static func stripeIndex(count: Int) -> Int {
        let thread = UInt64(UInt(bitPattern: unsafeBitCast(pthread_self(), to: Int.self)))
        return Int((thread &* 0x9E37_79B9_7F4A_7C15) >> 32) % count
    }
}
