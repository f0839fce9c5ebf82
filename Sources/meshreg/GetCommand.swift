import Arguments
import JSON
import Registry

/// `meshreg get`: one stored document with its registry envelope.
enum GetCommand: Command {
    static let specification = CommandSpecification(
        name: "get", summary: "Show a registered product, contract version, domain or team.",
        usage: "product|contract|domain|team <id>",
        options: [
            .option("version", value: "SEMVER", help: "The contract version (default: the highest)."),
            .option("revision", value: "N", help: "A product's earlier revision (default: the current one)."),
            GlobalOptions.database, GlobalOptions.format,
        ],
        arguments: 2...2,
        discussion: """
            EXAMPLES:
              meshreg get product recommendations.realtime-recommendations
              meshreg get contract orders.order-events --version 1.0.0 --format json
              meshreg get team customer-data
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let (kind, id) = (arguments.arguments[0], arguments.arguments[1])
        let registry = try context.registry()
        switch kind {
        case "product":
            if let text = arguments.value("revision") {
                guard let number = Int(text), number > 0 else { throw CommandError("--revision must be a positive number, not '\(text)'") }
                guard let revision = try registry.productRevisions(id).first(where: { $0.revision == number }) else {
                    throw RegistryError(.notFound, "the product \(id) has no revision \(number)")
                }
                show(revision, context)
            } else {
                show(try registry.product(id), context)
            }
        case "contract":
            let version = try arguments.value("version") ?? registry.contractVersions(id).last?.version ?? ""
            show(try registry.contract(id, version: version), context)
        case "domain":
            show(try registry.domain(id), context)
        case "team":
            let team = try registry.team(id)
            switch context.format {
            case .json: context.printJSON(team.json)
            case .table:
                print("team \(team.name) (domain \(team.domain))")
                print(Terminal.table(["USERNAME", "ROLE"], team.members.map { [$0.username, $0.role] }))
            }
        default:
            throw CommandError("cannot get '\(kind)'; use product, contract, domain or team")
        }
        return .success
    }

    private static func show(_ stored: StoredDocument, _ context: CommandContext) {
        switch context.format {
        case .json:
            context.printJSON(stored.envelope)
        case .table:
            Terminal.note("\(stored.kind.rawValue) \(stored.key) · revision \(stored.revision) · registered \(stored.registeredAt) by \(stored.registeredBy)")
            context.printJSON(stored.document)
        }
    }
}
