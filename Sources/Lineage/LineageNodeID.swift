/// The stable, unambiguous string id of a lineage node, e.g. `dataset:kafka%3A//broker%3A9092:orders`.
///
/// Each component is percent-encoded for `%`, `:`, `/`, `@`, spaces and control characters, so the
/// separators of a kind never occur inside a component and every id parses back to its components.
/// Marquez writes `dataset:NAMESPACE:NAME` unencoded, which is ambiguous when the namespace has
/// colons; ``init(marquez:knownNamespaces:)`` reads that form by matching known namespaces.
public struct LineageNodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The node's kind.
    public let kind: LineageNodeKind
    /// The decoded components, as many as the kind has (see ``LineageNodeKind``).
    public let components: [String]
    /// The encoded id.
    public let description: String

    private init(kind: LineageNodeKind, checkedComponents components: [String]) {
        self.kind = kind
        self.components = components
        var text = kind.rawValue + ":" + Self.encode(components[0])
        for (separator, component) in zip(kind.separators, components.dropFirst()) {
            text.append(separator)
            text += Self.encode(component)
        }
        self.description = text
    }

    /// A product node.
    public static func product(_ id: String) -> LineageNodeID { LineageNodeID(kind: .product, checkedComponents: [id]) }
    /// An output port node of `productId`.
    public static func port(product productId: String, name: String, version: String) -> LineageNodeID {
        LineageNodeID(kind: .port, checkedComponents: [productId, name, version])
    }
    /// A contract version node.
    public static func contract(_ id: String, version: String) -> LineageNodeID {
        LineageNodeID(kind: .contract, checkedComponents: [id, version])
    }
    /// A dataset node.
    public static func dataset(_ dataset: DatasetIdentifier) -> LineageNodeID {
        LineageNodeID(kind: .dataset, checkedComponents: [dataset.namespace, dataset.name])
    }
    /// A job node.
    public static func job(namespace: String, name: String) -> LineageNodeID {
        LineageNodeID(kind: .job, checkedComponents: [namespace, name])
    }
    /// A column (field) node of `dataset`.
    public static func column(_ dataset: DatasetIdentifier, field: String) -> LineageNodeID {
        LineageNodeID(kind: .column, checkedComponents: [dataset.namespace, dataset.name, field])
    }
    /// A team node, the holder of a grant.
    public static func team(_ name: String) -> LineageNodeID { LineageNodeID(kind: .team, checkedComponents: [name]) }

    /// Parses an id in the canonical form ``description`` writes; nil when the kind is unknown, a
    /// component is missing or extra, a character that must be escaped is not, or an escape is
    /// malformed or not upper-case hex.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), let kind = LineageNodeKind(rawValue: String(text[..<colon])) else { return nil }
        var components: [String] = []
        var current = Substring(text[text.index(after: colon)...])
        for separator in kind.separators {
            guard let index = current.firstIndex(of: separator), let component = Self.decode(current[..<index]) else { return nil }
            components.append(component)
            current = current[current.index(after: index)...]
        }
        guard let last = Self.decode(current) else { return nil }
        components.append(last)
        self.init(kind: kind, checkedComponents: components)
        guard description == text else { return nil }
    }

    /// Reads Marquez's unencoded `dataset:NAMESPACE:NAME` or `job:NAMESPACE:NAME`: the longest
    /// namespace in `knownNamespaces` followed by `:` wins; otherwise the encoded form is tried.
    public init?(marquez text: String, knownNamespaces: some Sequence<String>) {
        for kind in [LineageNodeKind.dataset, .job] where text.hasPrefix(kind.rawValue + ":") {
            let rest = text.dropFirst(kind.rawValue.count + 1)
            let namespace = knownNamespaces.filter { rest.hasPrefix($0 + ":") }.max { $0.count < $1.count }
            if let namespace {
                self.init(kind: kind, checkedComponents: [namespace, String(rest.dropFirst(namespace.count + 1))])
                return
            }
        }
        self.init(text)
    }

    /// The dataset a dataset or column node belongs to.
    public var dataset: DatasetIdentifier? {
        guard kind == .dataset || kind == .column else { return nil }
        return DatasetIdentifier(namespace: components[0], name: components[1])
    }

    /// A short human label: the id without its kind, decoded.
    public var displayName: String {
        switch kind {
        case .product, .team: components[0]
        case .port: "\(components[0])/\(components[1])@\(components[2])"
        case .contract: "\(components[0])@\(components[1])"
        case .dataset, .job: "\(components[0])/\(components[1])"
        case .column: "\(components[0])/\(components[1]).\(components[2])"
        }
    }

    public static func < (lhs: LineageNodeID, rhs: LineageNodeID) -> Bool { lhs.description < rhs.description }
    public static func == (lhs: LineageNodeID, rhs: LineageNodeID) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    private static func encode(_ component: String) -> String {
        var output = ""
        for scalar in component.unicodeScalars {
            switch scalar {
            case "%", ":", "/", "@", " ", "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
