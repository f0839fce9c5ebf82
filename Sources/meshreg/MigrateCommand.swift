import Arguments
import JSON
import Registry

/// `meshreg migrate`: bring a database's schema up to this version of meshreg.
enum MigrateCommand: Command {
    static let specification = CommandSpecification(
        name: "migrate", summary: "Apply the registry's schema migrations to a database (SQLite file or PostgreSQL).",
        usage: "[--db PATH|URI]",
        options: [
            .option("db", value: "PATH|URI", help: "A SQLite file (created when missing) or a postgres:// URI (default ./meshreg.sqlite, or $MESHREG_DB)."),
            GlobalOptions.format,
        ],
        arguments: 0...0,
        discussion: """
            Applies the migrations the database lacks, each in its own transaction, and names them.
            A database written by a newer meshreg is refused. On PostgreSQL an advisory lock makes
            runs from several machines at once safe: each migration is applied once.
            URIs follow libpq: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=require;
            a password may also come from $PGPASSWORD or ~/.pgpass. Passwords are never printed.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let location = context.databaseLocation
        let applied = try Registry.migrate(location)
        switch context.format {
        case .json:
            context.printJSON(["database": .string(location.description), "applied": .array(applied.map(JSONValue.string)),
                               "migrations": .integer(Int64(Registry.migrationCount))])
        case .table:
            if applied.isEmpty {
                print("\(location): up to date (\(Registry.migrationCount) migrations)")
            } else {
                print("\(location): applied \(applied.count) of \(Registry.migrationCount) migrations")
                applied.forEach { print("  \($0)") }
            }
        }
        return .success
    }
}
