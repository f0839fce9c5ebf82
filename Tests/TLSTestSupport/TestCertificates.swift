import Foundation

/// A throwaway certificate authority and server certificates made with the `openssl` command in
/// a temporary directory, as an operator would make them.
public final class TestCertificates: Sendable {
    public let directory: URL
    public var authorityPath: String { directory.appendingPathComponent("ca.pem").path }

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", path("ca.key"), "-out", authorityPath, "-days", "1", "-subj", "/CN=meshreg test CA")
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: path("san.cnf"), atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A server certificate for localhost signed by the CA, written to `<name>.pem` with its key
    /// in `<name>.key`; returns both paths.
    @discardableResult
    public func issueServerCertificate(_ name: String, serial: Int) throws -> (certificate: String, key: String) {
        let certificate = path("\(name).pem"), key = path("\(name).key")
        try openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", path("\(name).csr"), "-subj", "/CN=localhost")
        try openssl("x509", "-req", "-in", path("\(name).csr"), "-CA", authorityPath, "-CAkey", path("ca.key"),
                    "-set_serial", String(serial), "-out", certificate, "-days", "1", "-extfile", path("san.cnf"))
        return (certificate, key)
    }

    /// The same key as `<name>.key`, encrypted with a passphrase.
    public func encryptKey(_ name: String) throws -> String {
        let encrypted = path("\(name)-encrypted.key")
        try openssl("pkey", "-in", path("\(name).key"), "-aes256", "-passout", "pass:secret", "-out", encrypted)
        return encrypted
    }

    private func openssl(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestCertificatesError(message: "openssl \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}

public struct TestCertificatesError: Error {
    public var message: String
}
