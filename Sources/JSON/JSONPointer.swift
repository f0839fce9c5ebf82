/// A JSON Pointer (RFC 6901), used to say where in a document a problem is.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
    public private(set) var tokens: [String]

    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String] = []) { self.tokens = tokens }

    /// Parses "/a/b~1c/0"; returns nil unless the text is empty or starts with "/".
    public init?(_ text: String) {
        if text.isEmpty { self.tokens = []; return }
        guard text.hasPrefix("/") else { return nil }
        self.tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    public func appending(_ key: String) -> JSONPointer {
        var pointer = self
        pointer.tokens.append(key)
        return pointer
    }
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    public static func / (pointer: JSONPointer, key: String) -> JSONPointer { pointer.appending(key) }
    public static func / (pointer: JSONPointer, index: Int) -> JSONPointer { pointer.appending(index) }

    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            let needsEscapes = token.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
            text += needsEscapes ? token.replacing("~", with: "~0").replacing("/", with: "~1") : token
        }
        return text
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }
}
