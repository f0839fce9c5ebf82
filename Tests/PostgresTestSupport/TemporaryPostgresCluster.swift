import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for tests: `initdb` and `pg_ctl` run as the `postgres` user in a
/// fresh temporary directory, listening on 127.0.0.1 with password authentication, stopped and
/// removed when the test process exits. One cluster per test process; each test takes a fresh
/// database from it with `makeDatabase()`.
///
/// `MESHREG_TEST_POSTGRES=0` turns PostgreSQL tests off (they show as skipped with that reason);
/// otherwise a cluster that cannot start fails the tests that need it.
public final class TemporaryPostgresCluster: @unchecked Sendable {
    /// Whether PostgreSQL tests run; for `.enabled(if:)` traits.
    public static let isEnabled = ProcessInfo.processInfo.environment["MESHREG_TEST_POSTGRES"] != "0"

    /// The process's cluster, started on first use.
    public static func shared() throws -> TemporaryPostgresCluster {
        try sharedCluster.get()
    }

    private static let sharedCluster = Result { try TemporaryPostgresCluster() }

    public let directory: String
    public let port: Int
    private let user = "meshreg_test"
    private let password: String
    private let binaries: String
    private let lock = NSLock()
    private var databaseCount = 0

    /// The URI of the cluster's `postgres` database, for the test user (a superuser).
    public var adminURI: String { uri(database: "postgres") }

    public func uri(database: String) -> String {
        "postgresql://\(user):\(password)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    private init() throws {
        binaries = try Self.serverBinaries()
        password = (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        directory = try Self.runAsPostgres(["mktemp", "-d", "/tmp/meshreg-postgres-XXXXXX"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.runAsPostgres(["sh", "-c", "umask 077 && printf %s \"$1\" > \"$2\"", "sh", password, "\(directory)/password"])
        try Self.runAsPostgres(["\(binaries)/initdb", "--pgdata=\(directory)/data", "--username=\(user)",
                                "--pwfile=\(directory)/password", "--auth=scram-sha-256", "--encoding=UTF8",
                                "--locale=C", "--no-sync"])
        port = try Self.freePort()
        try start()
        let cleanup: @convention(c) () -> Void = { TemporaryPostgresCluster.stopShared() }
        atexit(cleanup)
    }

    /// A new empty database on the cluster; its URI.
    public func makeDatabase() throws -> String {
        let name = lock.withLock {
            databaseCount += 1
            return "test_\(getpid())_\(databaseCount)"
        }
        try psql("CREATE DATABASE \(name)")
        return uri(database: name)
    }

    /// Starts the server on `port`, listening on 127.0.0.1 and on a socket in `directory`.
    private func start() throws {
        let options = "-c listen_addresses=127.0.0.1 -p \(port) -k \(directory) -c fsync=off -c max_connections=200"
        try Self.runAsPostgres(["\(binaries)/pg_ctl", "--pgdata=\(directory)/data", "--log=\(directory)/server.log",
                                "--wait", "--timeout=60", "-o", options, "start"])
    }

    /// Runs SQL through `psql` on the `postgres` database (setup only; tests use meshreg's own client).
    public func psql(_ sql: String) throws {
        try Self.runAsPostgres(["env", "PGPASSWORD=\(password)", "\(binaries)/psql", "--no-psqlrc", "--quiet",
                                "--set=ON_ERROR_STOP=1", "--host=127.0.0.1", "--port=\(port)", "--username=\(user)",
                                "--dbname=postgres", "--command=\(sql)"])
    }

    private static func stopShared() {
        guard case .success(let cluster) = sharedCluster else { return }
        _ = try? runAsPostgres(["\(cluster.binaries)/pg_ctl", "--pgdata=\(cluster.directory)/data", "--mode=immediate", "--wait", "stop"])
        _ = try? runAsPostgres(["rm", "-rf", cluster.directory])
    }

    /// The directory of `initdb` and `pg_ctl`: `MESHREG_POSTGRES_BIN`, else the newest Debian install.
    private static func serverBinaries() throws -> String {
        if let directory = ProcessInfo.processInfo.environment["MESHREG_POSTGRES_BIN"] { return directory }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard let newest = versions.compactMap(Int.init).max() else {
            throw ClusterError("PostgreSQL's server is not installed under \(root): run .ci/setup (Debian package postgresql), set MESHREG_POSTGRES_BIN, or set MESHREG_TEST_POSTGRES=0 to skip these tests")
        }
        return "\(root)/\(newest)/bin"
    }

    /// Runs a command as the `postgres` user (PostgreSQL refuses to run as root) and returns its output.
    ///
    /// posix_spawn and waitpid, not Foundation's Process: the server that `pg_ctl start` leaves
    /// running inherits the child's descriptors, and Process waits for those to close. Output goes to
    /// a file for the same reason.
    @discardableResult
    private static func runAsPostgres(_ command: [String]) throws -> String {
        let prefix: [String]
        if getuid() == 0 {
            prefix = ["runuser", "-u", "postgres", "--"]
        } else if String(cString: getpwuid(getuid()).pointee.pw_name) == "postgres" {
            prefix = []
        } else {
            prefix = ["sudo", "-n", "-u", "postgres", "--"]
        }
        let arguments = ["/usr/bin/env"] + prefix + command
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-pg-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw ClusterError("could not start \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        let printed = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exited == 0 else {
            let name = command.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "command"
            throw ClusterError("""
                \(name) as the postgres user exited \(exited): \(printed.prefix(2_000))
                The PostgreSQL tests run initdb and pg_ctl as the postgres user: as root through runuser, else \
                through sudo -n, which needs a sudo rule without a password. Set MESHREG_TEST_POSTGRES=0 to skip them.
                """)
        }
        return printed
    }

    /// A TCP port nobody listens on at the moment of asking.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClusterError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw ClusterError("could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
