import Arguments
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON
import Policy
import Registry

/// What a command run shares: the global options, the registry (opened on first use) and output.
final class CommandContext {
    enum Format: String { case table, json }

    let arguments: ParsedArguments
    let format: Format
    private var openedRegistry: Registry?
    /// Nil until `remote()` first runs; then the service, or `.some(nil)` for the local database.
    private var openedRemote: RemoteRegistry??

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
        self.format = Format(rawValue: arguments.value("format") ?? "table") ?? .table
    }

    /// Checks option values every command shares; prints the problem and returns false when bad.
    func validateGlobals() throws -> Bool {
        if let value = arguments.value("format"), Format(rawValue: value) == nil, !["dot", "mermaid", "markdown", "avro", "jsonschema", "protobuf"].contains(value) {
            Terminal.error("--format must be table or json, not '\(value)'")
            return false
        }
        return true
    }

    var databaseLocation: DatabaseLocation {
        DatabaseLocation(arguments.value("db") ?? ProcessInfo.processInfo.environment["MESHREG_DB"] ?? "meshreg.sqlite")
    }

    var actor: Principal {
        arguments.value("as").map { Principal.user($0) } ?? .localAdmin
    }

    /// The policy set of `--policies DIR`, else of `./Policies` when it exists, else none.
    func policies() throws -> PolicySet {
        if let directory = arguments.value("policies") { return try PolicyFiles.load(directory) }
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: "Policies", isDirectory: &isDirectory), isDirectory else { return PolicySet() }
        return try PolicyFiles.load("Policies")
    }

    func registry() throws -> Registry {
        if let openedRegistry { return openedRegistry }
        let registry = try Registry(location: databaseLocation, configuration: RegistryConfiguration(policies: try policies()))
        openedRegistry = registry
        return registry
    }

    /// The registry service named by `--server` (or `$MESHREG_URL` when no `--db` is given), or
    /// nil to work on the local database. Remotely the token is the actor, so `--as` is refused.
    func remote() throws -> RemoteRegistry? {
        if let openedRemote { return openedRemote }
        let environment = ProcessInfo.processInfo.environment
        let url = arguments.value("server") ?? (arguments.value("db") == nil ? environment["MESHREG_URL"].flatMap { $0.isEmpty ? nil : $0 } : nil)
        guard let url else {
            openedRemote = .some(nil)
            return nil
        }
        if arguments.value("as") != nil {
            throw CommandError("--as cannot be used with --server: remotely the token is the actor; use that user's token instead")
        }
        var timeout: TimeInterval = 30
        if let text = arguments.value("timeout") {
            guard let seconds = TimeInterval(text), seconds > 0 else { throw CommandError("--timeout must be a positive number of seconds, not '\(text)'") }
            timeout = seconds
        }
        let token = try arguments.value("token") ?? arguments.value("token-file").map(Self.readToken) ?? environment["MESHREG_TOKEN"]
        let remote = try RemoteRegistry(url: url, token: token, timeout: timeout)
        openedRemote = remote
        return remote
    }

    /// The token in a file only its owner may read.
    private static func readToken(from path: String) throws -> String {
        var status = stat()
        guard stat(path, &status) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("cannot read the token file \(path); check that it exists and is readable")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw CommandError("the token file \(path) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); run chmod 600 \(path)")
        }
        let token = String(decoding: data, as: UTF8.self)
        return String(token.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Prints a JSON value to stdout, pretty for people.
    func printJSON(_ value: JSONValue) {
        print(value.encoded(.prettyPrinted))
    }

    /// Prints what a remote request met: the problem's `code: detail` and its issues, never its raw JSON.
    func report(_ error: RemoteError) {
        if format == .json, case .problem(_, let body) = error {
            printJSON(["error": body])
            return
        }
        Terminal.error(error.message)
        for line in error.details { Terminal.errorDetail(line) }
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
