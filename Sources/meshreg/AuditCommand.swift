import Arguments
import JSON
import Policy
import Registry

/// `meshreg audit`: read the audit log, verify its hash chain, scan the mesh against policies.
enum AuditCommand: Command {
    static let specification = CommandSpecification(
        name: "audit", summary: "Scan the mesh against the policies, verify the tamper-evident audit log, or read it.",
        usage: "scan [--policies DIR] | verify | log [filters]",
        options: [
            .option("since", value: "TIME", help: "log: entries at or after this ISO-8601 time."),
            .option("until", value: "TIME", help: "log: entries before this time."),
            .option("actor", value: "NAME", help: "log: entries by this actor."),
            .option("domain", value: "NAME", help: "log: entries about this domain."),
            .option("policy", value: "NAME", help: "log: entries where this policy found violations."),
            .option("outcome", value: "OUTCOME", help: "log: allowed, warned, denied, refused or failed."),
            .option("limit", value: "N", help: "log: at most N entries (default 100)."),
            GlobalOptions.policies, GlobalOptions.database, GlobalOptions.format,
        ] + GlobalOptions.remote,
        arguments: 1...1,
        discussion: """
            scan    evaluates every current product and contract on the `audit` event; with
                    --policies DIR it dry-runs a new policy set before you enable it. Exit 1 when
                    anything violates a policy.
            verify  recomputes the SHA-256 hash chain; exit 1 and the first broken entry when a row
                    was edited or deleted.
            log     prints entries oldest first; with --format json, one JSON object per line.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        if let remote = try context.remote() { return try auditRemotely(arguments, remote, context) }
        let registry = try context.registry()
        switch arguments.arguments[0] {
        case "scan":
            let scan = try registry.scan(policies: try context.policies())
            switch context.format {
            case .json:
                context.printJSON(["policySetVersion": .string(scan.policySetVersion), "documents": .integer(Int64(scan.documents)),
                                   "items": .array(scan.findings.map(\.json))])
            case .table:
                let rows = scan.findings.flatMap { finding in
                    finding.violations.map { [$0.severity.rawValue, $0.policy, "\(finding.kind.rawValue) \(finding.key)", $0.path?.description ?? "", $0.message] }
                }
                if !rows.isEmpty { print(Terminal.table(["SEVERITY", "POLICY", "TARGET", "PATH", "MESSAGE"], rows)) }
                Terminal.note("\(scan.documents) documents scanned, \(scan.findings.count) with violations (policy set \(scan.policySetVersion.prefix(12)))")
            }
            return scan.findings.isEmpty ? .success : .checkFailed
        case "verify":
            let verification = try registry.verifyAuditLog()
            switch context.format {
            case .json: context.printJSON(verification.json)
            case .table:
                if let broken = verification.firstBroken {
                    print("BROKEN at entry \(broken.sequence): \(broken.reason)")
                } else {
                    print("intact: \(verification.entries) entries, every hash links to the one before")
                }
            }
            return verification.isIntact ? .success : .checkFailed
        case "log":
            var query = AuditQuery(since: arguments.value("since"), until: arguments.value("until"), actor: arguments.value("actor"),
                                   domain: arguments.value("domain"), policy: arguments.value("policy"), outcome: arguments.value("outcome"))
            if let limit = arguments.value("limit") {
                guard let value = Int(limit), value > 0 else { throw CommandError("--limit must be a positive number") }
                query.limit = value
            }
            let page = try registry.auditEntries(query)
            switch context.format {
            case .json:
                for entry in page.entries { print(entry.json.encoded()) }
            case .table:
                print(Terminal.table(["SEQ", "AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "CODE"], page.entries.map { entry in
                    [String(entry.sequence ?? 0), entry.at, entry.actor, entry.action, "\(entry.targetKind) \(entry.target)", entry.outcome.rawValue, entry.code ?? ""]
                }))
            }
            return .success
        default:
            throw CommandError("unknown audit action '\(arguments.arguments[0])'; use scan, verify or log")
        }
    }

    /// `scan` reads the service's current violations (with its own policies), `verify` its
    /// chain, `log` its entries.
    private static func auditRemotely(_ arguments: ParsedArguments, _ remote: RemoteRegistry, _ context: CommandContext) throws -> ExitStatus {
        switch arguments.arguments[0] {
        case "scan":
            let scan = try remote.send("GET", "/api/v1/audit/violations")
            context.printJSON(scan)
            return (scan["items"]?.arrayValue ?? []).isEmpty ? .success : .checkFailed
        case "verify":
            let verification = try remote.send("GET", "/api/v1/audit/verify")
            context.printJSON(verification)
            return verification["intact"] == false ? .checkFailed : .success
        case "log":
            let page = try remote.send("GET", "/api/v1/audit", query: ["since", "until", "actor", "domain", "policy", "outcome", "limit"].map { ($0, arguments.value($0)) })
            let entries = page["items"]?.arrayValue ?? []
            switch context.format {
            case .json: for entry in entries { print(entry.encoded()) }
            case .table:
                print(Terminal.table(["SEQ", "AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "CODE"], entries.map { entry in
                    ["sequence", "at", "actor", "action", "target", "outcome", "code"].map { key in entry[key].map { $0.stringValue ?? $0.encoded() } ?? "" }
                }))
            }
            return .success
        default:
            throw CommandError("unknown audit action '\(arguments.arguments[0])'; use scan, verify or log")
        }
    }
}
