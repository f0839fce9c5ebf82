import Arguments
import FoundationEssentials
import JSON
import Registry

/// `meshreg plan`: what applying files would do, document by document, without writing.
enum PlanCommand: Command {
    static let format = OptionSpecification.option("format", value: "table|json|markdown",
                                                   help: "For people (table, the default), programs (json) or a pull-request comment (markdown).")

    static let prune = OptionSpecification.flag("prune", help: "Also retire the products and contract versions of the tree's domains that the tree no longer holds.")

    static let specification = CommandSpecification(
        name: "plan", summary: "Show what applying files would do: adds, field-level changes, findings, policies, downstream impact.",
        usage: "<dir|file>... [--format table|json|markdown]",
        options: [prune, GlobalOptions.database, format, GlobalOptions.actor, GlobalOptions.policies] + GlobalOptions.remote,
        arguments: 1...1, unlimitedArguments: true,
        discussion: """
            Each document gets one action: add, change (with every changed field as a JSON Pointer,
            its old and its new value), unchanged, retire (with --prune), or refuse (with the reason
            and file:line:column).
            A new contract version also shows its compatibility findings against its registered line
            and the semver gate's verdict; a breaking one, the products, teams and columns that read
            what breaks. Policy decisions (deny, warn, audit) come with their policy names.

            EXAMPLES:
              meshreg plan Domains
              meshreg plan Domains/orders --format markdown > plan.md
              meshreg plan Domains/orders --server https://meshreg.example.com --token-file ~/.meshreg-token

            EXIT STATUS: 0 an apply would succeed, 1 something would be refused, 2 bad input.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let plan: JSONValue
        if let remote = try context.remote() {
            plan = try remote.send("POST", "/api/v1/apply", query: [("dryRun", "true"), ("prune", arguments.flag("prune") ? "true" : nil)],
                                   body: try DocumentFiles.bundle(arguments.arguments).json)
        } else {
            plan = try context.registry().plan(try readTree(arguments.arguments), actor: context.actor, prune: arguments.flag("prune")).json
        }
        print(render(plan, format: arguments.value("format")))
        return plan["summary"]?["refuse"]?.integerValue == 0 ? .success : .checkFailed
    }

    /// The documents of the files and directories named, or every syntax error among them.
    static func readTree(_ paths: [String]) throws -> [DocumentSubmission] {
        let files = try DocumentFiles.expand(paths)
        guard !files.isEmpty else { throw CommandError("no .yaml, .yml or .json files found in \(paths.joined(separator: " "))") }
        let (submissions, syntaxErrors) = try DocumentFiles.read(files)
        if let error = RegistryError.merged(syntaxErrors, total: files.count) { throw error }
        return submissions
    }

    /// The plan in the format asked for.
    static func render(_ plan: JSONValue, format: String?) -> String {
        switch format {
        case "json": plan.encoded(.prettyPrinted)
        case "markdown": PlanMarkdown.render(plan)
        default: PlanTable.render(plan)
        }
    }
}
