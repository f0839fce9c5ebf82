/// What a command accepts: its options, its positional arguments and its help text.
public struct CommandSpecification: Sendable {
    public var name: String
    public var summary: String
    /// The usage line after the command name, e.g. "<dir|file>...".
    public var usage: String
    public var options: [OptionSpecification]
    public var minimumArguments: Int
    public var maximumArguments: Int?
    /// Extra paragraphs for `--help`: examples, exit codes.
    public var discussion: String

    public init(name: String, summary: String, usage: String = "", options: [OptionSpecification] = [],
                arguments: ClosedRange<Int> = 0...0, unlimitedArguments: Bool = false, discussion: String = "") {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options
        self.minimumArguments = arguments.lowerBound
        self.maximumArguments = unlimitedArguments ? nil : arguments.upperBound
        self.discussion = discussion
    }
}

/// One `--name` option: a flag, or an option that takes a value.
public struct OptionSpecification: Sendable, Hashable {
    public var name: String
    public var shortName: Character?
    /// The placeholder shown in help for options that take a value; nil for flags.
    public var valueName: String?
    public var help: String
    public var isRepeatable: Bool

    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpecification {
        OptionSpecification(name: name, shortName: short, valueName: nil, help: help, isRepeatable: false)
    }

    public static func option(_ name: String, short: Character? = nil, value: String, help: String, repeatable: Bool = false) -> OptionSpecification {
        OptionSpecification(name: name, shortName: short, valueName: value, help: help, isRepeatable: repeatable)
    }

    public var isFlag: Bool { valueName == nil }
}
