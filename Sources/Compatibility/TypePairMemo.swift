/// What one check knows about each reader/writer pair of named types (Avro records, Protobuf
/// messages), by the types' numbers in their schema's index: a flat table when the schemas are
/// small enough, a dictionary otherwise.
struct TypePairMemo {
    enum State: UInt8 {
        case unvisited, inProgress, compatible, incompatible
    }

    /// Pair counts up to this use the flat table.
    private static let flatLimit = 1 << 14

    private let writerTypes: Int
    private var table: [State]
    private var sparse: [Int: State] = [:]

    init(readerTypes: Int, writerTypes: Int) {
        self.writerTypes = writerTypes
        let pairs = readerTypes.multipliedReportingOverflow(by: writerTypes)
        table = !pairs.overflow && pairs.partialValue <= Self.flatLimit ? Array(repeating: .unvisited, count: pairs.partialValue) : []
    }

    subscript(reader reader: Int, writer writer: Int) -> State {
        get {
            let key = reader &* writerTypes &+ writer
            return table.isEmpty ? sparse[key] ?? .unvisited : table[key]
        }
        set {
            let key = reader &* writerTypes &+ writer
            if table.isEmpty { sparse[key] = newValue } else { table[key] = newValue }
        }
    }
}
