import Arguments
import FoundationEssentials
import JSON
import Registry

/// `meshreg apply`: registers domains, contracts and products from files, all or nothing.
enum ApplyCommand: Command {
    static let specification = CommandSpecification(
        name: "apply", summary: "Register domains, contracts and products from files or directories, all or nothing.",
        usage: "<dir|file>... [--dry-run]",
        options: [
            .flag("dry-run", help: "Check everything against the registry and write nothing."), PlanCommand.prune,
            GlobalOptions.database, GlobalOptions.format, GlobalOptions.actor, GlobalOptions.policies,
        ] + GlobalOptions.remote,
        arguments: 1...1, unlimitedArguments: true,
        discussion: """
            Directories are searched recursively for .yaml, .yml and .json files. Domains are applied
            first, then contracts (each in version order), then products. Every document is checked
            even after a failure, and every problem is reported with file:line:column; if any
            document is refused, nothing is written.

            EXAMPLES:
              meshreg apply Domains
              meshreg apply Domains/orders --dry-run --as alice.nguyen
              meshreg apply Domains/orders --server https://meshreg.example.com --token-file ~/.meshreg-token

            With --server the whole tree goes to the service as one bundle and is applied there in
            one transaction with the token's identity; the answer is the plan, document by document.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        if let remote = try context.remote() { return try applyRemotely(arguments, remote, context) }
        if arguments.flag("prune") { return try applyPruning(arguments, context) }
        let files = try DocumentFiles.expand(arguments.arguments)
        guard !files.isEmpty else { throw CommandError("no .yaml, .yml or .json files found in \(arguments.arguments.joined(separator: " "))") }
        let (submissions, syntaxErrors) = try DocumentFiles.read(files)
        let registry = try context.registry()
        let dryRun = arguments.flag("dry-run") || !syntaxErrors.isEmpty
        let progress = ProgressLine(label: dryRun ? "checking" : "applying", total: submissions.count)
        let results: [WriteResult]
        do {
            results = try registry.apply(submissions, actor: context.actor, dryRun: dryRun, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            throw RegistryError.merged(syntaxErrors + [error], total: files.count) ?? error
        }
        if let syntaxError = RegistryError.merged(syntaxErrors, total: files.count) { throw syntaxError }
        report(results, dryRun: dryRun, context)
        return .success
    }

    /// Applies the tree and retires what its domains hold and it does not, printing the plan.
    private static func applyPruning(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let submissions = try PlanCommand.readTree(arguments.arguments)
        let plan = try context.registry().plan(submissions, actor: context.actor, commit: !arguments.flag("dry-run"), prune: true)
        print(PlanCommand.render(plan.json, format: arguments.value("format")))
        if let refusal = plan.refusal { throw refusal }
        return .success
    }

    /// Sends the tree as one bundle; prints the plan the service answers, refused or not.
    private static func applyRemotely(_ arguments: ParsedArguments, _ remote: RemoteRegistry, _ context: CommandContext) throws -> ExitStatus {
        let bundle = try DocumentFiles.bundle(arguments.arguments)
        let format = arguments.value("format")
        do {
            let query = [("dryRun", arguments.flag("dry-run") ? "true" : nil), ("prune", arguments.flag("prune") ? "true" : nil)]
            let plan = try remote.send("POST", "/api/v1/apply", query: query, body: bundle.json)
            print(PlanCommand.render(plan, format: format))
            return plan["summary"]?["refuse"]?.integerValue == 0 ? .success : .checkFailed
        } catch RemoteError.problem(let status, let body) where body["documents"] != nil {
            guard format != "json", case .object(var problem) = body else { throw RemoteError.problem(status: status, body: body) }
            print(PlanCommand.render(body, format: format))
            problem["issues"] = nil
            throw RemoteError.problem(status: status, body: .object(problem))
        }
    }

    private static func report(_ results: [WriteResult], dryRun: Bool, _ context: CommandContext) {
        switch context.format {
        case .json:
            context.printJSON([
                "dryRun": .bool(dryRun),
                "results": .array(results.map { ["kind": .string($0.kind.rawValue), "key": .string($0.key),
                                                  "change": .string($0.change.rawValue), "revision": .integer(Int64($0.revision))] }),
            ])
        case .table:
            print(Terminal.table(["KIND", "KEY", "CHANGE", "REVISION"],
                                 results.map { [$0.kind.rawValue, $0.key, $0.change.rawValue, String($0.revision)] }))
            let counts = Dictionary(grouping: results, by: \.change).mapValues(\.count)
            let summary = WriteResult.Change.allCases.compactMap { change in counts[change].map { "\($0) \(change.rawValue)" } }
            Terminal.note("\(dryRun ? "dry run, nothing written: " : "")\(results.count) documents: \(summary.joined(separator: ", "))")
        }
    }
}
