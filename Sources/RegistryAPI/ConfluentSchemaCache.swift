import Registry
import Threads

/// Response bodies of `GET /schemas/ids/{id}`, by id. A schema id never changes meaning (schema
/// rows are never updated or deleted, only the subject versions pointing at them), so entries
/// never go stale; the cache is emptied when it reaches `capacity`. Striped per thread like
/// the token cache, so concurrent requests do not queue on one lock.
final class ConfluentSchemaCache: Sendable {
    private let bodies = StripedMutex<[Int: [UInt8]]> { [:] }
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The cached body for `id`, if any (held only for a moment: safe on an event loop).
    func cachedBody(for id: Int) -> [UInt8]? {
        bodies.withLock { $0[id] }
    }

    /// The cached body for `id`, or the one `make` produces, remembered when it succeeds.
    func body(for id: Int, make: () throws(SubjectError) -> [UInt8]) throws(SubjectError) -> [UInt8] {
        if let body = cachedBody(for: id) { return body }
        let body = try make()
        bodies.withLock { bodies in
            if bodies.count >= capacity { bodies.removeAll(keepingCapacity: true) }
            bodies[id] = body
        }
        return body
    }
}
