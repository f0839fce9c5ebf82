/// The deadlines of one event loop's connections, earliest first (a binary min-heap).
///
/// An entry is a hint, not a promise: a connection whose deadline moved later keeps its old
/// entry, and the loop, finding it early, schedules the new deadline then. So a request costs
/// no heap work unless its deadline moves earlier than the scheduled one.
struct TimerQueue {
    struct Entry: Equatable {
        var deadline: MonotonicInstant
        /// The connection's slot in the loop and its serial number there (slots are reused).
        var slot: Int32
        var serial: UInt64
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The earliest deadline, if any.
    var earliest: MonotonicInstant? { entries.first?.deadline }

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].deadline < entries[parent].deadline else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry if its deadline is not after `now`.
    mutating func popDue(now: MonotonicInstant) -> Entry? {
        guard let first = entries.first, first.deadline <= now else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count && entries[left].deadline < entries[smallest].deadline { smallest = left }
            if right < entries.count && entries[right].deadline < entries[smallest].deadline { smallest = right }
            guard smallest != parent else { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
