import FoundationEssentials
import Policy

/// Reads a policy directory: every `*.yaml` / `*.yml` directly in it (fixtures live in `tests/`).
enum PolicyFiles {
    /// `name` inside `directory`, with one slash between them.
    static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func read(_ directory: String) throws -> [(path: String, bytes: [UInt8])] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CommandError("cannot read the policy directory \(directory); give --policies DIR")
        }
        return try names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { name in
            let path = Self.path(directory, name)
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("cannot read \(path)") }
            return (path, Array(data))
        }
    }

    /// Loads the set, or reports every problem (file:line:column) and fails as an input error.
    static func load(_ directory: String) throws -> PolicySet {
        do {
            return try PolicySet.load(try read(directory))
        } catch let error as PolicySetError {
            throw CommandError("the policies in \(directory) were not loaded, none of them:\n" + error.problems.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
