/// Parses the RE2 subset of `CELRegex` and compiles it to Pike VM instructions.
struct CELRegexParser {
    private indirect enum Node {
        case empty
        case scalar(Unicode.Scalar)
        case set(CELRegex.CharacterSet)
        case any
        case textStart
        case textEnd
        case concatenation([Node])
        case alternation([Node])
        case repetition(Node, minimum: Int, maximum: Int?)
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private var program: [CELRegex.Instruction] = []

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    mutating func compile() throws(CELError) -> [CELRegex.Instruction] {
        let node = try parseAlternation()
        guard position == scalars.count else { throw invalid("unbalanced ')'") }
        try emit(node)
        program.append(.match)
        return program
    }

    private func invalid(_ reason: String) -> CELError {
        CELError(.invalidArgument, "invalid regular expression at character \(position + 1): \(reason)")
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func accept(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        position += 1
        return true
    }

    // MARK: Parsing

    private mutating func parseAlternation() throws(CELError) -> Node {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 100 else { throw invalid("groups nest deeper than 100 levels") }
        var branches = [try parseConcatenation()]
        while accept("|") { branches.append(try parseConcatenation()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation() throws(CELError) -> Node {
        var items: [Node] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            var atom = try parseAtom()
            while let (minimum, maximum) = try parseQuantifier() {
                atom = .repetition(atom, minimum: minimum, maximum: maximum)
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
    }

    private mutating func parseQuantifier() throws(CELError) -> (Int, Int?)? {
        let bounds: (Int, Int?)
        switch current {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        case "{":
            let start = position
            position += 1
            guard let minimum = parseNumber() else {
                position = start
                return nil
            }
            var maximum: Int? = minimum
            if accept(",") { maximum = parseNumber() }
            guard accept("}") else { throw invalid("malformed repetition {n,m}") }
            guard minimum <= 1000, (maximum ?? 0) <= 1000, minimum <= (maximum ?? minimum) else {
                throw invalid("repetition counts must be 0 to 1000 with n <= m")
            }
            _ = accept("?")
            return (minimum, maximum)
        default: return nil
        }
        position += 1
        _ = accept("?")
        return bounds
    }

    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let scalar = current, let digit = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil, scalar.isASCII {
            value = min((value ?? 0) * 10 + digit, 100_000)
            position += 1
        }
        return value
    }

    private mutating func parseAtom() throws(CELError) -> Node {
        guard let scalar = current else { throw invalid("unexpected end") }
        position += 1
        switch scalar {
        case "(":
            if accept("?") {
                guard accept(":") else { throw invalid("only non-capturing groups (?:…) are supported among (?…) forms") }
            }
            let inner = try parseAlternation()
            guard accept(")") else { throw invalid("missing ')'") }
            return inner
        case "[": return .set(try parseClass())
        case ".": return .any
        case "^": return .textStart
        case "$": return .textEnd
        case "\\": return try parseEscape(inClass: false)
        case "*", "+", "?", "{": throw invalid("missing argument to repetition operator '\(scalar)'")
        default: return .scalar(scalar)
        }
    }

    private static let digits = CELRegex.CharacterSet(ranges: [48...57], negated: false)
    private static let word = CELRegex.CharacterSet(ranges: [48...57, 65...90, 95...95, 97...122], negated: false)
    private static let space = CELRegex.CharacterSet(ranges: [9...10, 12...13, 32...32], negated: false)

    private mutating func parseEscape(inClass: Bool) throws(CELError) -> Node {
        guard let letter = current else { throw invalid("trailing backslash") }
        position += 1
        let classes: [Unicode.Scalar: CELRegex.CharacterSet] = ["d": Self.digits, "w": Self.word, "s": Self.space]
        switch letter {
        case "d", "w", "s": return .set(classes[letter]!)
        case "D", "W", "S":
            guard !inClass else { throw invalid("\\\(letter) is not supported inside [ ]; list the ranges instead") }
            var set = classes[Unicode.Scalar(letter.value + 32)!]!
            set.negated = true
            return .set(set)
        case "A" where !inClass: return .textStart
        case "z" where !inClass: return .textEnd
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        default:
            guard letter.isASCII, !letter.properties.isAlphabetic, !("0"..."9").contains(letter) else {
                throw invalid("unsupported escape '\\\(letter)'")
            }
            return .scalar(letter)
        }
    }

    private mutating func parseClass() throws(CELError) -> CELRegex.CharacterSet {
        var set = CELRegex.CharacterSet(ranges: [], negated: accept("^"))
        var first = true
        while let scalar = current, scalar != "]" || first {
            first = false
            position += 1
            var lower: UInt32
            if scalar == "\\" {
                switch try parseEscape(inClass: true) {
                case .scalar(let escaped): lower = escaped.value
                case .set(let inner):
                    set.ranges += inner.ranges
                    continue
                default: throw invalid("unsupported escape in character class")
                }
            } else if scalar == "[" && current == ":" {
                throw invalid("POSIX classes [:name:] are not supported; use ranges")
            } else {
                lower = scalar.value
            }
            if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let upper = current, upper != "\\" else { throw invalid("unsupported range end in character class") }
                position += 1
                guard lower <= upper.value else { throw invalid("invalid character class range") }
                set.ranges.append(lower...upper.value)
            } else {
                set.ranges.append(lower...lower)
            }
        }
        guard accept("]") else { throw invalid("missing ']'") }
        return set
    }

    // MARK: Code generation

    private mutating func append(_ instruction: CELRegex.Instruction) throws(CELError) {
        guard program.count < CELRegex.maxInstructions else {
            throw CELError(.invalidArgument, "regular expression is too large once repetitions are expanded")
        }
        program.append(instruction)
    }

    private mutating func emit(_ node: Node) throws(CELError) {
        switch node {
        case .empty: break
        case .scalar(let scalar): try append(.scalar(scalar))
        case .set(let set): try append(.set(set))
        case .any: try append(.any)
        case .textStart: try append(.textStart)
        case .textEnd: try append(.textEnd)
        case .concatenation(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = program.count
                    try append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    try append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let minimum, let maximum):
            for _ in 0..<minimum { try emit(inner) }
            if let maximum {
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    try append(.split(program.count + 1, 0))
                    try emit(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let split = program.count
                try append(.split(split + 1, 0))
                try emit(inner)
                try append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }
}
