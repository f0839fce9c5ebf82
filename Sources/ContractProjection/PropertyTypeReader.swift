import JSON
import MeshModel

/// Reads the type of each ODCS property: `physicalType` when it names a more precise type, else
/// `logicalType`; `required` decides nullability (docs/contract-projection.md, "Types"). The
/// mapping follows datacontract-cli's ODCS-to-Avro exporter where that one decides.
struct PropertyTypeReader {
    /// Names given to records and enums so far; a schema may define each name once.
    private var namedTypes: Set<String> = []

    /// The record of a schema object, named `name`.
    mutating func record(of object: SchemaObject, name: String) throws(ContractProjectionError) -> ProjectedRecord {
        try claim(name, at: object.pointer / "name")
        return ProjectedRecord(name: name, doc: object.json["description"]?.stringValue,
                               fields: try fields(of: object.properties, in: name))
    }

    private mutating func fields(of properties: [SchemaProperty], in recordName: String) throws(ContractProjectionError) -> [ProjectedField] {
        var fields: [ProjectedField] = []
        var seen: Set<String> = []
        for property in properties {
            let physicalName = property.json["physicalName"]?.stringValue
            let name = physicalName ?? property.name
            let namePointer = property.pointer / (physicalName == nil ? "name" : "physicalName")
            try Self.requireName(name, at: namePointer)
            guard seen.insert(name).inserted else {
                throw ContractProjectionError(.invalidName, at: namePointer, "the record \(recordName) already has a field \(name); rename one of them")
            }
            fields.append(ProjectedField(name: name, doc: property.json["description"]?.stringValue,
                                         type: try type(of: property, in: recordName), required: property.required,
                                         bounds: Self.bounds(of: property), pointer: property.pointer))
        }
        return fields
    }

    /// The type of a property (or of an array's `items`, a map's `value`).
    private mutating func type(of property: SchemaProperty, in recordName: String) throws(ContractProjectionError) -> ProjectedType {
        let physical = Self.physicalType(property.physicalType)
        let logical = property.logicalType?.lowercased()
        if let values = property.enumValues, logical == nil || logical == "string" {
            return try enumeration(property, values: values, in: recordName)
        }
        if let physical, let type = try Self.physicalOverride(physical, logical: logical, at: property.pointer) { return type }
        switch logical {
        case "string": return .string
        case "integer":
            let format = property.logicalTypeOptions?["format"]?.stringValue
            return format == "i64" ? .long : .int
        case "number": return .double
        case "boolean": return .boolean
        case "date": return .date
        case "timestamp": return .timestampMillis
        case "time": return .timeMillis
        case "object":
            let name = try claimNested(property.name.isEmpty ? "\(recordName)_item" : property.name, in: recordName)
            return .record(ProjectedRecord(name: name, doc: property.json["description"]?.stringValue,
                                           fields: try fields(of: property.properties, in: name)))
        case "array":
            guard let items = property.items else {
                throw ContractProjectionError(.unmappableType, at: property.pointer / "items", "an array property needs `items` to say what it holds; add items with a logicalType")
            }
            return .array(try type(of: items, in: recordName))
        case "map":
            guard let key = property.mapKey, let value = property.mapValue else {
                throw ContractProjectionError(.unmappableType, at: property.pointer / "map", "a map property needs map.key and map.value")
            }
            guard key.logicalType?.lowercased() ?? "string" == "string" else {
                throw ContractProjectionError(.unmappableType, at: key.pointer / "logicalType",
                                              "map keys must be strings in Avro, JSON Schema and Protobuf's maps here; use logicalType string for map.key")
            }
            return .map(try type(of: value, in: recordName))
        case "vector":
            return .array(.float)
        case nil:
            throw ContractProjectionError(.unmappableType, at: property.pointer / "logicalType",
                                          "the property \(property.name) has neither a logicalType nor a physicalType the projection knows; add a logicalType")
        case let other?:
            throw ContractProjectionError(.unmappableType, at: property.pointer / "logicalType",
                                          "logicalType \(other) has no counterpart in a Kafka schema; use string, integer, number, boolean, date, timestamp, time, object, array or map")
        }
    }

