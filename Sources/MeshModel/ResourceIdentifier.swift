/// The registry's identifier rule for products, contracts and domains; an id never changes once registered.
public enum ResourceIdentifier {
    /// The pattern every id matches.
    public static let pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"

    /// The longest id, in characters.
    public static let maximumLength = 128

    /// True when `id` matches ``pattern``.
    public static func isValid(_ id: String) -> Bool { problem(in: id) == nil }

    /// What is wrong with `id` and how to fix it, or nil when it is valid.
    public static func problem(in id: String) -> String? {
        let rule = "ids match \(pattern): letters, digits, '.', '_' and '-', starting with a letter or digit, at most \(maximumLength) characters"
        guard let first = id.unicodeScalars.first else { return "the id is empty; \(rule)" }
        if let bad = id.unicodeScalars.first(where: { !isIdentifierCharacter($0) }) {
            return "the id '\(quoted(id))' contains \(describe(bad)), which is not allowed; \(rule)"
        }
        if !isLetterOrDigit(first) {
            return "the id '\(quoted(id))' starts with '\(first)'; \(rule)"
        }
        if id.unicodeScalars.count > maximumLength {
            return "the id has \(id.unicodeScalars.count) characters, more than \(maximumLength); \(rule)"
        }
        return nil
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9": true
        default: false
        }
    }

    private static func isIdentifierCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "." || scalar == "_" || scalar == "-"
    }

    /// A character for a message: printable ones quoted, others as U+XXXX.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        guard scalar.properties.generalCategory == .control || scalar == " " else { return "'\(scalar)'" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The id with control characters escaped, shortened past 40 characters, so messages stay readable.
    private static func quoted(_ id: String) -> String {
        let escaped = id.unicodeScalars.map { $0.properties.generalCategory == .control ? describe($0) : String($0) }
        let text = escaped.joined()
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
