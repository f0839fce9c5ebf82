import Foundation
@testable import HTTPClient
import Testing

/// The request head the client writes, and its answers to endpoints that cannot be reached.
@Suite struct HTTPClientTests {
    private func head(_ url: String, headers: [(String, String)] = []) throws -> String {
        let request = HTTPClientRequest(method: "POST", url: URL(string: url)!, headers: headers, body: Array("{}".utf8))
        let endpoint = try request.endpoint()
        return String(decoding: try HTTPClient.head(request, host: endpoint.host, port: endpoint.port, isEncrypted: endpoint.isEncrypted,
                                                    target: endpoint.target), as: UTF8.self)
    }

    @Test(arguments: [
        ("https://registry.example.com/api/v1/apply?dryRun=true", "POST /api/v1/apply?dryRun=true HTTP/1.1\r\nHost: registry.example.com\r\n"),
        ("http://127.0.0.1:8080", "POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"),
        ("http://[::1]:9000/hook", "POST /hook HTTP/1.1\r\nHost: [::1]:9000\r\n"),
        ("https://example.com:443/x%20y", "POST /x%20y HTTP/1.1\r\nHost: example.com\r\n"),
    ])
    func theHeadNamesTheTargetAndHost(url: String, start: String) throws {
        let text = try head(url, headers: [("Authorization", "Bearer t")])
        #expect(text.hasPrefix(start))
        #expect(text.hasSuffix("Connection: close\r\nContent-Length: 2\r\nAuthorization: Bearer t\r\n\r\n"))
    }

    @Test(arguments: [("X-Token", "a\r\nX-Injected: 1"), ("X-Bad\nName", "v"), ("Name: with colon", "v"), ("", "v")])
    func aHeaderThatCouldSplitTheHeadIsRefused(name: String, value: String) {
        #expect(throws: HTTPClientError.self) { try head("http://localhost/", headers: [(name, value)]) }
    }

    @Test func otherSchemesAreRefused() {
        let request = HTTPClientRequest(method: "GET", url: URL(string: "ftp://example.com/")!)
        #expect(throws: HTTPClientError("ftp://example.com/ is not an http:// or https:// URL")) { try HTTPClient.send(request, timeout: 1) }
    }

    @Test func aClosedPortIsNamedInTheError() throws {
        let request = HTTPClientRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/")!)
        let error = #expect(throws: HTTPClientError.self) { try HTTPClient.send(request, timeout: 2) }
        #expect(error?.description.contains("127.0.0.1 port 9") == true)
    }

    @Test func addressesFormatAsTheyAreWritten() throws {
        #expect(IPAddress(bytes: [127, 0, 0, 1])?.description == "127.0.0.1")
        #expect(IPAddress(bytes: [UInt8](repeating: 0, count: 15) + [1])?.description == "::1")
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(try IPAddress.resolve("localhost").contains(IPAddress(bytes: [127, 0, 0, 1])!))
        #expect(IPAddress.isLiteral("::1") && IPAddress.isLiteral("10.0.0.1") && !IPAddress.isLiteral("example.com"))
    }
}
