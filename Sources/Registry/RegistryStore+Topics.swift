import JSON
import MeshModel
import SQL

/// A contract version that names a Kafka topic, as the store holds it.
struct TopicContractVersion {
    var contractID: String
    var version: String
    var team: String
    var status: String
    var document: JSONValue

    var reference: String { "\(contractID)@\(version)" }
}

extension RegistryStore {
    /// The contract versions naming `topic` as a Kafka topic (``SubjectOwnership/kafkaTopics(of:)``),
    /// newest version first.
    func contractVersions(namingKafkaTopic topic: String) throws -> [TopicContractVersion] {
        let needle = JSONValue.string(topic).encoded()
        let rows = try db.query("""
            SELECT c.contract_id, c.version, c.team, c.status, r.document FROM contract_versions c
            JOIN revisions r ON r.kind = 'contract' AND r.key = c.contract_id || '@' || c.version AND r.revision = c.revision
            WHERE \(db.dialect.contains("r.document", "?"))
            ORDER BY c.major DESC, c.minor DESC, c.patch DESC
            """, [needle])
        return rows.compactMap { row in
            guard let text = row.string("document"), let document = try? JSONParser.parse(text),
                SubjectOwnership.kafkaTopics(of: document).contains(topic), let id = row.string("contract_id"),
                let version = row.string("version"), let team = row.string("team"), let status = row.string("status")
            else { return nil }
            return TopicContractVersion(contractID: id, version: version, team: team, status: status, document: document)
        }
    }
}
