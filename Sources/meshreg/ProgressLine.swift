import FoundationEssentials

/// A progress line on stderr for long operations: redrawn in place on a terminal, a line every
/// tenth otherwise; silent for short runs.
final class ProgressLine: Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let interactive = Terminal.standardErrorIsTerminal

    init(label: String, total: Int, threshold: Int = 200) {
        self.label = label
        self.total = total
        self.enabled = total >= threshold
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        if interactive {
            Terminal.writeError("\r\(label) \(done)/\(total)")
        } else if done % max(1, total / 10) == 0 {
            Terminal.writeError("\(label) \(done)/\(total)\n")
        }
    }

    func finish() {
        if enabled && interactive { Terminal.writeError("\n") }
    }
}
