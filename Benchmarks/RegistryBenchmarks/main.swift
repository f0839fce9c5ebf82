import CSQLite
import Foundation
import JSON
import Registry

// Registry benchmarks, release build (see Benchmarks/README.md):
//   apply [products] [rounds]  issue 2: apply a generated mesh of contracts and products through the
//                              registry (validation, ownership, references, revisions, audit chain, one
//                              transaction) vs the same rows inserted with raw SQLite, same run
//                              (row counts per table asserted equal; values encoded before timing)
//   policy [products]          issue 5: an access rule, the shipped policy set, and an audit scan
//   cel-loop N                 the access rule evaluated N times, for callgrind instruction counts
//   get-loop N                 GET /api/v1/products/{id} through the API in-process N times, for
//                              callgrind instruction counts (issue 3)

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "apply" {
case "policy":
    try PolicyBenchmark.run(products: arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000)
    exit(0)
case "get-loop":
    try GetLoop.run(times: arguments.count > 2 ? Int(arguments[2]) ?? 0 : 0)
    exit(0)
case "cel-loop":
    PolicyBenchmark.evaluateAccessRule(times: arguments.count > 2 ? Int(arguments[2]) ?? 0 : 0)
    exit(0)
default:
    break
}
let count = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let mesh = GeneratedMesh(products: count)
print("generated mesh: \(mesh.domains.count) domains, \(count) contracts, \(count) products")

var registryRates: [Double] = []
var rawRates: [Double] = []
for round in 1...rounds {
    let registryPath = directory.appendingPathComponent("registry-\(round).sqlite").path
    let registry = try Registry(path: registryPath)
    try registry.apply(mesh.domains, actor: .localAdmin)
    // The baseline starts from the registry's database as it is before the timed apply.
    let rawPath = directory.appendingPathComponent("raw-\(round).sqlite").path
    try RawInsertBaseline.copy(registryPath, to: rawPath)
    let submissions = mesh.contracts + mesh.products
    let start = DispatchTime.now().uptimeNanoseconds
    let results = try registry.apply(submissions, actor: .localAdmin)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    precondition(results.count == submissions.count && results.allSatisfy { $0.change == .created })
    registryRates.append(Double(count) / seconds)

    let rawSeconds = try RawInsertBaseline(path: rawPath, mesh: mesh).insert()
    rawRates.append(Double(count) / rawSeconds)
    // Both must have written the same rows: as many in every table.
    let registryRows = try RawInsertBaseline.rowCounts(registryPath)
    let rawRows = try RawInsertBaseline.rowCounts(rawPath)
    if round == 1 {
        print("rows per table after apply (the baseline's are asserted equal): "
              + registryRows.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    guard registryRows == rawRows else {
        let differing = Set(registryRows.keys).union(rawRows.keys).sorted().filter { registryRows[$0] != rawRows[$0] }
        print("FAILED: the baseline wrote other rows than apply: "
              + differing.map { "\($0): apply \(registryRows[$0] ?? 0), baseline \(rawRows[$0] ?? 0)" }.joined(separator: "; "))
        try? FileManager.default.removeItem(at: directory)
        exit(1)
    }
    print(String(format: "round %d: meshreg apply %.2f s (%.0f products/s) · raw SQLite inserts %.2f s (%.0f products/s)",
                 round, seconds, Double(count) / seconds, rawSeconds, Double(count) / rawSeconds))
}

let registryMedian = registryRates.sorted()[registryRates.count / 2]
let rawMedian = rawRates.sorted()[rawRates.count / 2]
print(String(format: "apply: %.0f products/s (each with its contract) · raw SQLite: %.0f products/s · ratio %.2f (target ≥ 0.25)",
             registryMedian, rawMedian, registryMedian / rawMedian))
