import Arguments
import JSON
import Registry

/// `meshreg list`: products (filtered, paged) or domains.
enum ListCommand: Command {
    static let specification = CommandSpecification(
        name: "list", summary: "List products (with filters) or domains.",
        usage: "products|domains",
        options: [
            .option("domain", value: "NAME", help: "Only products of this domain."),
            .option("status", value: "STATUS", help: "Only products with this status (proposed, draft, active, deprecated, retired)."),
            .option("team", value: "NAME", help: "Only products owned by this team."),
            .option("query", short: "q", value: "TEXT", help: "Only products whose id, name or purpose contains TEXT."),
            .option("limit", value: "N", help: "At most N products (default 100, at most 1000)."),
            .option("cursor", value: "ID", help: "Continue after this product id (printed at the end of a full page)."),
            GlobalOptions.database, GlobalOptions.format,
        ] + GlobalOptions.remote,
        arguments: 1...1)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        if let remote = try context.remote() { return try listRemotely(arguments, remote, context) }
        let registry = try context.registry()
        switch arguments.arguments[0] {
        case "products":
            var query = ProductQuery(domain: arguments.value("domain"), status: arguments.value("status"), team: arguments.value("team"),
                                     text: arguments.value("query"), cursor: arguments.value("cursor"))
            if let limit = arguments.value("limit") {
                guard let value = Int(limit), value > 0 else { throw CommandError("--limit must be a positive number, not '\(limit)'") }
                query.limit = value
            }
            let page = try registry.products(query)
            switch context.format {
            case .json:
                context.printJSON(["items": .array(page.items.map(\.json)), "nextCursor": page.nextCursor.map(JSONValue.string) ?? .null])
            case .table:
                print(Terminal.table(["ID", "NAME", "DOMAIN", "TEAM", "VERSION", "STATUS", "DEPRECATED"],
                                     page.items.map { [$0.id, $0.name, $0.domain, $0.team, $0.version, $0.status, deprecation($0.json)] }))
                if let next = page.nextCursor { Terminal.note("more: --cursor \(next)") }
            }
        case "domains":
            let domains = try registry.domains()
            switch context.format {
            case .json:
                context.printJSON(.array(domains.map { ["name": .string($0.name), "description": $0.description.map(JSONValue.string) ?? .null,
                                                         "teams": .array($0.teams.map(JSONValue.string))] }))
            case .table:
                print(Terminal.table(["DOMAIN", "TEAMS", "DESCRIPTION"], domains.map { [$0.name, $0.teams.joined(separator: ","), $0.description ?? ""] }))
            }
        default:
            throw CommandError("cannot list '\(arguments.arguments[0])'; use products or domains")
        }
        return .success
    }

    private static func listRemotely(_ arguments: ParsedArguments, _ remote: RemoteRegistry, _ context: CommandContext) throws -> ExitStatus {
        let answer: JSONValue
        let columns: [(title: String, key: String)]
        switch arguments.arguments[0] {
        case "products":
            answer = try remote.send("GET", "/api/v1/products", query: [
                ("domain", arguments.value("domain")), ("status", arguments.value("status")), ("team", arguments.value("team")),
                ("q", arguments.value("query")), ("limit", arguments.value("limit")), ("cursor", arguments.value("cursor")),
            ])
            columns = [("ID", "id"), ("NAME", "name"), ("DOMAIN", "domain"), ("TEAM", "team"), ("VERSION", "version"), ("STATUS", "status"),
                       ("DEPRECATED", "")]
        case "domains":
            answer = try remote.send("GET", "/api/v1/domains")
            columns = [("DOMAIN", "name"), ("DESCRIPTION", "description")]
        default:
            throw CommandError("cannot list '\(arguments.arguments[0])'; use products or domains")
        }
        switch context.format {
        case .json: context.printJSON(answer)
        case .table:
            let rows = (answer["items"]?.arrayValue ?? []).map { item in
                columns.map { $0.title == "DEPRECATED" ? deprecation(item) : item[$0.key]?.stringValue ?? "" }
            }
            print(Terminal.table(columns.map(\.title), rows))
            if let next = answer["nextCursor"]?.stringValue { Terminal.note("more: --cursor \(next)") }
        }
        return .success
    }

    /// The DEPRECATED column of a product summary: `product` and/or its deprecated ports (ODPS v1.1.0).
    private static func deprecation(_ summary: JSONValue) -> String {
        let ports = summary["deprecatedPorts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return ((summary["deprecated"] == .bool(true) ? ["product"] : []) + ports).joined(separator: ", ")
    }
}
