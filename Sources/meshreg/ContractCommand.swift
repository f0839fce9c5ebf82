import Arguments
import ContractProjection
import JSON
import MeshModel
import Registry

/// `meshreg contract project`: a contract version projected onto its Kafka topic's value or key subject.
enum ContractCommand: Command {
    static let specification = CommandSpecification(
        name: "contract", summary: "Project a contract onto its Kafka subject: the schema, Confluent metadata and CEL rules.",
        usage: "project <id>@<version> | project --file FILE [--format avro|jsonschema|protobuf|json] [--type avro|jsonschema|protobuf] [--topic TOPIC] [--key]",
        options: [
            .option("format", value: "avro|jsonschema|protobuf|json",
                    help: "Print the schema in this language, or (json) the whole projection: subject, schemaType, schema, metadata, ruleSet, skipped rules."),
            .option("type", value: "avro|jsonschema|protobuf", help: "With --format json: the schema language (default: the Kafka server's format, else avro)."),
            .option("topic", value: "TOPIC", help: "The Kafka topic to project onto (default: the contract's first)."),
            .flag("key", help: "Project the record key (the properties marked partitioned) onto <topic>-key instead of the value."),
            .option("file", value: "PATH", help: "Project an .odcs.yaml or .json file instead of a registered version."),
            GlobalOptions.database,
        ] + GlobalOptions.remote,
        arguments: 1...2,
        discussion: """
            The mapping is in docs/contract-projection.md: logical and physical types to Avro, JSON
            Schema (draft-07) or proto3, required to non-null, descriptions to doc, classifications
            and tags to metadata.tags, the owning team, domain and version to metadata.properties,
            and single-value constraints to CEL CONDITION rules. What CEL cannot express is listed
            under `skipped` with the reason. Publishing a Kafka contract version active registers
            this projection on <topic>-value, and the key's on <topic>-key when properties are
            marked partitioned, unless its customProperties set projectSubject to false.
            Exit status: 0 printed, 2 the contract cannot be read or projected (the error names
            the JSON Pointer, and with --file its line:column).

            EXAMPLES:
              meshreg contract project orders.order-events@1.1.0
              meshreg contract project orders.order-events@1.1.0 --format protobuf
              meshreg contract project clickstream.page-views@2.0.0 --key
              meshreg contract project --file Domains/clickstream/contracts/clickstream.page-views.odcs.yaml --format json
              meshreg contract project orders.order-events@1.1.0 --server https://meshreg.example.com --format json
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        guard arguments.arguments[0] == "project" else {
            throw CommandError("unknown contract action '\(arguments.arguments[0])'; use project")
        }
        let output = arguments.value("format")
        let language = try format(arguments.value("type") ?? (output == "json" ? nil : output))
        let (contract, submission) = try read(arguments, context)
        let projection: ContractProjection
        do {
            projection = try ContractProjection(contract: contract, topic: arguments.value("topic"), format: language,
                                                part: arguments.flag("key") ? .key : .value)
        } catch {
            let issue = ValidationIssue(pointer: error.pointer, code: error.code.rawValue, message: error.message)
            throw RegistryError(.invalidDocument, "the contract \(contract.id)@\(contract.versionText) cannot be projected onto a Kafka subject",
                                issues: submission?.locate([issue]) ?? [LocatedIssue(issue)])
        }
        if output == "json" {
            context.printJSON(projection.json)
        } else if projection.format == .protobuf {
            print(projection.schema, terminator: "")
        } else {
            context.printJSON((try? JSONParser.parse(projection.schema)) ?? .string(projection.schema))
        }
        for skipped in projection.skipped where output != "json" {
            Terminal.note("not a domain rule: \(skipped.pointer): \(skipped.reason)")
        }
        return .success
    }

    /// The schema language named by `--format` or `--type`; nil leaves it to the contract.
    private static func format(_ name: String?) throws -> ProjectionFormat? {
        guard let name else { return nil }
        guard let format = ProjectionFormat(rawValue: name) else {
            throw CommandError("the schema language must be avro, jsonschema or protobuf (or --format json for the whole projection), not '\(name)'")
        }
        return format
    }

    /// The contract from `--file`, the service (`--server`) or the local database.
    private static func read(_ arguments: ParsedArguments, _ context: CommandContext) throws -> (DataContract, DocumentSubmission?) {
        if let file = arguments.value("file") {
            let read = try DocumentFiles.read([file])
            if let error = read.errors.first { throw error }
            guard let submission = read.submissions.first else { throw CommandError("\(file) holds no document") }
            do {
                return (try DataContract(json: submission.json), submission)
            } catch {
                throw RegistryError(.invalidDocument, "\(file) is not a valid ODCS contract", issues: submission.locate(error.issues))
            }
        }
        guard arguments.arguments.count == 2, let at = arguments.arguments[1].lastIndex(of: "@") else {
            throw CommandError("contract project needs the contract as <id>@<version>, e.g. orders.order-events@1.1.0, or --file FILE")
        }
        let (id, version) = (String(arguments.arguments[1][..<at]), String(arguments.arguments[1][arguments.arguments[1].index(after: at)...]))
        let document: JSONValue
        if let remote = try context.remote() {
            document = try remote.send("GET", "/api/v1/contracts/\(id)/versions/\(version)")["document"] ?? .null
        } else {
            document = try context.registry().contract(id, version: version).document
        }
        do {
            return (try DataContract(json: document), nil)
        } catch {
            throw RegistryError(.invalidDocument, "the stored contract \(id)@\(version) is not valid ODCS", issues: error.issues.map { LocatedIssue($0) })
        }
    }
}
