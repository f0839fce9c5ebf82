import Arguments
import FoundationEssentials
import Registry

/// Dispatches `meshreg <command> ...` and turns every error into a message and an exit status.
enum CommandLineInterface {
    static var commands: [any Command.Type] {
        [ServeCommand.self, MigrateCommand.self, ApplyCommand.self, PlanCommand.self, ValidateCommand.self, GetCommand.self, ListCommand.self, RetireCommand.self, CompatCommand.self, AccessCommand.self, AuditCommand.self, PolicyCommand.self, TokenCommand.self, CELCommand.self, ContractCommand.self, LineageCommand.self, ImpactCommand.self, EventsCommand.self, UpgradeCommand.self, StoreCommand.self]
    }

    static let version = "0.1.0"

    static func run(_ arguments: [String]) -> ExitStatus {
        guard let name = arguments.first, name != "--help", name != "-h", name != "help" || arguments.count == 1 else {
            if arguments.count == 2, arguments[0] == "help", let command = command(named: arguments[1]) {
                print(HelpFormatter.help(for: command.specification), terminator: "")
                return .success
            }
            print(overview, terminator: "")
            return .success
        }
        if name == "--version" {
            print("meshreg \(version)")
            return .success
        }
        guard let command = command(named: name) else {
            Terminal.error("unknown command '\(name)'; run `meshreg --help` to see the commands")
            return .usageError
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser(command.specification).parse(Array(arguments.dropFirst()))
        } catch {
            Terminal.error(error.message)
            return .usageError
        }
        if parsed.wantsHelp {
            print(HelpFormatter.help(for: command.specification), terminator: "")
            return .success
        }
        let context = CommandContext(parsed)
        do {
            guard try context.validateGlobals() else { return .usageError }
            return try command.run(parsed, context)
        } catch let error as RegistryError {
            context.report(error)
            return exitStatus(for: error.code)
        } catch let error as RemoteError {
            context.report(error)
            return error.exitStatus
        } catch let error as CommandError {
            Terminal.error(error.message)
            return .usageError
        } catch {
            Terminal.error("\(error)")
            return .usageError
        }
    }

    static func exitStatus(for code: RegistryError.Code) -> ExitStatus {
        switch code {
        case .forbidden, .immutableVersion, .hasDependants, .conflict, .preconditionFailed, .busy, .incompatible, .versionTooSmall, .policyViolation: .checkFailed
        case .invalidDocument, .unresolvedReference, .notFound, .unavailable, .storageFailure: .usageError
        }
    }

    private static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.specification.name == name }
    }

    private static var overview: String {
        let specifications = commands.map { command in command.specification }
        let width = (specifications.map { $0.name.count }.max() ?? 0) + 2
        let lines = specifications.map { specification in
            "  \(specification.name)\(String(repeating: " ", count: width - specification.name.count))\(specification.summary)"
        }
        return """
            meshreg \(version): a data-mesh registry for data products, contracts, policies and lineage.

            USAGE: meshreg <command> [options]

            COMMANDS:
            \(lines.joined(separator: "\n"))

            Run `meshreg <command> --help` for a command's options.
            Exit codes: 0 ok, 1 a check failed (refused, incompatible, violations), 2 usage or input error.

            """
    }
}

/// A usage or input problem found by a command itself (a missing file, a bad option value).
struct CommandError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
