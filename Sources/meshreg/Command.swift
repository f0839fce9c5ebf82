import Arguments

/// One `meshreg` subcommand: its specification and what it does.
protocol Command {
    static var specification: CommandSpecification { get }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus
}

/// Options every command that touches a registry accepts.
enum GlobalOptions {
    static let database = OptionSpecification.option("db", value: "PATH", help: "The registry database (default ./meshreg.sqlite, or $MESHREG_DB).")
    static let format = OptionSpecification.option("format", value: "table|json", help: "Output for people (table, the default) or programs (json).")
    static let actor = OptionSpecification.option("as", value: "USER", help: "Act as this user for ownership checks (default: a local admin).")
    static let policies = OptionSpecification.option("policies", value: "DIR", help: "Policies to enforce (default ./Policies when it exists).")
}
