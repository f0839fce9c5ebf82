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
        String(decoding: bytes(options), as: UTF8.self)
    }

    /// The canonical form used for digests and equality of stored documents: sorted keys, no spaces.
    public var canonicalBytes: [UInt8] { bytes(.sortedKeys) }

    /// The value as UTF-8 JSON text.
    public func bytes(_ options: JSONEncodingOptions = []) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output, options: options, indent: 0)
        return output
    }

    /// Appends the value as compact JSON text to `output`.
    public func write(to output: inout [UInt8]) { write(to: &output, options: [], indent: 0) }

    private func write(to output: inout [UInt8], options: JSONEncodingOptions, indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value): output.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, options: options, indent: indent + 1)
                element.write(to: &output, options: options, indent: indent + 1)
            }
            Self.newline(&output, options: options, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            let members = options.contains(.sortedKeys) ? object.members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) } : object.members
            for (offset, member) in members.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, options: options, indent: indent + 1)
                Self.writeString(member.key, to: &output)
                output.append(contentsOf: options.contains(.prettyPrinted) ? ": ".utf8 : ":".utf8)
                member.value.write(to: &output, options: options, indent: indent + 1)
            }
            Self.newline(&output, options: options, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], options: JSONEncodingOptions, indent: Int) {
        guard options.contains(.prettyPrinted) else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Shortest round-trip form; always has a '.' or an exponent so it reads back as a double.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        return value.description
    }

    /// Appends `string` quoted, escaping what JSON requires; everything else is copied as UTF-8.
    static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var run = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                appendEscaped(byte, to: &output)
                run = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case UInt8(ascii: "\n"): output.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): output.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            output.append(contentsOf: "u00".utf8)
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0xF)])
        }
    }
}
