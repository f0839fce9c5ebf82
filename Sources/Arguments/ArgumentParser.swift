/// Parses a command's arguments against its specification.
///
/// Accepts `--name value`, `--name=value`, `-n value`, grouped short flags (`-fq`), flags, and
/// `--` to end options. Unknown options are refused with the closest known name, or with the hint
/// to put a value that starts with `-` after `--`; an option's own value may start with `-`
/// (`--limit -1`).
public struct ArgumentParser: Sendable {
    public var specification: CommandSpecification
    public static let maximumArgumentCount = 10_000

    public init(_ specification: CommandSpecification) { self.specification = specification }

    public func parse(_ arguments: [String]) throws(ArgumentError) -> ParsedArguments {
        guard arguments.count <= Self.maximumArgumentCount else {
            throw ArgumentError("too many arguments (\(arguments.count)); the limit is \(Self.maximumArgumentCount)")
        }
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.arguments.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument == "--help" || argument == "-h" {
                result.wantsHelp = true
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                try apply(try option(named: name, in: argument), inline: inline, arguments, &index, &result)
            } else {
                for (option, inline) in try shortOptions(in: argument) {
                    try apply(option, inline: inline, arguments, &index, &result)
                }
            }
        }
        if result.wantsHelp { return result }
        if result.arguments.count < specification.minimumArguments {
            throw ArgumentError("\(specification.name) needs \(specification.usage.isEmpty ? "more arguments" : specification.usage); see `\(specification.name) --help`")
        }
        if let maximum = specification.maximumArguments, result.arguments.count > maximum {
            let extra = result.arguments[maximum]
            throw ArgumentError("unexpected argument '\(extra)'; usage: \(specification.name) \(specification.usage)")
        }
        return result
    }

    private func apply(_ option: OptionSpecification, inline: String?, _ arguments: [String], _ index: inout Int,
                       _ result: inout ParsedArguments) throws(ArgumentError) {
        if option.isFlag {
            if inline != nil { throw ArgumentError("--\(option.name) is a flag and takes no value") }
            result.flags.insert(option.name)
            return
        }
        let value: String
        if let inline {
            value = inline
        } else if index < arguments.count {
            value = arguments[index]
            index += 1
        } else {
            throw ArgumentError("--\(option.name) needs a value (\(option.valueName ?? "VALUE"))")
        }
        if !option.isRepeatable, result.values[option.name] != nil {
            throw ArgumentError("--\(option.name) was given twice; give it once")
        }
        result.values[option.name, default: []].append(value)
    }

    /// The option `--name`; `argument` is the whole word, for the message when there is none.
    private func option(named name: String, in argument: String) throws(ArgumentError) -> OptionSpecification {
        if let option = specification.options.first(where: { $0.name == name }) { return option }
        let closest = specification.options.map(\.name).min { editDistance($0, name) < editDistance($1, name) }
        if let closest, editDistance(closest, name) <= 3 {
            throw ArgumentError("unknown option --\(name) — did you mean --\(closest)?")
        }
        throw unknownOption(argument)
    }

    /// The options of `-abc` (grouped flags), each with its inline value: a short option that takes
    /// a value takes the rest of the word (`-fjson`). The whole word is refused unless every
    /// letter up to that point is a known short option.
    private func shortOptions(in argument: String) throws(ArgumentError) -> [(OptionSpecification, inline: String?)] {
        let letters = Array(argument.dropFirst())
        var options: [(OptionSpecification, inline: String?)] = []
        for (position, letter) in letters.enumerated() {
            guard let option = specification.options.first(where: { $0.shortName == letter }) else { throw unknownOption(argument) }
            if !option.isFlag && position < letters.count - 1 {
                options.append((option, String(letters[(position + 1)...])))
                break
            }
            options.append((option, nil))
        }
        return options
    }

    /// Refuses a word that looks like an option but is none, e.g. the expression `-1 + 2`.
    private func unknownOption(_ argument: String) -> ArgumentError {
        ArgumentError("unknown option '\(argument)'; to pass a value that starts with '-', put it after '--'; "
                      + "see `\(specification.name) --help` for the options")
    }
}

/// Levenshtein distance, for "did you mean" hints on short option names.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs.prefix(64))
    let right = Array(rhs.prefix(64))
    var previous = Array(0...right.count)
    for (i, leftCharacter) in left.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: right.count)
        for (j, rightCharacter) in right.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftCharacter == rightCharacter ? 0 : 1))
        }
        previous = current
    }
    return previous[right.count]
}
