/// The result of parsing: positional arguments, option values and flags.
public struct ParsedArguments: Sendable, Hashable {
    public var arguments: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    /// True when `--help` or `-h` was given; the command should print help and exit 0.
    public var wantsHelp = false

    public func value(_ name: String) -> String? { values[name]?.last }
    public func allValues(_ name: String) -> [String] { values[name] ?? [] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}
