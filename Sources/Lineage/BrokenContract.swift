import JSON
import MeshModel

/// What a proposed contract change breaks: the contract version and, when known, its properties.
public struct BrokenContract: Sendable, Hashable {
    /// The contract version whose readers break.
    public var contract: ContractReference
    /// The broken properties as dotted names from the schema object (`customer_id`, `lines.sku`);
    /// empty when the whole contract breaks.
    public var properties: [String]

    /// Creates a broken contract from property names.
    public init(contract: ContractReference, properties: [String] = []) {
        self.contract = contract
        self.properties = properties
    }

    /// Creates a broken contract from JSON Pointers into `document` (a compatibility report's
    /// paths in the old version), each resolved to the dotted name of the deepest property it
    /// reaches; pointers that reach no property are left out.
    public init(document: DataContract, pointers: [JSONPointer]) {
        var names: [String] = []
        for pointer in pointers {
            for object in document.schemaObjects where pointer.tokens.starts(with: object.pointer.tokens) {
                if let name = Self.propertyName(at: pointer, in: object.properties, prefix: []), !names.contains(name) { names.append(name) }
            }
        }
        self.init(contract: ContractReference(id: document.id, version: document.versionText), properties: names)
    }

    /// The dotted name of the deepest property `pointer` reaches; array `items` add no name, as
    /// column lineage writes `lines.sku` for the `sku` of each element of `lines`.
    private static func propertyName(at pointer: JSONPointer, in properties: [SchemaProperty], prefix: [String], isItems: Bool = false) -> String? {
        for property in properties where pointer.tokens.starts(with: property.pointer.tokens) {
            let path = isItems || property.name.isEmpty ? prefix : prefix + [property.name]
            let deeper =
                propertyName(at: pointer, in: property.properties, prefix: path)
                ?? property.items.flatMap { propertyName(at: pointer, in: [$0], prefix: path, isItems: true) }
            return deeper ?? path.joined(separator: ".")
        }
        return nil
    }
}
