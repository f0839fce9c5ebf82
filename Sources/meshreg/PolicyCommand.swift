import Arguments
import FoundationEssentials
import JSON
import Policy

/// `meshreg policy`: run a policy directory's fixtures, or list what a directory holds.
enum PolicyCommand: Command {
    static let specification = CommandSpecification(
        name: "policy", summary: "Test policies against their fixtures, or list them.",
        usage: "test <dir> | list <dir>",
        options: [GlobalOptions.format],
        arguments: 2...2,
        discussion: """
            test  loads every policy in DIR (refusing the whole set on any problem, with
                  file:line:column) and runs the cases in DIR/tests/*.yaml; exit 1 when one fails.
            list  prints each policy's name, events and actions, and the set's version.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let directory = arguments.arguments[1]
        let set = try PolicyFiles.load(directory)
        switch arguments.arguments[0] {
        case "list":
            switch context.format {
            case .json:
                context.printJSON(["version": .string(set.version), "items": .array(set.policies.map { policy in
                    ["name": .string(policy.name), "events": .array(policy.events.map { .string($0.rawValue) }),
                     "validationActions": .array(policy.validationActions.map { .string($0.rawValue) })]
                })])
            case .table:
                print(Terminal.table(["POLICY", "EVENTS", "ACTIONS"], set.policies.map { policy in
                    [policy.name, policy.events.map(\.rawValue).joined(separator: ","), policy.validationActions.map(\.rawValue).joined(separator: ",")]
                }))
                Terminal.note("policy set version \(set.version)")
            }
            return .success
        case "test":
            let fixtures = try PolicyFiles.read(PolicyFiles.path(directory, "tests"))
            let results: [PolicyTestRunner.CaseResult]
            do {
                results = try PolicyTestRunner.run(set: set, fixtures: fixtures)
            } catch {
                throw CommandError("the fixtures were not loaded:\n" + error.problems.map { "  \($0)" }.joined(separator: "\n"))
            }
            let failed = results.filter { !$0.passed }
            switch context.format {
            case .json:
                context.printJSON(["passed": .integer(Int64(results.count - failed.count)), "failed": .integer(Int64(failed.count)),
                                   "failures": .array(failed.map { .string($0.summary) })])
            case .table:
                for result in failed { print("FAIL \(result.summary)") }
                print("\(results.count - failed.count) passed, \(failed.count) failed")
            }
            return failed.isEmpty ? .success : .checkFailed
        default:
            throw CommandError("unknown policy action '\(arguments.arguments[0])'; use test or list")
        }
    }
}
