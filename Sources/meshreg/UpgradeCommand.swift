import Arguments
import FoundationEssentials
import JSON
import MeshModel
import Registry

/// `meshreg upgrade`: moves ODPS and ODCS files to a later version of their standard, in place.
enum UpgradeCommand: Command {
    static let specification = CommandSpecification(
        name: "upgrade", summary: "Rewrite ODPS / ODCS files to the newest standard version, changing only what that needs.",
        usage: "<file|dir>... [--to VERSION] [--check]",
        options: [
            .option("to", value: "VERSION", help: "The version to move to: \(Standard.allCases.map { "\($0.currentAPIVersion) (\($0.rawValue))" }.joined(separator: " or ")); files of the other standard are left alone. Default: the newest of each."),
            .flag("check", help: "Change nothing; exit 1 when some file would change (for CI)."),
            GlobalOptions.format,
        ],
        arguments: 1...1, unlimitedArguments: true,
        discussion: """
            Sets apiVersion and, for ODPS v1.1.0, moves the registry hint customProperties.productType
            to the standard's own `type`. Files are edited in place: comments and layout stay. Each
            result is validated before it is written; a file that would not validate is left as it
            was and reported. Domain files are skipped.
            Exit status: 0 done (or, with --check, nothing to change), 1 some file would change
            (--check) or cannot be upgraded, 2 a file cannot be read or parsed, or a bad --to.
            """)

    /// What happened to one file.
    private struct Outcome {
        let file: String
        let upgrade: StandardUpgrade?
        let problem: String?
    }

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let target = arguments.value("to")
        if let target, Standard(apiVersion: target) == nil {
            let known = Standard.allCases.flatMap(\.apiVersions).joined(separator: ", ")
            throw CommandError("--to \(target) is not a version meshreg knows; use one of \(known)")
        }
        let check = arguments.flag("check")
        let files = try DocumentFiles.expand(arguments.arguments)
        let (submissions, syntaxErrors) = try DocumentFiles.read(files)
        var outcomes: [Outcome] = []
        for submission in submissions {
            guard let kind = submission.json["kind"]?.stringValue.flatMap(DocumentKind.init(rawValue:)), let standard = Standard(kind: kind),
                target.map({ Standard(apiVersion: $0) == standard }) ?? true
            else { continue }
            outcomes.append(upgrade(submission, to: target ?? standard.currentAPIVersion, write: !check))
        }
        print(context, outcomes, syntaxErrors: syntaxErrors, check: check)
        if !syntaxErrors.isEmpty { return .usageError }
        let failed = outcomes.contains { $0.problem != nil } || (check && outcomes.contains { $0.upgrade?.changesDocument == true })
        return failed ? .checkFailed : .success
    }

    private static func upgrade(_ submission: DocumentSubmission, to target: String, write: Bool) -> Outcome {
        let file = submission.source ?? "document"
        do throws(StandardUpgradeError) {
            let upgrade = try StandardUpgrade(submission.json, to: target)
            guard upgrade.changesDocument else { return Outcome(file: file, upgrade: upgrade, problem: nil) }
            let text = try submission.upgradedText(upgrade)
            if let problem = validationProblem(text, path: file) { return Outcome(file: file, upgrade: upgrade, problem: problem) }
            if write, !FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) {
                return Outcome(file: file, upgrade: upgrade, problem: "cannot write \(file)")
            }
            return Outcome(file: file, upgrade: upgrade, problem: nil)
        } catch {
            return Outcome(file: file, upgrade: nil, problem: error.description)
        }
    }

    /// The first problem of the rewritten text, which must parse and validate as it did before.
    private static func validationProblem(_ text: String, path: String) -> String? {
        do {
            _ = try MeshDocument.decode(DocumentSubmission.decode(Array(text.utf8), path: path).json)
            return nil
        } catch let error as DocumentValidationError {
            return error.issues.first.map { "after the upgrade, \($0.description); nothing was written" }
        } catch {
            return "after the upgrade the file does not parse (\(error)); nothing was written"
        }
    }

    private static func print(_ context: CommandContext, _ outcomes: [Outcome], syntaxErrors: [RegistryError], check: Bool) {
        for error in syntaxErrors { context.report(error) }
        switch context.format {
        case .json:
            context.printJSON(.array(outcomes.map { outcome in
                [
                    "file": .string(outcome.file),
                    "from": outcome.upgrade.map { .string($0.from) } ?? .null,
                    "to": outcome.upgrade.map { .string($0.to) } ?? .null,
                    "changed": .bool(outcome.problem == nil && outcome.upgrade?.changesDocument == true),
                    "changes": .array((outcome.upgrade?.changes ?? []).map { .string($0.summary) }),
                    "error": outcome.problem.map(JSONValue.string) ?? .null,
                ]
            }))
        case .table:
            for outcome in outcomes {
                if let problem = outcome.problem {
                    Swift.print("\(outcome.file): not upgraded: \(problem)")
                } else if let upgrade = outcome.upgrade, upgrade.changesDocument {
                    Swift.print("\(outcome.file): \(check ? "would upgrade" : "upgraded") \(upgrade.standard.rawValue) \(upgrade.from) → \(upgrade.to)")
                    for change in upgrade.changes { Swift.print("  \(change.summary)") }
                } else if let upgrade = outcome.upgrade {
                    Swift.print("\(outcome.file): already \(upgrade.standard.rawValue) \(upgrade.to)")
                }
            }
        }
    }
}
