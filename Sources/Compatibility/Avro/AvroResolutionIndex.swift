import JSON

/// What schema resolution reads on every check, built once when a schema is parsed: flat arrays of
/// plain values, so a check walks the graph by index without copying nodes or hashing field names.
///
/// The nodes stay the source of truth; findings read their names, pointers and summaries from there.
struct AvroResolutionIndex: Sendable {
    /// A node's kind without its payload.
    enum Shape: UInt8, Sendable {
        case null, boolean, int, long, float, double, bytes, string, record, enumeration, array, map, union, fixed
    }

    /// One node: its shape and where its children are.
    struct Entry: Sendable {
        var shape: Shape
        /// Whether the node carries a logical type.
        var hasLogicalType: Bool
        /// The items or values node of an array or map; the first branch in ``branches`` of a
        /// union; the first field in ``fields`` of a record.
        var first: Int
        /// The number of branches of a union or fields of a record.
        var count: Int
        /// The record's position among the schema's records, for memoising record pairs.
        var record: Int
    }

    /// One record field, as resolution needs it before anything differs.
    struct Field: Sendable {
        var type: Int
        var hasDefault: Bool
        var hasAliases: Bool
        var hasDoc: Bool
    }

    let entries: ContiguousArray<Entry>
    let branches: ContiguousArray<Int>
    let fields: ContiguousArray<Field>
    /// The name of each field in ``fields``.
    let fieldNames: ContiguousArray<String>
    /// The default of each field in ``fields``.
    let fieldDefaults: ContiguousArray<JSONValue?>
    /// The doc of each field in ``fields``.
    let fieldDocs: ContiguousArray<String?>
    /// The aliases of each field in ``fields``.
    let fieldAliases: ContiguousArray<[String]>
    /// For each record, its field positions by name.
    let positions: ContiguousArray<[String: Int]>

    init(nodes: [AvroNode]) {
        var entries = ContiguousArray<Entry>()
        var branches = ContiguousArray<Int>()
        var fields = ContiguousArray<Field>()
        var fieldNames = ContiguousArray<String>()
        var fieldDefaults = ContiguousArray<JSONValue?>()
        var fieldDocs = ContiguousArray<String?>()
        var fieldAliases = ContiguousArray<[String]>()
        var positions = ContiguousArray<[String: Int]>()
        entries.reserveCapacity(nodes.count)
        for node in nodes {
            var entry = Entry(shape: .null, hasLogicalType: node.logicalType != nil, first: 0, count: 0, record: -1)
            switch node.kind {
            case .null: entry.shape = .null
            case .boolean: entry.shape = .boolean
            case .int: entry.shape = .int
            case .long: entry.shape = .long
            case .float: entry.shape = .float
            case .double: entry.shape = .double
            case .bytes: entry.shape = .bytes
            case .string: entry.shape = .string
            case .enumeration: entry.shape = .enumeration
            case .fixed: entry.shape = .fixed
            case .array(let items):
                entry.shape = .array
                entry.first = items
            case .map(let values):
                entry.shape = .map
                entry.first = values
            case .union(let unionBranches):
                entry.shape = .union
                entry.first = branches.count
                entry.count = unionBranches.count
                branches.append(contentsOf: unionBranches)
            case .record(let record):
                entry.shape = .record
                entry.first = fields.count
                entry.count = record.fields.count
                entry.record = positions.count
                positions.append(record.positions)
                for field in record.fields {
                    fields.append(Field(
                        type: field.type, hasDefault: field.defaultValue != nil, hasAliases: !field.aliases.isEmpty, hasDoc: field.doc != nil))
                    fieldNames.append(field.name)
                    fieldDefaults.append(field.defaultValue)
                    fieldDocs.append(field.doc)
                    fieldAliases.append(field.aliases)
                }
            }
            entries.append(entry)
        }
        self.entries = entries
        self.branches = branches
        self.fields = fields
        self.fieldNames = fieldNames
        self.fieldDefaults = fieldDefaults
        self.fieldDocs = fieldDocs
        self.fieldAliases = fieldAliases
        self.positions = positions
    }

    /// The number of records in the schema.
    var recordCount: Int { positions.count }
}

extension AvroResolutionIndex.Shape {
    /// Whether a reader of this shape reads `writer` values by promotion (Avro spec "Schema Resolution").
    func promotes(_ writer: Self) -> Bool {
        switch (self, writer) {
        case (.long, .int), (.float, .int), (.float, .long), (.double, .int), (.double, .long), (.double, .float),
             (.bytes, .string), (.string, .bytes): true
        default: false
        }
    }
}
