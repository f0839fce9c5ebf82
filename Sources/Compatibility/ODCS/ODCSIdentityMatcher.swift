/// Pairs the elements of two versions by identity: the same `id` when both have one, else the same
/// name when either lacks an id.
struct ODCSIdentityMatcher {
    /// Pairs of (reader index, writer index).
    var pairs: [(reader: Int, writer: Int)] = []
    var readerOnly: [Int] = []
    var writerOnly: [Int] = []

    init(reader: [(id: String?, name: String)], writer: [(id: String?, name: String)]) {
        var used = [Bool](repeating: false, count: writer.count)
        for (readerIndex, element) in reader.enumerated() {
            let byID = element.id.flatMap { id in writer.indices.first { !used[$0] && writer[$0].id == id } }
            let match = byID ?? writer.indices.first {
                !used[$0] && writer[$0].name == element.name && (writer[$0].id == nil || element.id == nil)
            }
            if let match {
                used[match] = true
                pairs.append((readerIndex, match))
            } else {
                readerOnly.append(readerIndex)
            }
        }
        writerOnly = writer.indices.filter { !used[$0] }
    }
}
