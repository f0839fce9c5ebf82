import Foundation
import Lineage
import Registry

// Lineage query benchmark (issue 6): a generated graph of N products and 3·N edges stored through
// the registry's lineage storage; downstream walks to depth 10 from the hub and from a typical
// (median out-degree) product with the in-memory adjacency index, next to the best plain-SQL walk
// over the same rows (LevelWalkBaseline), same run. Both sides must reach the same set of nodes.
// Usage: LineageBenchmarks [products, default 100000] [rounds, default 200]

let arguments = CommandLine.arguments
let productCount = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let depth = 10

/// A deterministic generator (SplitMix64), so every run builds the same graph.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

// Each product i > 0 reads 3 earlier products: one of the previous 1,000 (a local pipeline), and
// with 1% chance the hub (product 0) instead. Edges are `readBy`, upstream → downstream.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-lineage-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let path = directory.appendingPathComponent("lineage.sqlite").path
let registry = try Registry(path: path)
let service = try LineageService(registry: registry)

var random = SplitMix64(state: 42)
var batches: [(source: String, subgraph: LineageSubgraph)] = []
var edgeCount = 0
var outDegree = [Int](repeating: 0, count: productCount)
for index in 0..<productCount {
    var subgraph = LineageSubgraph()
    subgraph.add(LineageNode(id: .product("p\(index)"), label: "Product \(index)", team: "team-\(index % 50)"))
    if index > 0 {
        var parents: Set<Int> = []
        while parents.count < min(3, index) {
            parents.insert(random.below(100) == 0 ? 0 : max(0, index - 1 - random.below(min(index, 1_000))))
        }
        for parent in parents.sorted() {
            outDegree[parent] += 1
            subgraph.add(LineageEdge(from: .product("p\(parent)"), to: .product("p\(index)"), kind: .readBy))
        }
        edgeCount += parents.count
    }
    batches.append(("product:p\(index)", subgraph))
}
let storeMilliseconds = try milliseconds {
    for start in stride(from: 0, to: batches.count, by: 10_000) {
        try service.replace(Array(batches[start..<min(start + 10_000, batches.count)]))
    }
}
let graph = try service.graph()
print("graph: \(productCount) products, \(edgeCount) edges, stored through the lineage storage in \(format(storeMilliseconds / 1000)) s; in memory: \(graph.nodeCount) nodes, \(graph.edgeCount) edges")

// The median out-degree over all products, and the product nearest the middle of the graph with it.
let medianDegree = outDegree.sorted()[productCount / 2]
let typical = (0..<productCount).filter { outDegree[$0] == medianDegree }.min { abs($0 - productCount / 2) < abs($1 - productCount / 2) }!

// Plain SQL on the same file, with the registry's settings.
let baseline = LevelWalkBaseline(path: path)
let baselineRounds = max(5, rounds / 10)

print("downstream walks to depth \(depth): p50 / p99 ms; index = the in-memory index (with its catch-up on the change log), sql = the level-by-level walk in SQLite")
for (role, start) in [("hub", 0), ("median", typical)] {
    let id = LineageNodeID.product("p\(start)")
    let expected = Set(try graph.traverse(from: id, direction: .downstream, depth: depth).nodes.map(\.node.id.description))
    let sqlNodes = baseline.downstreamNodes(from: id.description, depth: depth)
    guard sqlNodes == expected else {
        print("FAILED: walk-\(role) from p\(start): the index reaches \(expected.count) nodes, the SQL walk \(sqlNodes.count); \(expected.symmetricDifference(sqlNodes).count) differ")
        try? FileManager.default.removeItem(at: directory)
        exit(1)
    }
    var withService: [Double] = []
    var indexOnly: [Double] = []
    for _ in 0..<rounds {
        var reached = 0
        withService.append(try milliseconds { reached = try service.traverse(from: id, direction: .downstream, depth: depth).count })
        precondition(reached == expected.count, "the index with catch-up reached \(reached) nodes, not \(expected.count)")
        indexOnly.append(try milliseconds { reached = try graph.traverse(from: id, direction: .downstream, depth: depth).count })
        precondition(reached == expected.count, "the index reached \(reached) nodes, not \(expected.count)")
    }
    var sqlTimes: [Double] = []
    for _ in 0..<baselineRounds {
        var reached = 0
        sqlTimes.append(milliseconds { reached = baseline.downstreamCount(from: id.description, depth: depth) })
        precondition(reached == expected.count, "the SQL walk reached \(reached) nodes, not \(expected.count)")
    }
    let name = "walk-\(role)".padding(toLength: 12, withPad: " ", startingAt: 0)
    let from = "p\(start)".padding(toLength: 8, withPad: " ", startingAt: 0)
    print("\(name) from \(from) out-degree \(outDegree[start])  reached \(expected.count)",
          " index p50 \(format(percentile(withService, 0.5))) ms p99 \(format(percentile(withService, 0.99))) ms",
          " index-only p50 \(format(percentile(indexOnly, 0.5))) ms p99 \(format(percentile(indexOnly, 0.99))) ms (\(rounds) rounds)",
          " sql p50 \(format(percentile(sqlTimes, 0.5))) ms p99 \(format(percentile(sqlTimes, 0.99))) ms (\(baselineRounds) rounds)",
          " sql/index \(String(format: "%.1f", percentile(sqlTimes, 0.5) / percentile(withService, 0.5)))x")
}
print("target: index p50 < 5 ms for both walks")
