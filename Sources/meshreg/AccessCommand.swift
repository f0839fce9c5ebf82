import Arguments
import JSON
import Registry

/// `meshreg access`: request access to an output port, decide, revoke, list.
enum AccessCommand: Command {
    static let specification = CommandSpecification(
        name: "access", summary: "Request access to a product's output port, approve, reject, revoke or list requests.",
        usage: "request --product ID --port NAME --team TEAM --purpose TEXT [--expires DATE] | approve|reject|revoke <id> | list",
        options: [
            .option("product", value: "ID", help: "request/list: the product."),
            .option("port", value: "NAME", help: "request: the output port."),
            .option("port-version", value: "SEMVER", help: "request: the port's version (default: the highest)."),
            .option("team", value: "NAME", help: "request/list: the consumer team."),
            .option("purpose", value: "TEXT", help: "request: what the data is for (policies may demand one)."),
            .option("expires", value: "DATE", help: "request: when the grant ends (YYYY-MM-DD or RFC 3339)."),
            .option("note", value: "TEXT", help: "approve/reject/revoke: a note kept with the decision."),
            .option("status", value: "STATUS", help: "list: pending, approved, rejected or revoked."),
            GlobalOptions.database, GlobalOptions.format, GlobalOptions.actor, GlobalOptions.policies,
        ] + GlobalOptions.remote,
        arguments: 1...2)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        if let remote = try context.remote() {
            context.printJSON(try accessRemotely(arguments, remote))
            return .success
        }
        let registry = try context.registry()
        let action = arguments.arguments[0]
        switch action {
        case "request":
            func required(_ name: String) throws -> String {
                guard let value = arguments.value(name) else { throw CommandError("access request needs --\(name)") }
                return value
            }
            let submission = AccessRequestSubmission(
                product: try required("product"), port: try required("port"), portVersion: arguments.value("port-version"),
                team: try required("team"), purpose: try required("purpose"), expires: arguments.value("expires"))
            let (request, warnings) = try registry.requestAccess(submission, actor: context.actor)
            show([request], context)
            for warning in warnings { Terminal.note("warning: \(warning.policy): \(warning.message)") }
        case "approve", "reject", "revoke":
            guard arguments.arguments.count == 2 else { throw CommandError("access \(action) needs the request id, e.g. ar_1a2b3c4d5e6f") }
            let id = arguments.arguments[1]
            let request = action == "revoke"
                ? try registry.revokeAccess(id, note: arguments.value("note"), actor: context.actor)
                : try registry.decideAccess(id, approve: action == "approve", note: arguments.value("note"), actor: context.actor)
            show([request], context)
        case "list":
            show(try registry.accessRequests(product: arguments.value("product"), team: arguments.value("team"), status: arguments.value("status")), context)
        default:
            throw CommandError("unknown access action '\(action)'; use request, approve, reject, revoke or list")
        }
        return .success
    }

    private static func accessRemotely(_ arguments: ParsedArguments, _ remote: RemoteRegistry) throws -> JSONValue {
        let action = arguments.arguments[0]
        switch action {
        case "request":
            var body = JSONObject()
            for (option, field) in [("product", "product"), ("port", "port"), ("port-version", "portVersion"), ("team", "team"), ("purpose", "purpose"), ("expires", "expires")] {
                body[field] = arguments.value(option).map(JSONValue.string)
            }
            return try remote.send("POST", "/api/v1/access-requests", body: .object(body))
        case "approve", "reject", "revoke":
            guard arguments.arguments.count == 2 else { throw CommandError("access \(action) needs the request id, e.g. ar_1a2b3c4d5e6f") }
            let note: JSONValue = arguments.value("note").map { ["note": .string($0)] } ?? [:]
            return try remote.send("POST", "/api/v1/access-requests/\(arguments.arguments[1])/\(action)", body: note)
        case "list":
            return try remote.send("GET", "/api/v1/access-requests", query: ["product", "team", "status"].map { ($0, arguments.value($0)) })
        default:
            throw CommandError("unknown access action '\(action)'; use request, approve, reject, revoke or list")
        }
    }

    private static func show(_ requests: [AccessRequest], _ context: CommandContext) {
        switch context.format {
        case .json:
            context.printJSON(requests.count == 1 ? requests[0].json : .array(requests.map(\.json)))
        case .table:
            print(Terminal.table(["ID", "PRODUCT", "PORT", "TEAM", "STATUS", "EXPIRES", "PURPOSE"], requests.map { request in
                [request.id, request.product, "\(request.port)@\(request.portVersion)", request.team, request.status.rawValue,
                 request.expiresAt ?? "", String(request.purpose.prefix(50))]
            }))
        }
    }
}
