import Arguments

/// One `meshreg` subcommand: its specification and what it does.
protocol Command {
    static var specification: CommandSpecification { get }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus
}

/// Options every command that touches a registry accepts.
enum GlobalOptions {
    static let database = OptionSpecification.option("db", value: "PATH|URI", help: "The registry database: a SQLite file or a postgres:// URI (default ./meshreg.sqlite, or $MESHREG_DB).")
    static let format = OptionSpecification.option("format", value: "table|json", help: "Output for people (table, the default) or programs (json).")
    static let actor = OptionSpecification.option("as", value: "USER", help: "Act as this user for ownership checks (default: a local admin).")
    static let policies = OptionSpecification.option("policies", value: "DIR", help: "Policies to enforce (default ./Policies when it exists).")
    static let server = OptionSpecification.option("server", value: "URL", help: "Use the registry service at URL (or $MESHREG_URL) instead of a local database.")
    static let token = OptionSpecification.option("token", value: "TOKEN", help: "The token for --server (or $MESHREG_TOKEN); its holder is the actor.")
    static let tokenFile = OptionSpecification.option("token-file", value: "PATH", help: "Read the token for --server from PATH (mode 0600).")
    static let timeout = OptionSpecification.option("timeout", value: "SECONDS", help: "Connect and read timeout for --server (default 30).")
    /// The options of a command that can work on the registry service.
    static let remote = [server, token, tokenFile, timeout]
}
