/// One direction of the lineage graph's adjacency: a compressed sparse row (CSR) layout of flat
/// arrays, plus per-node overflow lists for edges added since the last compaction.
///
/// Adding appends to a node's overflow list; once the overflow outgrows a quarter of the
/// compacted entries, everything is rebuilt into the flat arrays (amortized O(1) per edge).
/// Removing marks a compacted entry dead (`node == -1`) or drops it from the overflow list; many
/// dead entries also trigger a rebuild.
struct AdjacencyIndex: Sendable {
    /// One entry: the node at the other end and the edge's kind.
    struct Entry: Sendable, Hashable {
        /// The node at the other end; -1 for a removed entry.
        var node: Int32
        var kind: LineageEdgeKind
        /// True for an entry the stored edge does not give directly: the reverse of an identity
        /// edge, or a `publishes` edge in its product's incoming list.
        var isReverse: Bool
    }

    /// A read-only view for walks: no reference counting or bounds checks per entry.
    struct View {
        let offsets: UnsafeBufferPointer<Int32>
        let entries: UnsafeBufferPointer<Entry>
        let overflow: UnsafeBufferPointer<[Entry]>

        /// Calls `body` with each live entry of `node`.
        @inline(__always)
        func forEach(of node: Int32, _ body: (Entry) -> Void) {
            let index = Int(node)
            if index + 1 < offsets.count {
                for position in Int(offsets[index])..<Int(offsets[index + 1]) where entries[position].node >= 0 { body(entries[position]) }
            }
            for entry in overflow[index] { body(entry) }
        }
    }

    /// Start of each compacted node's entries; `offsets[n + 1]` is its end.
    private var offsets: [Int32] = [0]
    private var entries: [Entry] = []
    private var overflow: [[Entry]] = []
    private var overflowCount = 0
    private var deadCount = 0

    /// Makes room for one more node.
    mutating func appendNode() { overflow.append([]) }

    /// Adds an entry to `node`'s list.
    mutating func insert(_ entry: Entry, at node: Int32) {
        overflow[Int(node)].append(entry)
        overflowCount += 1
        if overflowCount > max(4096, entries.count / 4) { compact() }
    }

    /// Removes one entry equal to `entry` from `node`'s list.
    mutating func remove(_ entry: Entry, at node: Int32) {
        if let position = overflow[Int(node)].firstIndex(of: entry) {
            overflow[Int(node)].remove(at: position)
            overflowCount -= 1
            return
        }
        let index = Int(node)
        guard index + 1 < offsets.count else { return }
        for position in Int(offsets[index])..<Int(offsets[index + 1]) where entries[position] == entry {
            entries[position].node = -1
            deadCount += 1
            if deadCount > max(4096, entries.count / 4) { compact() }
            return
        }
    }

    /// The live entries of `node`, for the paths that are not walks.
    subscript(node: Int32) -> [Entry] {
        var result: [Entry] = []
        withView { view in view.forEach(of: node) { result.append($0) } }
        return result
    }

    /// Runs `body` with a view of the index.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        offsets.withUnsafeBufferPointer { offsets in
            entries.withUnsafeBufferPointer { entries in
                overflow.withUnsafeBufferPointer { overflow in
                    body(View(offsets: offsets, entries: entries, overflow: overflow))
                }
            }
        }
    }

    /// Rebuilds the flat arrays from the live compacted entries and the overflow lists.
    private mutating func compact() {
        var newOffsets: [Int32] = []
        newOffsets.reserveCapacity(overflow.count + 1)
        var newEntries: [Entry] = []
        newEntries.reserveCapacity(entries.count + overflowCount)
        withView { view in
            for node in 0..<Int32(overflow.count) {
                newOffsets.append(Int32(newEntries.count))
                view.forEach(of: node) { newEntries.append($0) }
            }
        }
        precondition(newEntries.count < Int32.max, "the lineage graph holds fewer than Int32.max adjacency entries")
        newOffsets.append(Int32(newEntries.count))
        offsets = newOffsets
        entries = newEntries
        for node in overflow.indices where !overflow[node].isEmpty { overflow[node] = [] }
        overflowCount = 0
        deadCount = 0
    }
}
