import Foundation
import HTTPTestClient

/// `meshreg serve` started as a real process on an ephemeral port, with a small HTTP client.
/// `@unchecked Sendable`: `log` is guarded by `logLock`; the rest is set once in `init`.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let databasePath: String
    /// Where the server writes the first admin token.
    let adminTokenPath: String
    private let errorPipe = Pipe()
    private let logLock = NSLock()
    private var log = ""

    /// Starts a server on `databasePath` (a file or a postgres:// URI); `adminTokenPath` defaults to `<db>.admin-token`.
    /// With `leavesStandardErrorUnread`, nothing reads the server's stderr past its start until
    /// `readStandardError()`: the pipe fills up, as behind a stalled log collector.
    init(databasePath: String, adminTokenPath: String? = nil, extraArguments: [String] = [], leavesStandardErrorUnread: Bool = false) throws {
        self.databasePath = databasePath
        self.adminTokenPath = adminTokenPath ?? databasePath + ".admin-token"
        process.executableURL = MeshregProcess.executable
        process.arguments = ["serve", "--db", databasePath, "--port", "0", "--admin-token-file", self.adminTokenPath,
                             "--domains", MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
        var port: Int?
        let deadline = Date().addingTimeInterval(30)
        var pending = ""
        while port == nil, Date() < deadline {
            let data = errorPipe.readSome()
            if data.isEmpty { break }
            pending += String(decoding: data, as: UTF8.self)
            if let range = pending.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(pending[range].split(separator: ":").last ?? "")
            }
        }
        guard let port else {
            process.terminate()
            throw ServerError(message: "meshreg serve did not start: \(pending)")
        }
        self.port = port
        log = pending
        if !leavesStandardErrorUnread { readStandardError() }
    }

    /// Collects what the server writes to stderr from now on.
    func readStandardError() {
        errorPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            guard let self else { return }
            self.logLock.lock()
            self.log += text
            self.logLock.unlock()
        }
    }

    /// Starts a server on the workspace's database `name` (see `Workspace.database`), writing the
    /// admin token to `<name>.admin-token` in the workspace.
    convenience init(workspace: Workspace, database name: String, extraArguments: [String] = []) throws {
        try self.init(databasePath: workspace.database(name), adminTokenPath: workspace.path(name + ".admin-token"),
                      extraArguments: extraArguments)
    }

    /// Everything the server wrote to stderr so far.
    var standardError: String {
        logLock.lock()
        defer { logLock.unlock() }
        return log
    }

    var adminToken: String {
        (try? String(contentsOfFile: adminTokenPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// One request on its own connection.
    func send(_ method: String, _ path: String, token: String? = nil, contentType: String? = nil, headers extra: [(String, String)] = [],
              body: String = "") throws -> ReceivedResponse {
        var headers = extra
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        guard let response = try TestClient.request(port: port, method, path, headers: headers, body: body) else {
            throw ServerError(message: "the server closed the connection without answering \(method) \(path)")
        }
        return response
    }

    /// Sends SIGTERM and waits for the process to exit; returns its exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        errorPipe.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

struct ServerError: Error {
    var message: String
}
