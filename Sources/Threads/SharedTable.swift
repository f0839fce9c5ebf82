/// A table many threads read and few write, under a shared lock (`ReadWriteLock`), so lookups
/// from event loops and workers never queue on each other and what one thread stores another
/// finds. Bounded: a table holding `capacity` entries starts over, and what it drops is freed
/// after the lock is released. Inlinable, so an event loop's lookup is specialized for its key.
public final class SharedTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline let entries = ReadWriteLock<[Key: Value]>([:])
    @usableFromInline let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The value stored for `key`, if any (the lock is held only for the lookup).
    @inlinable
    public func value(for key: Key) -> Value? {
        entries.read { $0[key] }
    }

    @inlinable
    public func store(_ value: Value, for key: Key) {
        // The dropped table comes back out of the lock and is freed when discarded, after it.
        _ = entries.write { entries -> [Key: Value] in
            var dropped: [Key: Value] = [:]
            if entries.count >= capacity { swap(&dropped, &entries) }
            entries[key] = value
            return dropped
        }
    }
}
