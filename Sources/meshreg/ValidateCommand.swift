import Arguments
import JSON
import MeshModel
import Registry

/// `meshreg validate`: checks files against their standard and the registry's own rules,
/// without a database.
enum ValidateCommand: Command {
    static let specification = CommandSpecification(
        name: "validate", summary: "Check document files against ODPS / ODCS and the registry's rules, offline.",
        usage: "<file>...",
        options: [GlobalOptions.format],
        arguments: 1...1, unlimitedArguments: true,
        discussion: """
            Reports every problem with file:line:column and the JSON Pointer of the field. References
            to other documents (domains, teams, contract versions) are checked by `apply --dry-run`.
            Exit status: 0 valid, 1 problems found, 2 a file cannot be read or parsed.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let files = try DocumentFiles.expand(arguments.arguments)
        let (submissions, syntaxErrors) = try DocumentFiles.read(files)
        var reports: [(file: String, kind: String?, issues: [LocatedIssue])] = syntaxErrors.map { (file: "", kind: nil, issues: $0.issues) }
        for submission in submissions {
            let file = submission.source ?? "document"
            do {
                let issues = try MeshDocument.decode(submission.json).registrationIssues
                reports.append((file, submission.json["kind"]?.stringValue, submission.locate(issues)))
            } catch {
                reports.append((file, submission.json["kind"]?.stringValue, submission.locate(error.issues)))
            }
        }
        print(context, reports)
        if !syntaxErrors.isEmpty { return .usageError }
        return reports.allSatisfy { $0.issues.isEmpty } ? .success : .checkFailed
    }

    private static func print(_ context: CommandContext, _ reports: [(file: String, kind: String?, issues: [LocatedIssue])]) {
        switch context.format {
        case .json:
            context.printJSON(.array(reports.map { report in
                ["file": .string(report.file), "kind": report.kind.map(JSONValue.string) ?? .null, "valid": .bool(report.issues.isEmpty),
                 "issues": .array(report.issues.map { issue in
                     ["location": issue.source.map(JSONValue.string) ?? .null, "pointer": .string(issue.issue.pointer.description),
                      "code": .string(issue.issue.code), "message": .string(issue.issue.message)]
                 })]
            }))
        case .table:
            for report in reports {
                if report.issues.isEmpty {
                    Swift.print("\(report.file): valid \(report.kind ?? "document")")
                } else {
                    for issue in report.issues { Swift.print(issue.description) }
                }
            }
        }
    }
}
