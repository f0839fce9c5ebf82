import Arguments
import Foundation
import JSON
import Policy
import Registry

/// What a command run shares: the global options, the registry (opened on first use) and output.
final class CommandContext {
    enum Format: String { case table, json }

    let arguments: ParsedArguments
    let format: Format
    private var openedRegistry: Registry?

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
        self.format = Format(rawValue: arguments.value("format") ?? "table") ?? .table
    }

    /// Checks option values every command shares; prints the problem and returns false when bad.
    func validateGlobals() throws -> Bool {
        if let value = arguments.value("format"), Format(rawValue: value) == nil, !["dot", "mermaid", "markdown"].contains(value) {
            Terminal.error("--format must be table or json, not '\(value)'")
            return false
        }
        return true
    }

    var databasePath: String {
        arguments.value("db") ?? ProcessInfo.processInfo.environment["MESHREG_DB"] ?? "meshreg.sqlite"
    }

    var actor: Principal {
        arguments.value("as").map { Principal.user($0) } ?? .localAdmin
    }

    /// The policy set of `--policies DIR`, else of `./Policies` when it exists, else none.
    func policies() throws -> PolicySet {
        if let directory = arguments.value("policies") { return try PolicyFiles.load(directory) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "Policies", isDirectory: &isDirectory), isDirectory.boolValue else { return PolicySet() }
        return try PolicyFiles.load("Policies")
    }

    func registry() throws -> Registry {
        if let openedRegistry { return openedRegistry }
        let registry = try Registry(path: databasePath, configuration: RegistryConfiguration(policies: try policies()))
        openedRegistry = registry
        return registry
    }

    /// Prints a JSON value to stdout, pretty for people.
    func printJSON(_ value: JSONValue) {
        print(value.encoded(.prettyPrinted))
    }

    /// Prints a refused or failed request: to stderr for people, as a JSON object for programs.
    func report(_ error: RegistryError) {
        switch format {
        case .json:
            printJSON(["error": [
                "code": .string(error.code.rawValue), "message": .string(error.message),
                "issues": .array(error.issues.map { issue in
                    ["source": issue.source.map(JSONValue.string) ?? .null, "pointer": .string(issue.issue.pointer.description),
                     "code": .string(issue.issue.code), "message": .string(issue.issue.message)]
                }),
                "dependants": .array(error.dependants.map(JSONValue.string)),
            ]])
        case .table:
            Terminal.error("\(error.message) [\(error.code.rawValue)]")
            for issue in error.issues { Terminal.errorDetail(issue.description) }
            for dependant in error.dependants { Terminal.errorDetail("depended on by \(dependant)") }
        }
    }
}
