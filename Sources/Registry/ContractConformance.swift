import Compatibility
import ContractProjection
import JSON
import MeshModel
import Protobuf

/// The check of a hand-registered schema on a value or key subject whose topic a contract drives
/// (docs/contract-projection.md, "Hand registrations"): it must say what the projection of the
/// newest active or deprecated version of that contract says.
enum ContractConformance {
    /// Throws 409 with the differences when `schema` disagrees with the driving contract, found
    /// among `topicContracts`, the versions naming the subject's topic, newest first.
    /// A `-key` subject is checked only when the contract declares the key.
    static func require(_ schema: SubjectSchema, subject: String, topicContracts: [TopicContractVersion]) throws {
        guard let topic = SubjectOwnership.topic(ofSubject: subject), let driving = Self.drivingContract(among: topicContracts) else { return }
        let part: KafkaRecordPart = subject.hasSuffix("-key") ? .key : .value
        let projection: ContractProjection
        do {
            if part == .key, try !ContractProjection.declaresKey(driving.contract, topic: topic) { return }
            projection = try ContractProjection(contract: driving.contract, topic: topic, part: part)
        } catch {
            throw SubjectError(.incompatible, "Subject '\(subject)' is driven by contract \(driving.reference), whose projection fails: \(error); fix the contract first")
        }
        let differences = try Self.differences(schema, projection)
        guard !differences.isEmpty else { return }
        throw SubjectError(.incompatible, "Schema being registered does not match contract \(driving.reference), which drives subject \"\(subject)\"; change the contract (and publish it) instead, details: [\(differences.joined(separator: "; "))]")
    }

    private static func differences(_ schema: SubjectSchema, _ projection: ContractProjection) throws -> [String] {
        let projectedType = SchemaType(projection.format)
        guard schema.type == projectedType else {
            return ["the schema is \(schema.type.confluentName) and the contract's projection is \(projectedType.confluentName)"]
        }
        let projected = try projectedType.document(text: projection.schema)
        switch schema.type {
        case .avro: return ProjectionConformance.differences(avro: schema.document.json, projection: projected)
        case .json: return ProjectionConformance.differences(jsonSchema: schema.document.json, projection: projected)
        default:
            guard let submitted = try? ProtobufSchema(parsing: schema.text), let expected = try? ProtobufSchema(parsing: projection.schema) else {
                return ["the Protobuf schema or the contract's projection does not parse"]
            }
            let report = try schema.type.check(new: schema.document, against: [SchemaDocument(json: projected)], mode: .full)
            return ProjectionConformance.differences(protobuf: submitted, projection: expected) + report.breakingFindings.map(Registry.describe)
        }
    }

    /// The newest active or deprecated version naming the topic, when its contract drives it.
    private static func drivingContract(among topicContracts: [TopicContractVersion]) -> (contract: DataContract, reference: String)? {
        let published = topicContracts.first { $0.status == "active" || $0.status == "deprecated" }
        guard let published, let contract = try? DataContract(json: published.document), ContractProjection.drivesSubject(contract) else { return nil }
        return (contract, published.reference)
    }
}
