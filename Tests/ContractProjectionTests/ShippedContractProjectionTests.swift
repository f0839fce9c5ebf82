import CEL
import Compatibility
import Foundation
import JSON
import MeshModel
import Protobuf
import Testing
@testable import ContractProjection

/// Every shipped Kafka contract and every official ODCS example projects into schemas our own
/// Avro, JSON Schema and Protobuf parsers accept, field for field.
@Suite struct ShippedContractProjectionTests {
    @Test func theMeshShipsKafkaContracts() {
        #expect(ContractFiles.shippedKafka.count >= 7, "found \(ContractFiles.shippedKafka)")
    }

    @Test(arguments: ContractFiles.shippedKafka, ProjectionFormat.allCases)
    func everyShippedKafkaContractProjects(path: String, format: ProjectionFormat) throws {
        let contract = try ContractFiles.contract(path)
        let projection = try ContractProjection(contract: contract, format: format)
        let binding = try KafkaBinding(contract: contract, topic: nil)
        #expect(SubjectTopics.topic(of: projection.subject) == binding.topic)
        try Self.expectParses(projection, fieldNames: binding.object.properties.map(\.name))
        for rule in projection.domainRules {
            #expect(throws: Never.self) { try CELProgram.compile(rule.expression, declarations: CELDeclarations(variables: ["message": .dyn])) }
        }
        #expect(projection.metadata["properties"]?["contract"] == .string("\(contract.id)@\(contract.versionText)"))
    }

    /// The shipped page views are keyed by device (`anonymous_id`, marked partitioned): the
    /// contract projects a one-field key in every language. The order and consent events mark
    /// their keys too; the other shipped Kafka contracts declare none.
    @Test func theShippedPageViewsProjectTheirKey() throws {
        let contract = try ContractFiles.contract("Domains/clickstream/contracts/clickstream.page-views.odcs.yaml")
        #expect(try ContractProjection.all(of: contract).map(\.subject) == ["clickstream.page-views.v2-value", "clickstream.page-views.v2-key"])
        for format in ProjectionFormat.allCases {
            let key = try ContractProjection(contract: contract, format: format, part: .key)
            try Self.expectParses(key, fieldNames: ["anonymous_id"])
            #expect(key.metadata["tags"] == ["page_viewKey.anonymous_id": ["RESTRICTED"]])
        }
        let keyed = try ContractFiles.shippedKafka.filter { path in
            let contract = try ContractFiles.contract(path)
            return try ContractProjection.all(of: contract).contains { $0.part == .key }
        }
        #expect(keyed.sorted() == [
            "Domains/clickstream/contracts/clickstream.page-views.odcs.yaml", "Domains/customers/contracts/customers.consent-events.odcs.yaml",
            "Domains/orders/contracts/orders.order-events-v1.0.0.odcs.yaml", "Domains/orders/contracts/orders.order-events-v1.1.0.odcs.yaml",
        ])
    }

    /// Every schema object of every official example: projected and parsed, or refused with a
    /// pointer into the document, in all three languages.
    @Test(arguments: ContractFiles.officialExamples)
    func officialExamplesProjectOrSayWhereNot(name: String) throws {
        let contract = try ContractFiles.official(name)
        var projected = 0
        for object in contract.schemaObjects {
            for format in ProjectionFormat.allCases {
                do {
                    let projection = try ContractProjection(contract: contract, object: object, topic: object.name, format: format)
                    try Self.expectParses(projection, fieldNames: object.properties.map { $0.json["physicalName"]?.stringValue ?? $0.name })
                    projected += 1
                } catch let error as ContractProjectionError {
                    #expect(Self.resolves(error.pointer, in: contract.json), "\(name): \(error) points at nothing")
                    #expect(!error.message.isEmpty)
                }
            }
        }
        // The map example's map of arrays has no Protobuf form: the one refusal expected.
        let refusals = name == "odcs-v3.2.0-map.odcs.json" ? 1 : 0
        #expect(projected == contract.schemaObjects.count * ProjectionFormat.allCases.count - refusals, "\(name)")
    }

    /// A new contract version that only adds an optional property projects to a schema that is
    /// compatible both ways, as the contract's FULL_TRANSITIVE hint promises.
    @Test func anAdditiveContractVersionProjectsToACompatibleSchema() throws {
        let old = try ContractProjection(contract: try ContractFiles.contract("Domains/orders/contracts/orders.order-events-v1.0.0.odcs.yaml"))
        let new = try ContractProjection(contract: try ContractFiles.contract("Domains/orders/contracts/orders.order-events-v1.1.0.odcs.yaml"))
        #expect(old.subject == new.subject)
        let report = AvroCompatibilityChecker().check(new: try AvroSchema(parsing: new.schema), against: [try AvroSchema(parsing: old.schema)], mode: .fullTransitive)
        #expect(report.isCompatible, "\(report.findings)")
        #expect(old.schema != new.schema)
    }

    static func expectParses(_ projection: ContractProjection, fieldNames: [String]) throws {
        switch projection.format {
        case .avro:
            let schema = try AvroSchema(parsing: projection.schema)
            #expect(schema.json["fields"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == fieldNames)
        case .jsonSchema:
            let document = try JSONSchemaDocument(parsing: projection.schema)
            #expect(document.json["properties"]?.objectValue?.keys == fieldNames)
            #expect(document.json["$schema"] == .string(JSONSchemaWriter.draft))
        case .protobuf:
            let schema = try ProtobufSchema(parsing: projection.schema)
            #expect(schema.formattedText.contains("message"))
            for name in fieldNames {
                #expect(projection.schema.contains(" \(name) = "), "field \(name) in\n\(projection.schema)")
            }
        }
    }

    static func resolves(_ pointer: JSONPointer, in document: JSONValue) -> Bool {
        var node: JSONValue? = document
        for token in pointer.tokens.dropLast() {
            if case .array? = node { node = Int(token).flatMap { node?[$0] } } else { node = node?[token] }
        }
        return node != nil
    }
}

/// The topic of a `<topic>-value` subject.
enum SubjectTopics {
    static func topic(of subject: String) -> String? {
        subject.hasSuffix("-value") ? String(subject.dropLast(6)) : nil
    }
}
