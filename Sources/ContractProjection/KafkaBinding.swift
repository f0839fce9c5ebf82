import JSON
import MeshModel

/// Where a contract meets Kafka: the topic, the server that names it (for `format`) and the
/// schema object whose records the topic carries (docs/contract-projection.md, "Topic and object").
struct KafkaBinding {
    /// The topics a contract projects onto: each `kafka` server's `topic` custom property, in
    /// order and once; without any, the first schema object's `physicalName`.
    static func topics(of contract: DataContract) -> [String] {
        let servers = contract.servers.filter { $0["type"]?.stringValue?.lowercased() == "kafka" }
        guard !servers.isEmpty else { return [] }
        var topics: [String] = []
        for server in servers {
            if let topic = topicProperty(of: server), !topics.contains(topic) { topics.append(topic) }
        }
        if topics.isEmpty, let name = contract.schemaObjects.compactMap(\.physicalName).first { topics.append(name) }
        return topics
    }

    /// A server's `topic` custom property.
    private static func topicProperty(of server: JSONValue) -> String? {
        (server["customProperties"]?.arrayValue ?? []).first { $0["property"]?.stringValue == "topic" }?["value"]?.stringValue
    }

    var topic: String
    /// The Kafka server naming the topic, e.g. `/servers/0`; nil when only a `physicalName` names it.
    var serverPointer: JSONPointer?
    var serverFormat: String?
    var object: SchemaObject

    /// Whether the object has properties marked `partitioned`, which form the topic's key.
    var declaresKey: Bool { !KafkaKey.properties(of: object).isEmpty }

    /// The binding of `topic`, or of the contract's first topic when nil: a `kafka` server's
    /// `topic` custom property, else a schema object's `physicalName` on a contract with a Kafka
    /// server. The object is the one whose `physicalName` is the topic, else the only one.
    init(contract: DataContract, topic wanted: String?) throws(ContractProjectionError) {
        let servers = contract.servers.enumerated().filter { $0.element["type"]?.stringValue?.lowercased() == "kafka" }
        guard !servers.isEmpty else {
            throw ContractProjectionError(.noKafkaServer, at: .root / "servers",
                                          "the contract has no server of type kafka; add one with a `topic` custom property to project it onto a subject")
        }
        let named = servers.compactMap { index, server -> (topic: String, pointer: JSONPointer, format: String?)? in
            Self.topicProperty(of: server).map { ($0, JSONPointer.root / "servers" / index, server["format"]?.stringValue) }
        }
        let physicalNames = contract.schemaObjects.compactMap(\.physicalName)
        let chosen: (topic: String, pointer: JSONPointer?, format: String?)
        if let wanted {
            if let server = named.first(where: { $0.topic == wanted }) {
                chosen = (server.topic, server.pointer, server.format)
            } else if physicalNames.contains(wanted) {
                chosen = (wanted, .root / "servers" / servers[0].offset, servers[0].element["format"]?.stringValue)
            } else {
                throw ContractProjectionError(.noKafkaServer, at: .root / "servers", "the contract names no Kafka topic \(wanted)")
            }
        } else if let server = named.first {
            chosen = (server.topic, server.pointer, server.format)
        } else if let name = physicalNames.first {
            chosen = (name, .root / "servers" / servers[0].offset, servers[0].element["format"]?.stringValue)
        } else {
            throw ContractProjectionError(.noKafkaServer, at: .root / "servers" / servers[0].offset / "customProperties",
                                          "the Kafka server names no topic; add a custom property `topic` (or a physicalName on the schema object)")
        }
        let matching = contract.schemaObjects.filter { $0.physicalName == chosen.topic }
        if let object = matching.first {
            self.object = object
        } else if contract.schemaObjects.count == 1 {
            self.object = contract.schemaObjects[0]
        } else {
            throw ContractProjectionError(.noSchemaObject, at: .root / "schema",
                                          "the contract has \(contract.schemaObjects.count) schema objects and none has physicalName \(chosen.topic); set the physicalName of the one the topic carries")
        }
        topic = chosen.topic
        serverPointer = chosen.pointer
        serverFormat = chosen.format
    }
}
