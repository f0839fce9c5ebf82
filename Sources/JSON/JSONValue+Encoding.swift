/// How `JSONValue.encoded` lays out its output.
public struct JSONEncodingOptions: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Object keys sorted by their UTF-16 code units, as RFC 8785 canonical JSON does.
    public static let sortedKeys = JSONEncodingOptions(rawValue: 1)
    /// Two-space indentation and one member per line, for terminals.
    public static let prettyPrinted = JSONEncodingOptions(rawValue: 2)
}

extension JSONValue {
    /// The value as JSON text. Non-finite doubles, which JSON cannot express, become the strings
    /// "NaN", "Infinity" and "-Infinity".
    public func encoded(_ options: JSONEncodingOptions = []) -> String {
        var output = ""
        write(to: &output, options: options, indent: 0)
        return output
    }

    /// The canonical form used for digests and equality of stored documents: sorted keys, no spaces.
    public var canonicalBytes: [UInt8] { Array(encoded(.sortedKeys).utf8) }

    private func write(to output: inout String, options: JSONEncodingOptions, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .double(let value): output += Self.format(value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                Self.newline(&output, options: options, indent: indent + 1)
                element.write(to: &output, options: options, indent: indent + 1)
            }
            Self.newline(&output, options: options, indent: indent)
            output += "]"
        case .object(let object):
            guard !object.isEmpty else { output += "{}"; return }
            output += "{"
            let keys = options.contains(.sortedKeys) ? object.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) } : object.keys
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output += "," }
                Self.newline(&output, options: options, indent: indent + 1)
                Self.writeString(key, to: &output)
                output += options.contains(.prettyPrinted) ? ": " : ":"
                object[key]!.write(to: &output, options: options, indent: indent + 1)
            }
            Self.newline(&output, options: options, indent: indent)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, options: JSONEncodingOptions, indent: Int) {
        guard options.contains(.prettyPrinted) else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Shortest round-trip form; always has a '.' or an exponent so it reads back as a double.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        return value.description
    }

    static func writeString(_ string: String, to output: inout String) {
        output += "\""
        // Most strings need no escaping: append them whole.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output += string
            output += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
