import JSON

/// What moving one ODPS or ODCS document to a later version of its standard changes
/// (docs/ARCHITECTURE.md, "Standard versions").
///
/// Every later version only adds fields or relaxes rules, so the version change itself is the new
/// `apiVersion`. One more change is made because the new version has a field for it: ODPS v1.1.0
/// `type` takes the place of the registry hint `customProperties.productType`.
public struct StandardUpgrade: Sendable, Hashable {
    /// One change to the document.
    public enum Edit: Sendable, Hashable {
        /// Replace the scalar at the pointer.
        case replaceValue(JSONPointer, JSONValue)
        /// Add a top-level key after the existing key `after`.
        case insertKey(String, JSONValue, after: String)
        /// Remove the array element at the pointer; `removesArray` when it was the only one, so
        /// the key goes too.
        case removeElement(JSONPointer, removesArray: Bool)
    }

    /// A change with a sentence for people.
    public struct Change: Sendable, Hashable {
        public let edit: Edit
        public let summary: String
    }

    public let standard: Standard
    /// The `apiVersion` the document declared.
    public let from: String
    /// The `apiVersion` it moves to.
    public let to: String
    /// Nothing when the document already declares `to`.
    public let changes: [Change]

    /// The changes that move `json` to `target`, a version of its standard no earlier than its own.
    public init(_ json: JSONValue, to target: String) throws(StandardUpgradeError) {
        guard let kind = json["kind"]?.stringValue.flatMap(DocumentKind.init(rawValue:)), let standard = Standard(kind: kind) else {
            throw StandardUpgradeError("the document is not an ODPS data product or an ODCS data contract; only those have versions to upgrade")
        }
        guard standard.apiVersions.contains(target) else {
            throw StandardUpgradeError("\(target) is not a version of \(standard.rawValue); use one of \(standard.apiVersions.joined(separator: ", "))")
        }
        let declared = json["apiVersion"]?.stringValue ?? ""
        guard let from = StandardVersion(standard, apiVersion: declared) else {
            throw StandardUpgradeError(
                "/apiVersion: '\(declared)' is not a version of \(standard.rawValue) meshreg reads; use one of \(standard.apiVersions.joined(separator: ", "))")
        }
        guard !from.isAfter(target) else {
            throw StandardUpgradeError("/apiVersion: the document declares \(declared), later than \(target); upgrade only moves forward")
        }
        self.standard = standard
        self.from = declared
        self.to = target
        guard declared != target else {
            self.changes = []
            return
        }
        var changes = [Change(edit: .replaceValue(.root / "apiVersion", .string(target)), summary: "/apiVersion: \(declared) → \(target)")]
        if standard == .odps, !StandardVersion(standard, apiVersion: target)!.isBefore(ODPSShapes.version110) {
            changes += Self.productTypeToType(json)
        }
        self.changes = changes
    }

    /// Whether the document changes.
    public var changesDocument: Bool { !changes.isEmpty }

    /// The document with the changes made.
    public func applied(to json: JSONValue) -> JSONValue {
        changes.reduce(json) { document, change in
            switch change.edit {
            case .replaceValue(let pointer, let value): document.replacing(pointer, with: value)
            case .insertKey(let key, let value, let after): document.inserting(key, value, after: after)
            case .removeElement(let pointer, let removesArray):
                removesArray ? document.replacing(JSONPointer(tokens: Array(pointer.tokens.dropLast())), with: nil)
                    : document.replacing(pointer, with: nil)
            }
        }
    }

    /// `customProperties.productType` becomes `type`, unless `type` is already set.
    private static func productTypeToType(_ json: JSONValue) -> [Change] {
        guard json["type"] == nil, let entries = json["customProperties"]?.arrayValue,
            let index = entries.firstIndex(where: { $0["property"]?.stringValue == "productType" }),
            let value = entries[index]["value"], value.stringValue != nil
        else { return [] }
        let anchor = json["domain"] != nil ? "domain" : "apiVersion"
        return [
            Change(edit: .insertKey("type", value, after: anchor), summary: "/type: \(value.stringValue!) (ODPS v1.1.0 has a field for the product's kind)"),
            Change(
                edit: .removeElement(.root / "customProperties" / index, removesArray: entries.count == 1),
                summary: "/customProperties/\(index): the productType hint is removed; /type replaces it"),
        ]
    }
}

/// Why a document cannot be upgraded.
public struct StandardUpgradeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    package init(_ description: String) { self.description = description }
}

extension JSONValue {
    /// A copy with the value at `pointer` replaced, or removed when `value` is nil; unchanged when
    /// the pointer's parent does not exist.
    func replacing(_ pointer: JSONPointer, with value: JSONValue?) -> JSONValue {
        guard let token = pointer.tokens.first else { return value ?? .null }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            if rest.tokens.isEmpty { object[token] = value } else if let child = object[token] { object[token] = child.replacing(rest, with: value) }
            return .object(object)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else { return self }
            if rest.tokens.isEmpty {
                if let value { elements[index] = value } else { elements.remove(at: index) }
            } else {
                elements[index] = elements[index].replacing(rest, with: value)
            }
            return .array(elements)
        default:
            return self
        }
    }

    /// A copy of an object with `key` added right after `anchor` (or at the end).
    func inserting(_ key: String, _ value: JSONValue, after anchor: String) -> JSONValue {
        guard case .object(let object) = self else { return self }
        var result = JSONObject()
        for (name, member) in object {
            result[name] = member
            if name == anchor { result[key] = value }
        }
        if result[key] == nil { result[key] = value }
        return .object(result)
    }
}
