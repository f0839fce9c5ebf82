import Arguments
import JSON
import Registry

/// `meshreg token`: issue, list and revoke API tokens in the local database.
enum TokenCommand: Command {
    static let specification = CommandSpecification(
        name: "token", summary: "Issue, list or revoke API tokens (stored as SHA-256 hashes).",
        usage: "issue --user NAME | --team NAME [--admin] | list | revoke <id>",
        options: [
            .option("user", value: "NAME", help: "Bind the token to a user (a member of teams in the domain files)."),
            .option("team", value: "NAME", help: "Bind the token to a whole team (e.g. for a pipeline)."),
            .flag("admin", help: "Give the token platform-admin rights."),
            .option("description", value: "TEXT", help: "A note shown by `token list`."),
            GlobalOptions.database, GlobalOptions.format,
        ],
        arguments: 1...2,
        discussion: """
            `issue` prints only the token on stdout, once: it cannot be shown again. Clients send it as
            `Authorization: Bearer <token>`, or as the password of HTTP Basic auth (Kafka clients).

            EXAMPLES:
              TOKEN=$(meshreg token issue --user alice.nguyen)
              meshreg token issue --team order-platform --description "orders CI"
              meshreg token revoke tok_1a2b3c4d
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let registry = try context.registry()
        switch arguments.arguments[0] {
        case "issue":
            let user = arguments.value("user")
            let team = arguments.value("team")
            guard (user == nil) != (team == nil) else { throw CommandError("token issue needs exactly one of --user NAME or --team NAME") }
            let principal = Principal(username: user, team: team, isAdmin: arguments.flag("admin"))
            let issued = try registry.issueToken(for: principal, description: arguments.value("description") ?? "", actor: .localAdmin)
            print(issued.token)
            Terminal.note("issued \(issued.id) for \(principal)\(principal.isAdmin ? " (admin)" : ""); it is shown only this once")
        case "list":
            let tokens = try registry.tokens()
            switch context.format {
            case .json: context.printJSON(.array(tokens.map(\.json)))
            case .table:
                print(Terminal.table(["ID", "SUBJECT", "ADMIN", "CREATED", "REVOKED", "DESCRIPTION"], tokens.map { token in
                    [token.id, token.principal.description, token.principal.isAdmin ? "yes" : "", token.createdAt, token.revokedAt ?? "", token.description]
                }))
            }
        case "revoke":
            guard arguments.arguments.count == 2 else { throw CommandError("token revoke needs the token id, e.g. tok_1a2b3c4d") }
            try registry.revokeToken(arguments.arguments[1], actor: .localAdmin)
            Terminal.note("revoked \(arguments.arguments[1])")
        default:
            throw CommandError("unknown token action '\(arguments.arguments[0])'; use issue, list or revoke")
        }
        return .success
    }
}
