import JSON

/// A parsed YAML document: its value as JSON plus where each node started in the source.
public struct YAMLDocument: Sendable {
    /// The document's content; mapping keys keep their source order.
    public var value: JSONValue
    private let locations: [JSONPointer: SourceLocation]

    init(value: JSONValue, locations: [JSONPointer: SourceLocation]) {
        self.value = value
        self.locations = locations
    }

    /// Where the node at `pointer` starts in the source (for error messages from later validation).
    ///
    /// For a pointer that does not exist, the location of its nearest existing ancestor; nodes
    /// copied in by an alias report the location of the alias.
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        var tokens = pointer.tokens
        while true {
            if let location = locations[JSONPointer(tokens: tokens)] { return location }
            if tokens.isEmpty { return nil }
            tokens.removeLast()
        }
    }
}
