import JSON

/// A dataset of an OpenLineage event with the facets lineage uses: `schema`, `columnLineage`,
/// `symlinks` and `dataSource` (OpenLineage 2-0-2 facets).
public struct OpenLineageDataset: Sendable, Hashable {
    /// A field of the `schema` facet; nested fields are flattened to dotted names.
    public struct Field: Sendable, Hashable {
        /// The name, e.g. `customer_id` or `address.city`.
        public var name: String
        /// The type as the producer wrote it, e.g. `string`, `DECIMAL(12,2)`.
        public var type: String?
    }

    /// An input field of the `columnLineage` facet.
    public struct InputField: Sendable, Hashable {
        /// The input dataset, normalized.
        public var dataset: DatasetIdentifier
        /// The input field's name.
        public var field: String
    }

    /// The `columnLineage` entry of one output field.
    public struct FieldLineage: Sendable, Hashable {
        /// The output field.
        public var field: String
        /// The input fields it is computed from.
        public var inputs: [InputField]
    }

    /// The dataset as named in the event, normalized (``DatasetIdentifier/normalized``).
    public var identifier: DatasetIdentifier
    /// The `schema` facet's fields, in order.
    public var fields: [Field]
    /// The `columnLineage` facet's `fields`, in order.
    public var columnLineage: [FieldLineage]
    /// The `columnLineage` facet's dataset-level `dataset` inputs (fields that affect every row,
    /// e.g. filters and join keys).
    public var datasetLevelInputs: [InputField]
    /// The `symlinks` facet's other names of the dataset, normalized (e.g. a Hive table for an S3 path).
    public var symlinks: [DatasetIdentifier]
    /// The `dataSource` facet's `uri`.
    public var dataSourceURI: String?
    /// All dataset facets (`facets`, `inputFacets`, `outputFacets` together), as written.
    public var facets: JSONObject

    /// Reads a dataset at `pointer`, leaving problems in `reader`; nil without namespace and name.
    init?(_ value: JSONValue?, at pointer: JSONPointer, reader: inout OpenLineageReader) {
        guard let object = reader.object(value, at: pointer, required: true) else { return nil }
        let namespace = reader.string("namespace", in: object, at: pointer)
        let name = reader.string("name", in: object, at: pointer)
        var facets = reader.facets("facets", in: object, at: pointer)
        for key in ["inputFacets", "outputFacets"] {
            for (facetName, facet) in reader.facets(key, in: object, at: pointer) { facets[facetName] = facet }
        }
        let facetsPointer = pointer / "facets"
        let schema = reader.object(facets["schema"], at: facetsPointer / "schema", required: false)
        let fields = schema.map { Self.fields(in: $0, at: facetsPointer / "schema", prefix: "", reader: &reader) } ?? []
        var columnLineage: [FieldLineage] = []
        var datasetLevelInputs: [InputField] = []
        if let facet = reader.object(facets["columnLineage"], at: facetsPointer / "columnLineage", required: false) {
            let facetPointer = facetsPointer / "columnLineage"
            if let outputFields = reader.object(facet["fields"], at: facetPointer / "fields", required: true) {
                for (field, entry) in outputFields {
                    let entryPointer = facetPointer / "fields" / field
                    guard let entry = reader.object(entry, at: entryPointer, required: true) else { continue }
                    guard let inputs = reader.array(entry["inputFields"], at: entryPointer / "inputFields") else {
                        reader.report("missing-field", at: entryPointer / "inputFields", "'inputFields' is required; add the fields this field is computed from")
                        continue
                    }
                    columnLineage.append(FieldLineage(field: field, inputs: Self.inputFields(inputs, at: entryPointer / "inputFields", reader: &reader)))
                }
            }
            if let inputs = reader.array(facet["dataset"], at: facetPointer / "dataset") {
                datasetLevelInputs = Self.inputFields(inputs, at: facetPointer / "dataset", reader: &reader)
            }
        }
        var symlinks: [DatasetIdentifier] = []
        if let facet = reader.object(facets["symlinks"], at: facetsPointer / "symlinks", required: false) {
            let identifiers = reader.array(facet["identifiers"], at: facetsPointer / "symlinks" / "identifiers") ?? []
            for (offset, identifier) in identifiers.enumerated() {
                let identifierPointer = facetsPointer / "symlinks" / "identifiers" / offset
                guard let identifier = reader.object(identifier, at: identifierPointer, required: true) else { continue }
                let symlinkNamespace = reader.string("namespace", in: identifier, at: identifierPointer)
                let symlinkName = reader.string("name", in: identifier, at: identifierPointer)
                _ = reader.string("type", in: identifier, at: identifierPointer)
                if let symlinkNamespace, let symlinkName { symlinks.append(DatasetIdentifier(namespace: symlinkNamespace, name: symlinkName).normalized) }
            }
        }
        var dataSourceURI: String?
        if let facet = reader.object(facets["dataSource"], at: facetsPointer / "dataSource", required: false) {
            dataSourceURI = reader.string("uri", in: facet, at: facetsPointer / "dataSource", required: false)
        }
        guard let namespace, let name else { return nil }
        self.identifier = DatasetIdentifier(namespace: namespace, name: name).normalized
        self.fields = fields
        self.columnLineage = columnLineage
        self.datasetLevelInputs = datasetLevelInputs
        self.symlinks = symlinks
        self.dataSourceURI = dataSourceURI
        self.facets = facets
    }

    /// Adds what `other` (a later report of the same dataset) knows: its facets replace these,
    /// its non-empty schema replaces the fields, its column lineage replaces same-named fields.
    mutating func merge(_ other: OpenLineageDataset) {
        for (name, facet) in other.facets { facets[name] = facet }
        if !other.fields.isEmpty { fields = other.fields }
        for entry in other.columnLineage {
            if let index = columnLineage.firstIndex(where: { $0.field == entry.field }) { columnLineage[index] = entry } else { columnLineage.append(entry) }
        }
        for input in other.datasetLevelInputs where !datasetLevelInputs.contains(input) { datasetLevelInputs.append(input) }
        for symlink in other.symlinks where !symlinks.contains(symlink) { symlinks.append(symlink) }
        dataSourceURI = other.dataSourceURI ?? dataSourceURI
    }

    private static func fields(in object: JSONObject, at pointer: JSONPointer, prefix: String, reader: inout OpenLineageReader) -> [Field] {
        var result: [Field] = []
        for (offset, value) in (reader.array(object["fields"], at: pointer / "fields") ?? []).enumerated() {
            let fieldPointer = pointer / "fields" / offset
            guard let field = reader.object(value, at: fieldPointer, required: true),
                let name = reader.string("name", in: field, at: fieldPointer)
            else { continue }
            let type = reader.string("type", in: field, at: fieldPointer, required: false)
            result.append(Field(name: prefix + name, type: type))
            result += fields(in: field, at: fieldPointer, prefix: prefix + name + ".", reader: &reader)
        }
        return result
    }

    private static func inputFields(_ values: [JSONValue], at pointer: JSONPointer, reader: inout OpenLineageReader) -> [InputField] {
        values.enumerated().compactMap { offset, value in
            let inputPointer = pointer / offset
            guard let input = reader.object(value, at: inputPointer, required: true) else { return nil }
            let namespace = reader.string("namespace", in: input, at: inputPointer)
            let name = reader.string("name", in: input, at: inputPointer)
            let field = reader.string("field", in: input, at: inputPointer)
            guard let namespace, let name, let field else { return nil }
            return InputField(dataset: DatasetIdentifier(namespace: namespace, name: name).normalized, field: field)
        }
    }
}
