import Arguments
import Registry

/// `meshreg retire`: retires a product or a contract version, refused while others depend on it.
enum RetireCommand: Command {
    static let specification = CommandSpecification(
        name: "retire", summary: "Retire a product or a contract version (refused while others depend on it).",
        usage: "product <id> | contract <id> --version SEMVER",
        options: [
            .option("version", value: "SEMVER", help: "The contract version to retire."),
            GlobalOptions.database, GlobalOptions.format, GlobalOptions.actor, GlobalOptions.policies,
        ] + GlobalOptions.remote,
        arguments: 2...2)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let (kind, id) = (arguments.arguments[0], arguments.arguments[1])
        if let remote = try context.remote() {
            switch kind {
            case "product": context.printJSON(try remote.send("DELETE", "/api/v1/products/\(id)"))
            case "contract":
                guard let version = arguments.value("version") else { throw CommandError("retire contract needs --version SEMVER") }
                context.printJSON(try remote.send("DELETE", "/api/v1/contracts/\(id)/versions/\(version)"))
            default: throw CommandError("cannot retire '\(kind)'; use product or contract")
            }
            return .success
        }
        let registry = try context.registry()
        let result: WriteResult
        switch kind {
        case "product":
            result = try registry.retireProduct(id, actor: context.actor)
        case "contract":
            guard let version = arguments.value("version") else { throw CommandError("retire contract needs --version SEMVER") }
            result = try registry.retireContract(id, version: version, actor: context.actor)
        default:
            throw CommandError("cannot retire '\(kind)'; use product or contract")
        }
        switch context.format {
        case .json: context.printJSON(["key": .string(result.key), "change": .string(result.change.rawValue), "revision": .integer(Int64(result.revision))])
        case .table: print("\(result.kind.rawValue) \(result.key): \(result.change.rawValue) (revision \(result.revision))")
        }
        return .success
    }
}
