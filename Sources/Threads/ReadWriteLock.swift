#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that many threads read at once and few write: readers share the lock, a writer has it
/// alone. For the caches every request reads (tokens, schema bodies): on a mutex, the loops and
/// workers reading one hot entry queue behind each other and sleep in the kernel; readers of a
/// reader-writer lock only count themselves in (docs/ARCHITECTURE.md, "Caches").
///
/// Writers are preferred, so a steady stream of readers cannot starve a cache fill.
///
/// `@unchecked Sendable`: `value` is only touched while `lock` is held, shared for reading and
/// exclusive for writing. `read` and `write` are inlinable, so a caller in another module runs
/// them specialized for its value and closure instead of through generic witnesses.
public final class ReadWriteLock<Value>: @unchecked Sendable {
    @usableFromInline let lock: UnsafeMutablePointer<pthread_rwlock_t>
    @usableFromInline var value: Value

    public init(_ value: Value) {
        self.value = value
        lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if canImport(Glibc)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        let status = pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
        precondition(status == 0, "pthread_rwlock_init failed: \(status)")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` with the value while other readers may run too; it must not change anything.
    @inlinable
    public func read<Result>(_ body: (Value) throws -> Result) rethrows -> Result {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(value)
    }

    /// Runs `body` with the value to itself.
    @inlinable
    public func write<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(&value)
    }
}
