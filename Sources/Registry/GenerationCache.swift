import Dispatch
import Threads

/// Values read from the database that a commit may make stale, served `lifetimeSeconds` at most
/// (`removeExpired` drops what has expired), read under a shared lock (docs/ARCHITECTURE.md, "Caches and other writers"):
///
/// - a reader notes `generation` before it reads the database and keeps what it read only if
///   nothing emptied the cache meanwhile (`remember(_:for:readIn:)`), so a value read before a
///   commit is never kept after it;
/// - `removeAll` empties it when a commit may have changed what it holds;
/// - between `writeBegins` and `writeEnds`, which bracket a write's commit, it neither serves nor
///   keeps anything, and `writeEnds` empties it.
///
/// Bounded by the summed `cost` of its values: a full cache starts over, and what it drops is
/// freed after the lock is released. A value costing more than `largestCost` is not kept.
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var cost: Int
        var expiresAt: UInt64
    }

    private struct State {
        var generation: UInt64 = 0
        var writesInFlight = 0
        var entries: [Key: Entry] = [:]
        var cost = 0
    }

    private let state = ReadWriteLock(State())
    private let capacity: Int
    private let largestCost: Int
    private let lifetimeNanoseconds: UInt64
    private let cost: @Sendable (Value) -> Int

    init(capacity: Int, largestCost: Int = .max, lifetimeSeconds: UInt64 = 10, cost: @escaping @Sendable (Value) -> Int = { _ in 1 }) {
        self.capacity = max(1, capacity)
        self.largestCost = largestCost
        self.lifetimeNanoseconds = lifetimeSeconds * 1_000_000_000
        self.cost = cost
    }

    /// The value kept for `key`, or nil when there is none, it has expired, or a write is running.
    func value(for key: Key) -> Value? {
        let now = DispatchTime.now().uptimeNanoseconds
        return state.read { state in
            guard state.writesInFlight == 0, let entry = state.entries[key], entry.expiresAt > now else { return nil }
            return entry.value
        }
    }

    /// The value kept for `key`, else what `read` finds in the database, kept under the
    /// generation rule (the generation is noted before `read` runs).
    func value<Failure: Error>(for key: Key, orRead read: () throws(Failure) -> Value?) throws(Failure) -> Value? {
        if let value = value(for: key) { return value }
        let noted = generation
        guard let value = try read() else { return nil }
        remember(value, for: key, readIn: noted)
        return value
    }

    /// The generation to pass to `remember` for what is read from the database from now on.
    var generation: UInt64 {
        state.read(\.generation)
    }

    /// Keeps `value`, read after `generation` was noted, unless the cache was emptied or a write began since.
    func remember(_ value: Value, for key: Key, readIn generation: UInt64) {
        let cost = cost(value)
        guard cost <= largestCost else { return }
        let expiresAt = DispatchTime.now().uptimeNanoseconds + lifetimeNanoseconds
        _ = state.write { state -> [Key: Entry] in
            guard state.generation == generation, state.writesInFlight == 0 else { return [:] }
            var dropped: [Key: Entry] = [:]
            if state.cost + cost > capacity { (dropped, state.cost) = (state.entries, 0); state.entries = [:] }
            state.cost += cost - (state.entries[key]?.cost ?? 0)
            state.entries[key] = Entry(value: value, cost: cost, expiresAt: expiresAt)
            return dropped
        }
    }

    /// A write of this process starts: nothing is served or kept until it ends.
    func writeBegins() {
        state.write { state in
            state.generation &+= 1
            state.writesInFlight += 1
        }
    }

    /// A write of this process has committed or failed: what was held may be stale.
    func writeEnds() {
        _ = state.write { state in
            state.writesInFlight -= 1
            return Self.empty(&state)
        }
    }

    /// Drops the values past their lifetime, which lookups only pass over: housekeeping calls
    /// it, so what a quiet server once read (a token's text) does not stay in memory for good.
    func removeExpired() {
        let now = DispatchTime.now().uptimeNanoseconds
        _ = state.write { state -> [Key: Entry] in
            let kept = state.entries.filter { $0.value.expiresAt > now }
            guard kept.count < state.entries.count else { return [:] }
            defer { (state.entries, state.cost) = (kept, kept.values.reduce(0) { $0 + $1.cost }) }
            return state.entries
        }
    }

    /// How many values it holds, expired ones included.
    var count: Int {
        state.read(\.entries.count)
    }

    /// Forgets everything: a commit may have changed what it holds.
    func removeAll() {
        _ = state.write { Self.empty(&$0) }
    }

    /// Empties `state` under the lock and hands the entries back, to be freed after it (a large
    /// table freed under the lock would hold up every event loop waiting to read).
    private static func empty(_ state: inout State) -> [Key: Entry] {
        state.generation &+= 1
        state.cost = 0
        defer { state.entries = [:] }
        return state.entries
    }
}
