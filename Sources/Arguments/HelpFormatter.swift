/// Renders `--help` text for a command.
public enum HelpFormatter {
    public static func help(for specification: CommandSpecification, programName: String = "meshreg") -> String {
        var lines = ["\(specification.summary)", "", "USAGE: \(programName) \(specification.name) \(specification.usage)".trimmingTrailingSpaces]
        if !specification.options.isEmpty {
            lines += ["", "OPTIONS:"]
            let labels = specification.options.map(label)
            let width = min(32, (labels.map(\.count).max() ?? 0) + 2)
            for (option, label) in zip(specification.options, labels) {
                let padding = String(repeating: " ", count: max(2, width - label.count))
                lines.append("  \(label)\(padding)\(option.help)")
            }
            lines.append("  -h, --help" + String(repeating: " ", count: max(2, width - 10)) + "Show this help.")
        }
        if !specification.discussion.isEmpty { lines += ["", specification.discussion] }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func label(_ option: OptionSpecification) -> String {
        let short = option.shortName.map { "-\($0), " } ?? ""
        let value = option.valueName.map { " <\($0)>" } ?? ""
        return "\(short)--\(option.name)\(value)"
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
