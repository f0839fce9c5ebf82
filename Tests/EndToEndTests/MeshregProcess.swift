import Foundation
import HTTPTestClient
import PostgresTestSupport

/// Runs the built `meshreg` binary, as a user would, and captures what it prints.
struct MeshregProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("meshreg")
    }

    /// Runs `program` (the built meshreg unless told otherwise) with `arguments`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    program: URL = executable) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.readAll()
        let errorData = error.readAll()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// A fresh directory per test, removed afterwards.
final class Workspace: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The database `name` stands for on the engine under test (`TestEngine`): the file `name` in
    /// this workspace on SQLite, a fresh database on the test cluster on PostgreSQL; the same one
    /// each time the same name is asked for.
    func database(_ name: String) throws -> String {
        try lock.withLock {
            if let known = databases[name] { return known }
            let location = try TestEngine.newDatabase(file: path(name))
            databases[name] = location
            return location
        }
    }

    private let lock = NSLock()
    private var databases: [String: String] = [:]

    func write(_ name: String, _ content: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
