import Registry
import Threads

/// Response bodies of `GET /schemas/ids/{id}`, by id. A schema id never changes meaning (schema
/// rows are never updated or deleted, only the subject versions pointing at them), so entries
/// never go stale; the cache is emptied when it holds `capacity` bodies. Read under a shared lock
/// like the token cache, so concurrent requests never queue on each other and a body a worker
/// stored is found by an event loop.
final class ConfluentSchemaCache: Sendable {
    private let bodies = ReadWriteLock<[Int: [UInt8]]>([:])
    /// Most bodies held.
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// The cached body for `id`, if any (held only for a moment: safe on an event loop).
    func cachedBody(for id: Int) -> [UInt8]? {
        bodies.read { $0[id] }
    }

    /// The cached body for `id`, or the one `make` produces, remembered when it succeeds.
    func body(for id: Int, make: () throws(SubjectError) -> [UInt8]) throws(SubjectError) -> [UInt8] {
        if let body = cachedBody(for: id) { return body }
        let body = try make()
        bodies.write { bodies in
            if bodies.count >= capacity { bodies.removeAll(keepingCapacity: true) }
            bodies[id] = body
        }
        return body
    }
}
