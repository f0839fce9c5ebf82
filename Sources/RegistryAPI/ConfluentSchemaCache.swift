import Registry
import Threads

/// Response bodies of `GET /schemas/ids/{id}`, by id. A schema id never changes meaning (schema
/// rows are never updated or deleted, only the subject versions pointing at them), so entries
/// never go stale; each stripe is emptied when it holds its share of `capacity`. Striped by id
/// like the token cache by digest, so concurrent requests rarely queue on one lock and a body a
/// worker stored is found by an event loop.
final class ConfluentSchemaCache: Sendable {
    private let bodies = StripedMutex<[Int: [UInt8]]> { [:] }
    /// Most bodies in one stripe.
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity / bodies.stripeCount)
    }

    /// The cached body for `id`, if any (held only for a moment: safe on an event loop).
    func cachedBody(for id: Int) -> [UInt8]? {
        bodies.withLock(for: id) { $0[id] }
    }

    /// The cached body for `id`, or the one `make` produces, remembered when it succeeds.
    func body(for id: Int, make: () throws(SubjectError) -> [UInt8]) throws(SubjectError) -> [UInt8] {
        if let body = cachedBody(for: id) { return body }
        let body = try make()
        bodies.withLock(for: id) { bodies in
            if bodies.count >= capacity { bodies.removeAll(keepingCapacity: true) }
            bodies[id] = body
        }
        return body
    }
}
