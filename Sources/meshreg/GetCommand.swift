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
        ] + GlobalOptions.remote,
        arguments: 2...2,
        discussion: """
            EXAMPLES:
              meshreg get product recommendations.realtime-recommendations
              meshreg get contract orders.order-events --version 1.0.0 --format json
              meshreg get team customer-data
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let (kind, id) = (arguments.arguments[0], arguments.arguments[1])
        if let remote = try context.remote() {
            context.printJSON(try remote.send("GET", try remotePath(kind, id, arguments, remote)))
            return .success
        }
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

    /// The API path of what `get` shows; a contract without --version is its highest.
    private static func remotePath(_ kind: String, _ id: String, _ arguments: ParsedArguments, _ remote: RemoteRegistry) throws -> String {
        switch kind {
        case "product": return "/api/v1/products/\(id)" + (arguments.value("revision").map { "/revisions/\($0)" } ?? "")
        case "contract":
            let version = try arguments.value("version")
                ?? remote.send("GET", "/api/v1/contracts/\(id)")["versions"]?.arrayValue?.last?["version"]?.stringValue ?? ""
            return "/api/v1/contracts/\(id)/versions/\(version)"
        case "domain": return "/api/v1/domains/\(id)"
        case "team": return "/api/v1/teams/\(id)"
        default: throw CommandError("cannot get '\(kind)'; use product, contract, domain or team")
        }
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
