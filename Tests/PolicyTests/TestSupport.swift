import Foundation
import JSON
import Policy
import YAML

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The files in `directory` (relative to the repository root) ending in `suffix`, as the CLI would read them.
func repositoryFiles(in directory: String, suffix: String = ".yaml") throws -> [(path: String, bytes: [UInt8])] {
    let url = repositoryRoot.appendingPathComponent(directory)
    return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }.sorted().map { name in
        (path: directory + "/" + name, bytes: Array(try Data(contentsOf: url.appendingPathComponent(name))))
    }
}

/// The shipped policy set.
func shippedPolicySet() throws -> PolicySet {
    try PolicySet.load(repositoryFiles(in: "Policies"))
}

/// Loads policies given as text by file name.
func loadPolicies(_ files: [(String, String)]) throws(PolicySetError) -> PolicySet {
    try PolicySet.load(files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
}

/// The problems loading `files` reports, or none when it loads.
func loadProblems(_ files: [(String, String)]) -> [PolicyLoadError] {
    do {
        _ = try loadPolicies(files)
        return []
    } catch {
        return error.problems
    }
}

/// A policy document with the given `spec` lines (indented by two spaces already).
func policyText(name: String = "demo", spec: String) -> String {
    """
    apiVersion: meshreg/v1
    kind: Policy
    metadata:
      name: \(name)
      description: A policy for tests.
    spec:
    \(spec)
    """
}

/// JSON from YAML text, for compact inputs.
func json(_ yaml: String) throws -> JSONValue {
    try YAMLReader.parse(yaml).value
}
