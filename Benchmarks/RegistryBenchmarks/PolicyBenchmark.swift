import CEL
import Foundation
import JSON
import Policy
import Registry

/// Issue 5's benchmarks: (a) one access rule over pre-decoded input, (b) the shipped policy set
/// against one product, (c) an audit scan of a generated mesh against the shipped policies.
enum PolicyBenchmark {
    static let accessRule = "port.public || (grant.approved && (!port.pii || size(grant.purpose) > 0))"
    static let accessInput: [String: JSONValue] = [
        "port": ["public": false, "pii": true, "name": "profiles"],
        "grant": ["approved": true, "purpose": "Consented audiences for the winter campaign"],
    ]

    static func run(products: Int) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let policies = try loadPolicies(root.appendingPathComponent("Policies"))

        let evaluations = 2_000_000
        let seconds = time { evaluateAccessRule(times: evaluations) }
        print(String(format: "access rule: %.0f evaluations/s (%d in %.2f s)", Double(evaluations) / seconds, evaluations, seconds))

        let product = try DocumentSubmission.decode(Array(try Data(contentsOf: root.appendingPathComponent("Domains/orders/products/order-history.odps.yaml"))), mediaType: .yaml).json
        let input = PolicyInput([
            .product: product, .now: "2026-11-25T12:00:00Z", .consumers: [], .inputs: [],
            .actor: ["username": "david.kim", "teams": ["order-platform"], "roles": ["owner"], "admin": false],
        ])
        let decisions = 20_000
        var outcome = Decision.Outcome.allowed
        let decisionSeconds = time { for _ in 0..<decisions { outcome = policies.evaluate(event: .productUpdate, input: input).outcome } }
        print(String(format: "policy set (%d policies) on one product: %.0f decisions/s (outcome %@)",
                     policies.policies.count, Double(decisions) / decisionSeconds, outcome.rawValue))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-scan-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try Registry(path: directory.appendingPathComponent("scan.sqlite").path)
        let mesh = GeneratedMesh(products: products)
        try registry.apply(mesh.domains + mesh.contracts + mesh.products, actor: .localAdmin)
        var scanned = 0
        let scanSeconds = time { scanned = (try? registry.scan(policies: policies).documents) ?? 0 }
        print(String(format: "audit scan: %d documents (%d products and their contracts) in %.2f s (target < 2 s for 10,000 products)",
                     scanned, products, scanSeconds))
    }

    /// The access rule compiled once and evaluated `times` times over one pre-decoded input.
    static func evaluateAccessRule(times: Int) {
        let program = try! CELProgram.compile(accessRule)
        let activation = CELActivation(json: accessInput)
        var allowed = 0
        for _ in 0..<times where program.evaluate(activation) == .bool(true) { allowed += 1 }
        precondition(allowed == times)
    }

    private static func loadPolicies(_ directory: URL) throws -> PolicySet {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try PolicySet.load(try files.map { (path: $0, bytes: Array(try Data(contentsOf: directory.appendingPathComponent($0)))) })
    }

    private static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
