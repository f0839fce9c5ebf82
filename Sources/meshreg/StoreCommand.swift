import Arguments
import JSON
import Registry

/// `meshreg store copy`: move a whole registry between databases, SQLite and PostgreSQL either way.
enum StoreCommand: Command {
    static let specification = CommandSpecification(
        name: "store", summary: "Copy a whole registry between databases (SQLite file or PostgreSQL, either way).",
        usage: "copy --from PATH|URI --to PATH|URI",
        options: [
            .option("from", value: "PATH|URI", help: "The registry to copy: a SQLite file or a postgres:// URI."),
            .option("to", value: "PATH|URI", help: "An empty database to copy it into (a new SQLite file is created)."),
            GlobalOptions.format,
        ],
        arguments: 1...1,
        discussion: """
            Copies every table, keys and audit chain included, in one transaction on the target,
            from one snapshot of the source. Refuses a target that already holds a registry. At the
            end it compares every table's row count with the source's and verifies the target's
            audit chain; it exits 1 when either does not hold. Stop the writers of the source
            first: writes made during the copy are not in it.

            EXAMPLE:
              meshreg store copy --from meshreg.sqlite --to 'postgresql://meshreg@db/meshreg?sslmode=require'
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        guard arguments.arguments.first == "copy" else {
            throw CommandError("meshreg store knows one action, copy: meshreg store copy --from PATH|URI --to PATH|URI")
        }
        guard let from = arguments.value("from"), let to = arguments.value("to") else {
            throw CommandError("store copy needs --from and --to: the registry to copy and an empty database")
        }
        let (source, target) = (DatabaseLocation(from), DatabaseLocation(to))
        let report = try Registry.copyStore(from: source, to: target)
        let rows = report.tables.values.reduce(0, +)
        switch context.format {
        case .json:
            context.printJSON(["from": .string(source.description), "to": .string(target.description), "rows": .integer(Int64(rows)),
                               "tables": .object(JSONObject(report.tables.sorted { $0.key < $1.key }.map { ($0.key, .integer(Int64($0.value))) })),
                               "auditEntries": .integer(Int64(report.auditEntries))])
        case .table:
            print("copied \(rows) rows in \(report.tables.count) tables from \(source) to \(target); counts match, audit chain of \(report.auditEntries) entries verified")
        }
        return .success
    }
}