    /// A `physicalType` that names a Kafka-schema type more precisely than `logicalType` does.
    private static func physicalOverride(_ physical: String, logical: String?, at pointer: JSONPointer) throws(ContractProjectionError) -> ProjectedType? {
        switch physical {
        case "float", "float32": return .float
        case "double", "float64": return .double
        case "long", "bigint", "int64": return .long
        case "int", "int32", "integer", "smallint", "tinyint": return logical == "integer" || logical == nil ? .int : nil
        case "bytes", "binary", "blob": return .bytes
        case "timestamp-millis": return .timestampMillis
        case "timestamp-micros": return .timestampMicros
        case "local-timestamp-millis", "timestamp_ntz": return .localTimestampMillis
        case "local-timestamp-micros": return .localTimestampMicros
        case "time-millis": return .timeMillis
        case "time-micros": return .timeMicros
        default: break
        }
        if physical.hasPrefix("decimal") || physical.hasPrefix("numeric") {
            return try decimal(physical, at: pointer / "physicalType")
        }
        return nil
    }

    /// `decimal(p,s)` or `decimal(p)`; a bare `decimal` leaves the type to `logicalType`.
    private static func decimal(_ text: String, at pointer: JSONPointer) throws(ContractProjectionError) -> ProjectedType? {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let digits = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ",").map { trimmed(String($0)) }
        guard (1...2).contains(digits.count), let precision = Int(digits[0]), let scale = digits.count == 2 ? Int(digits[1]) : 0,
            precision >= 1, (0...precision).contains(scale)
        else {
            throw ContractProjectionError(.unmappableType, at: pointer, "\(text) is not decimal(precision, scale) with 0 ≤ scale ≤ precision, e.g. decimal(12,2)")
        }
        return .decimal(precision: precision, scale: scale)
    }

    /// The physical type in lower case; an Avro union written as text (`["null", "string"]`)
    /// counts as its one non-null branch, since `required` already says whether null is allowed.
    static func physicalType(_ text: String?) -> String? {
        guard let text = text.map(trimmed)?.lowercased(), !text.isEmpty else { return nil }
        if text.hasPrefix("["), let union = try? JSONParser.parse(text), let branches = union.arrayValue {
            let named = branches.compactMap(\.stringValue).filter { $0 != "null" }
            return named.count == 1 && branches.count <= 2 ? named[0] : nil
        }
        return text
    }

    private mutating func enumeration(_ property: SchemaProperty, values: [JSONValue], in recordName: String) throws(ContractProjectionError) -> ProjectedType {
        var symbols: [String] = []
        for value in values {
            // Values that are not names stay a string; the domain rule lists the allowed values.
            guard let symbol = value.stringValue, Self.isName(symbol) else { return .string }
            symbols.append(symbol)
        }
        let name = try claimNested(Self.typeName(property.name.isEmpty ? "\(recordName)_value" : property.name), in: recordName)
        return .enumeration(name: name, symbols: symbols)
    }

    /// The bounds among `logicalTypeOptions`, in the order written.
    private static func bounds(of property: SchemaProperty) -> JSONObject {
        JSONObject((property.logicalTypeOptions ?? [:]).filter { JSONSchemaWriter.boundKeywords.contains($0.key) })
    }

    /// `page_type` → `PageType`.
    static func typeName(_ field: String) -> String {
        field.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A nested record's or enum's name: `name`, else `<record>_<name>` when taken.
    private mutating func claimNested(_ name: String, in recordName: String) throws(ContractProjectionError) -> String {
        for candidate in [name, "\(recordName)_\(name)"] where !namedTypes.contains(candidate) {
            namedTypes.insert(candidate)
            return candidate
        }
        var suffix = 2
        while namedTypes.contains("\(recordName)_\(name)\(suffix)") { suffix += 1 }
        namedTypes.insert("\(recordName)_\(name)\(suffix)")
        return "\(recordName)_\(name)\(suffix)"
    }

    private mutating func claim(_ name: String, at pointer: JSONPointer) throws(ContractProjectionError) {
        try Self.requireName(name, at: pointer)
        namedTypes.insert(name)
    }

    /// Avro's and Protobuf's name rule: `[A-Za-z_][A-Za-z0-9_]*`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func requireName(_ name: String, at pointer: JSONPointer) throws(ContractProjectionError) {
        guard isName(name) else {
            throw ContractProjectionError(.invalidName, at: pointer,
                                          "'\(name)' is not a field or type name in Avro and Protobuf ([A-Za-z_][A-Za-z0-9_]*); rename the property or give it a physicalName that is one")
        }
    }
}

/// `text` without spaces at either end.
private func trimmed(_ text: String) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
}
