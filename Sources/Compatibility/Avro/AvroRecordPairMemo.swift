/// What one resolution knows about each reader/writer record pair, by the records' positions in
/// ``AvroResolutionIndex``: a flat table when the schemas are small enough, a dictionary otherwise.
struct AvroRecordPairMemo {
    enum State: UInt8 {
        case unvisited, inProgress, compatible, incompatible
    }

    /// Pair counts up to this use the flat table.
    private static let flatLimit = 1 << 14

    private let writerRecords: Int
    private var table: [State]
    private var sparse: [Int: State] = [:]

    init(readerRecords: Int, writerRecords: Int) {
        self.writerRecords = writerRecords
        let pairs = readerRecords.multipliedReportingOverflow(by: writerRecords)
        table = !pairs.overflow && pairs.partialValue <= Self.flatLimit ? Array(repeating: .unvisited, count: pairs.partialValue) : []
    }

    subscript(reader reader: Int, writer writer: Int) -> State {
        get {
            let key = reader &* writerRecords &+ writer
            return table.isEmpty ? sparse[key] ?? .unvisited : table[key]
        }
        set {
            let key = reader &* writerRecords &+ writer
            if table.isEmpty { sparse[key] = newValue } else { table[key] = newValue }
        }
    }
}
