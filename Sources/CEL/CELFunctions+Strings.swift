/// `size`, `contains`, `startsWith`, `endsWith`, `matches`, `lowerAscii`, `upperAscii`
/// (CEL langdef "Standard Definitions" and the strings extension).
extension CELFunctions {
    static let strings: [String: CELFunction] = [
        "size": CELFunction(
            signatures: [CELType.string, .bytes, .list, .map].flatMap { type in
                [CELFunction.global([type], .int), CELFunction.member([type], .int)]
            },
            unary: { value in
                switch value {
                case .string(let string): .int(Int64(string.unicodeScalars.count))
                case .bytes(let bytes): .int(Int64(bytes.count))
                case .list(let list): .int(Int64(list.count))
                case .map(let map): .int(Int64(map.count))
                default: CELValue.noSuchOverload("size", value)
                }
            }),
        "contains": stringPredicate("contains", containsCodePoints),
        "startsWith": stringPredicate("startsWith") { $0.utf8.starts(with: $1.utf8) },
        "endsWith": stringPredicate("endsWith") { $0.utf8.reversed().starts(with: $1.utf8.reversed()) },
        "matches": CELFunction(
            signatures: [CELFunction.member([.string, .string], .bool), CELFunction.global([.string, .string], .bool)],
            binary: { text, pattern in
                guard case .string(let string) = text, case .string(let expression) = pattern else {
                    return CELValue.noSuchOverload("matches", text, pattern)
                }
                do throws(CELError) { return .bool(try CELRegex(expression).matches(string)) } catch { return .error(error) }
            }),
        "lowerAscii": asciiCase("lowerAscii", from: UInt8(ascii: "A"), offset: 32),
        "upperAscii": asciiCase("upperAscii", from: UInt8(ascii: "a"), offset: -32),
    ]

    /// A `string.name(string) -> bool` member function comparing code points.
    private static func stringPredicate(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) -> CELFunction {
        CELFunction(signatures: [CELFunction.member([.string, .string], .bool)], binary: { receiver, argument in
            guard case .string(let text) = receiver, case .string(let part) = argument else {
                return CELValue.noSuchOverload(name, receiver, argument)
            }
            return .bool(part.isEmpty || test(text, part))
        })
    }

    /// Substring search on UTF-8, which for valid text is search by code points (not graphemes).
    private static func containsCodePoints(_ text: String, _ part: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(part.utf8)
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Shifts the 26 ASCII letters starting at `from` by `offset`, leaving other characters alone.
    private static func asciiCase(_ name: String, from: UInt8, offset: Int) -> CELFunction {
        CELFunction(signatures: [CELFunction.member([.string], .string)], unary: { value in
            guard case .string(let text) = value else { return CELValue.noSuchOverload(name, value) }
            let bytes = text.utf8.map { byte in
                byte >= from && byte < from + 26 ? UInt8(Int(byte) + offset) : byte
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        })
    }
}
