/// The schema language a contract is projected into; Confluent's `schemaType` names it on the wire.
public enum ProjectionFormat: String, Sendable, CaseIterable {
    case avro
    case jsonSchema = "jsonschema"
    case protobuf

    /// Confluent's `schemaType`: AVRO, JSON or PROTOBUF.
    public var confluentName: String {
        switch self {
        case .avro: "AVRO"
        case .jsonSchema: "JSON"
        case .protobuf: "PROTOBUF"
        }
    }

    /// The format a Kafka server's `format` names (ODCS leaves the values open): `avro`,
    /// `json`/`jsonschema`/`json-schema`, `protobuf`/`proto`; nil for anything else.
    public init?(serverFormat: String) {
        switch serverFormat.lowercased() {
        case "avro": self = .avro
        case "json", "jsonschema", "json-schema", "json_schema": self = .jsonSchema
        case "protobuf", "proto", "proto3": self = .protobuf
        default: return nil
        }
    }
}
