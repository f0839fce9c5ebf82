/// Parses a command's arguments against its specification.
///
/// Accepts `--name value`, `--name=value`, `-n value`, grouped short flags (`-fq`), flags, and
/// `--` to end options. Unknown options are refused with the closest known name.
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
                try apply(try option(named: name), inline: inline, arguments, &index, &result)
            } else {
                let letters = Array(argument.dropFirst())
                for (position, letter) in letters.enumerated() {
                    let option = try option(short: letter)
                    let isLast = position == letters.count - 1
                    if !option.isFlag && !isLast {
                        try apply(option, inline: String(letters[(position + 1)...]), arguments, &index, &result)
                        break
                    }
                    try apply(option, inline: nil, arguments, &index, &result)
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

    private func option(named name: String) throws(ArgumentError) -> OptionSpecification {
        if let option = specification.options.first(where: { $0.name == name }) { return option }
        let closest = specification.options.map(\.name).min { editDistance($0, name) < editDistance($1, name) }
        let hint = closest.flatMap { editDistance($0, name) <= 3 ? " — did you mean --\($0)?" : nil } ?? "; see `\(specification.name) --help`"
        throw ArgumentError("unknown option --\(name)\(hint)")
    }

    private func option(short letter: Character) throws(ArgumentError) -> OptionSpecification {
        guard let option = specification.options.first(where: { $0.shortName == letter }) else {
            throw ArgumentError("unknown option -\(letter); see `\(specification.name) --help`")
        }
        return option
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
