/// A regular expression for `matches`, in a subset of RE2 syntax, run by a Pike VM over Unicode
/// scalars: time is linear in the input (times the program size), with no backtracking, so a
/// hostile pattern cannot stall evaluation the way a backtracking engine (NSRegularExpression) can.
///
/// Supported: literals, `.`, `[…]` classes with ranges and `^`, `\d \D \w \W \s \S`, escapes,
/// `^ $ \A \z`, groups `(…)` `(?:…)`, `|`, and `* + ? {n} {n,} {n,m}` (lazy forms accepted).
struct CELRegex: Sendable {
    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case set(CharacterSet)
        /// Any scalar but `\n`.
        case any
        case split(Int, Int)
        case jump(Int)
        case textStart
        case textEnd
        case match
    }

    /// Inclusive scalar ranges, possibly negated.
    struct CharacterSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            ranges.contains { $0.contains(scalar.value) } != negated
        }
    }

    static let maxPatternScalars = 1000
    static let maxInstructions = 4000

    let program: [Instruction]

    init(_ pattern: String) throws(CELError) {
        guard pattern.unicodeScalars.count <= Self.maxPatternScalars else {
            throw CELError(.invalidArgument, "regular expression is longer than \(Self.maxPatternScalars) characters")
        }
        var parser = CELRegexParser(pattern)
        program = try parser.compile()
    }

    /// True when the expression matches anywhere in `text` (RE2 partial match, as CEL specifies).
    func matches(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        var stack: [Int] = []
        var atStart = true
        while true {
            let atEnd = index == scalars.endIndex
            if add(0, to: &current, atStart: atStart, atEnd: atEnd, stack: &stack) { return true }
            guard !atEnd else { return false }
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            atStart = false
            let nextAtEnd = index == scalars.endIndex
            for pc in current.threads {
                let advances = switch program[pc] {
                case .scalar(let expected): expected == scalar
                case .set(let set): set.contains(scalar)
                case .any: scalar != "\n"
                default: false
                }
                if advances, add(pc + 1, to: &next, atStart: false, atEnd: nextAtEnd, stack: &stack) { return true }
            }
            swap(&current, &next)
            next.clear()
        }
    }

    /// Adds the thread at `start` and every thread reachable without consuming input;
    /// returns true when one of them reaches `match`.
    private func add(_ start: Int, to list: inout ThreadList, atStart: Bool, atEnd: Bool, stack: inout [Int]) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(start)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .textStart: if atStart { stack.append(pc + 1) }
            case .textEnd: if atEnd { stack.append(pc + 1) }
            default: list.threads.append(pc)
            }
        }
        return false
    }

    /// The set of program counters alive at one input position, in insertion order.
    private struct ThreadList {
        var threads: [Int] = []
        private var seen: [Bool]
        private var marked: [Int] = []

        init(capacity: Int) { seen = Array(repeating: false, count: capacity) }

        mutating func insert(_ pc: Int) -> Bool {
            guard !seen[pc] else { return false }
            seen[pc] = true
            marked.append(pc)
            return true
        }

        mutating func clear() {
            for pc in marked { seen[pc] = false }
            marked.removeAll(keepingCapacity: true)
            threads.removeAll(keepingCapacity: true)
        }
    }
}
