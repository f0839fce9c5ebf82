import Crypto
import JSON
import YAML

/// A versioned set of compiled policies, loaded all or nothing: one bad file refuses the whole set.
public struct PolicySet: Sendable {
    /// SHA-256 (hex) of the canonical policy documents sorted by name; any change gives a new version.
    public let version: String
    /// The policies, in name order.
    public var policies: [PolicyDocument] { compiled.map(\.document) }
    private let compiled: [CompiledPolicy]
    /// For each event, the indices in `compiled` of the policies bound to it.
    private let byEvent: [PolicyEvent: [Int]]

    private init(compiled: [CompiledPolicy]) {
        let sorted = compiled.sorted { $0.document.name < $1.document.name }
        self.compiled = sorted
        version = SHA256.hexDigest(JSONValue.array(sorted.map(\.document.json)).canonicalBytes)
        var byEvent: [PolicyEvent: [Int]] = [:]
        for (index, policy) in sorted.enumerated() {
            for event in policy.document.events { byEvent[event, default: []].append(index) }
        }
        self.byEvent = byEvent
    }

    /// An empty set: every decision is allowed.
    public init() { self.init(compiled: []) }

    /// Parses, checks and compiles one policy per file; refuses the whole set, listing every
    /// problem in every file, when any file is bad or two files define the same policy name.
    public static func load(_ files: [(path: String, bytes: [UInt8])]) throws(PolicySetError) -> PolicySet {
        var problems: [PolicyLoadError] = []
        var compiled: [CompiledPolicy] = []
        var definitions: [String: (file: String, location: SourceLocation)] = [:]
        for file in files {
            var reader: StrictReader
            switch StrictReader.read(file: file.path, bytes: file.bytes) {
            case .success(let parsed): reader = parsed
            case .failure(let problem):
                problems.append(problem)
                continue
            }
            if let document = PolicyDocument.read(from: &reader) {
                let nameLocation = reader.location(of: JSONPointer.root / "metadata" / "name")
                if let first = definitions[document.name] {
                    reader.report(.duplicatePolicy, at: nameLocation,
                                  "policy '\(document.name)' is already defined in \(first.file):\(first.location); rename one or delete the copy")
                } else {
                    definitions[document.name] = (file.path, nameLocation)
                }
                if let policy = CompiledPolicy.compile(document, reader: &reader) { compiled.append(policy) }
            }
            problems += reader.problems
        }
        guard problems.isEmpty else { throw PolicySetError(problems: problems) }
        return PolicySet(compiled: compiled)
    }

    /// The policy named `name`.
    public func policy(named name: String) -> PolicyDocument? {
        compiled.first { $0.document.name == name }?.document
    }

    /// The policy's digest: SHA-256 (hex) of its canonical document.
    public func digest(ofPolicy name: String) -> String? {
        compiled.first { $0.document.name == name }?.digest
    }

    /// The subset holding only the named policies (a fixture tests its policy alone).
    public func restricted(to names: Set<String>) -> PolicySet {
        PolicySet(compiled: compiled.filter { names.contains($0.document.name) })
    }

    /// Whether any policy binds to `event`; when none does, callers may skip building the input.
    public func hasPolicies(for event: PolicyEvent) -> Bool {
        !(byEvent[event] ?? []).isEmpty
    }

    /// Evaluates every policy bound to `event` against `input`.
    public func evaluate(event: PolicyEvent, input: PolicyInput) -> Decision {
        let indices = byEvent[event] ?? []
        guard !indices.isEmpty else { return Decision(event: event, policySetVersion: version, results: []) }
        let activation = input.activation
        return Decision(event: event, policySetVersion: version, results: indices.map { index in
            let policy = compiled[index]
            if event == .audit, policy.documentVariables.contains(where: { input.values[$0] == nil }) {
                return PolicyResult(name: policy.document.name, digest: policy.digest, outcome: .skipped, violations: [],
                                    ignoredErrors: [], evaluatedVariables: [])
            }
            return PolicyEvaluation.run(policy, activation: activation)
        })
    }
}
