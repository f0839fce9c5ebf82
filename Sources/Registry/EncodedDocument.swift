import Crypto
import JSON

/// A document in the forms a revision stores, computed before the write so the single writer
/// does not spend its time encoding and hashing.
struct EncodedDocument: Sendable {
    /// The document as parsed, for the cache of parsed documents once it is stored.
    let json: JSONValue
    /// Compact JSON in the order it was registered: what reads return.
    let text: String
    /// SHA-256 of the canonical form: equal documents have equal digests whatever their key order.
    let digest: String

    init(_ json: JSONValue) {
        self.json = json
        text = json.encoded()
        digest = SHA256.hexDigest(json.canonicalBytes)
    }
}
