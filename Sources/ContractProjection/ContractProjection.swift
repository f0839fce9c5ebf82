import JSON
import MeshModel

/// An ODCS contract projected onto its Kafka topic's value or key subject
/// (docs/contract-projection.md): the schema in Avro, JSON Schema or Protobuf, Confluent's
/// `metadata` and `ruleSet`, and the contract rules no domain rule expresses.
public struct ContractProjection: Sendable {
    /// The topic; the subject is `<topic>-value` or `<topic>-key` (Confluent's TopicNameStrategy).
    public let topic: String
    public let part: KafkaRecordPart
    public let format: ProjectionFormat
    /// The schema text, as it is registered: compact JSON for Avro and JSON Schema, proto3 text.
    public let schema: String
    /// `{"tags": {path: [tag]}, "properties": {owner, domain, contract}}`.
    public let metadata: JSONValue
    public let domainRules: [DomainRule]
    public let skipped: [SkippedRule]

    /// The contract custom property by which a contract opts out of driving its subjects.
    public static let optOutProperty = "projectSubject"

    /// Whether the contract drives its topics' subjects: every Kafka contract does unless its
    /// `customProperties` set `projectSubject` false. Publishing it registers the projection,
    /// and hand registrations must conform to it.
    public static func drivesSubject(_ contract: DataContract) -> Bool {
        let value = contract.customProperties[optOutProperty]
        return !(value == .bool(false) || value?.stringValue?.lowercased() == "false")
    }

    /// The subject the schema is registered under.
    public var subject: String { "\(topic)-\(part.rawValue)" }

    /// Confluent's `ruleSet` with the domain rules.
    public var ruleSet: JSONValue { ["domainRules": .array(domainRules.map(\.json))] }

    /// Everything, as `meshreg contract project --format json` prints it.
    public var json: JSONValue {
        ["subject": .string(subject), "schemaType": .string(format.confluentName), "schema": .string(schema),
         "metadata": metadata, "ruleSet": ruleSet, "skipped": .array(skipped.map(\.json))]
    }

    /// One value projection per Kafka topic of the contract (each server's `topic`, once), and a
    /// key projection after it when the topic's object declares a key, in the server's format;
    /// empty without a Kafka server.
    public static func all(of contract: DataContract) throws(ContractProjectionError) -> [ContractProjection] {
        var projections: [ContractProjection] = []
        for topic in KafkaBinding.topics(of: contract) {
            let binding = try KafkaBinding(contract: contract, topic: topic)
            projections.append(try ContractProjection(contract: contract, binding: binding, format: nil, part: .value))
            if binding.declaresKey {
                projections.append(try ContractProjection(contract: contract, binding: binding, format: nil, part: .key))
            }
        }
        return projections
    }

    /// Whether the object that `topic` carries has properties marked `partitioned`, which form its key.
    public static func declaresKey(_ contract: DataContract, topic: String) throws(ContractProjectionError) -> Bool {
        try KafkaBinding(contract: contract, topic: topic).declaresKey
    }

    /// Projects the contract onto `topic` (default: its first Kafka topic) in `format` (default:
    /// the Kafka server's `format`, else Avro); `part` key projects the object's `partitioned`
    /// properties, and fails when it has none.
    public init(contract: DataContract, topic: String? = nil, format: ProjectionFormat? = nil, part: KafkaRecordPart = .value) throws(ContractProjectionError) {
        try self.init(contract: contract, binding: try KafkaBinding(contract: contract, topic: topic), format: format, part: part)
    }

    /// Projects the contract onto the topic `binding` resolved, as the initializer above says.
    private init(contract: DataContract, binding: KafkaBinding, format: ProjectionFormat?, part: KafkaRecordPart) throws(ContractProjectionError) {
        var chosen = format
        if chosen == nil, let serverFormat = binding.serverFormat {
            guard let named = ProjectionFormat(serverFormat: serverFormat) else {
                throw ContractProjectionError(.unsupportedFormat, at: (binding.serverPointer ?? .root) / "format",
                                              "format \(serverFormat) is not a schema-registry format; use avro, json or protobuf")
            }
            chosen = named
        }
        let object = part == .key ? try KafkaKey.object(of: binding.object) : binding.object
        try self.init(contract: contract, object: object, topic: binding.topic, format: chosen ?? .avro, part: part)
    }

    /// Projects one schema object, whatever the servers say: for contracts without a Kafka
    /// server, and for tests over every object of a contract.
    public init(contract: DataContract, object: SchemaObject, topic: String, format: ProjectionFormat,
                part: KafkaRecordPart = .value) throws(ContractProjectionError) {
        var types = PropertyTypeReader()
        let record = try types.record(of: object, name: object.name)
        let namespace = Self.namespace(of: contract, object: object)
        switch format {
        case .avro: schema = AvroSchemaWriter.schema(of: record, namespace: namespace).encoded()
        case .jsonSchema: schema = JSONSchemaWriter.schema(of: record).encoded()
        case .protobuf: schema = try ProtobufSchemaWriter.text(of: record, package: namespace)
        }
        var rules = DomainRuleReader()
        rules.read(object, record: record)
        self.topic = topic
        self.part = part
        self.format = format
        self.metadata = ProjectionMetadata.json(of: contract, object: object, record: record)
        self.domainRules = rules.rules
        self.skipped = rules.skipped
    }

    /// The schema object's `namespace` custom property (as datacontract-cli reads it), else the
    /// contract id with every character outside `[A-Za-z0-9_.]` made `_`.
    static func namespace(of contract: DataContract, object: SchemaObject) -> String? {
        let custom = (object.json["customProperties"]?.arrayValue ?? []).first { $0["property"]?.stringValue == "namespace" }?["value"]?.stringValue
        let text = custom ?? contract.id
        let segments = text.split(separator: ".", omittingEmptySubsequences: true).map { segment -> String in
            let cleaned = String(segment.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
            return cleaned.first?.isNumber == true ? "_" + cleaned : cleaned
        }
        return segments.isEmpty ? nil : segments.joined(separator: ".")
    }
}
