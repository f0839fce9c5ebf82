import Registry
import Threads

/// Response bodies of `GET /schemas/ids/{id}`, by id. A schema id never changes meaning (schema
/// rows are never updated or deleted, only the subject versions pointing at them), so entries
/// never go stale. A `SharedTable`: a body a worker stored is found by an event loop.
final class ConfluentSchemaCache: Sendable {
    private let bodies = SharedTable<Int, [UInt8]>(capacity: 10_000)

    /// The cached body for `id`, if any (held only for a moment: safe on an event loop).
    func cachedBody(for id: Int) -> [UInt8]? {
        bodies.value(for: id)
    }

    /// The cached body for `id`, or the one `make` produces, remembered when it succeeds.
    func body(for id: Int, make: () throws(SubjectError) -> [UInt8]) throws(SubjectError) -> [UInt8] {
        if let body = cachedBody(for: id) { return body }
        let body = try make()
        bodies.store(body, for: id)
        return body
    }
}
