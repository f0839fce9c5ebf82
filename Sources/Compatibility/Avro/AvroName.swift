/// A full Avro name: a simple name and an optional namespace (Avro spec "Names").
public struct AvroName: Sendable, Hashable, CustomStringConvertible {
    /// The unqualified name, e.g. `Order`.
    public var name: String
    /// The namespace, e.g. `com.acme.orders`; nil for the null namespace.
    public var namespace: String?

    /// The dotted full name, e.g. `com.acme.orders.Order`.
    public var fullName: String { namespace.map { "\($0).\(name)" } ?? name }

    public var description: String { fullName }

    /// Resolves `text` as written in a schema: a dotted name carries its own namespace, a simple
    /// name takes `enclosing` (Avro spec "Names").
    init(resolving text: String, enclosing: String?) {
        if let dot = text.lastIndex(of: ".") {
            self.name = String(text[text.index(after: dot)...])
            self.namespace = String(text[..<dot])
        } else {
            self.name = text
            self.namespace = enclosing
        }
    }

    /// Whether `text` matches `[A-Za-z_][A-Za-z0-9_]*` (Avro spec "Names").
    static func isValidSimpleName(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, isNameStart(first) else { return false }
        return text.utf8.dropFirst().allSatisfy { isNameStart($0) || ($0 >= 48 && $0 <= 57) }
    }

    /// Whether every dot-separated part of `text` is a valid simple name; the empty namespace is valid.
    static func isValidNamespace(_ text: String) -> Bool {
        text.isEmpty || text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isValidSimpleName($0) }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }
}
