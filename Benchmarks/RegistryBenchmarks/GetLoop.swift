import Foundation
import HTTPProtocol
import Registry
import RegistryAPI

/// Issue 3's in-process figure: `GET /api/v1/products/{id}` answered by the API without sockets,
/// `times` times, as `serve` answers it (on the event loop from the current-revision cache, after
/// a worker's first read), so callgrind can count the instructions one request costs in our code
/// (routing, the token check, the cache, the envelope) apart from the kernel's share.
enum GetLoop {
    static func run(times: Int) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-get-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try Registry(location: .sqlite(path: directory.appendingPathComponent("get.sqlite").path), serving: true)
        let domains = root.appendingPathComponent("Domains")
        let files = FileManager.default.enumerator(atPath: domains.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        try registry.apply(files.map { file in
            try DocumentSubmission.decode(Array(try Data(contentsOf: domains.appendingPathComponent(file))), mediaType: .yaml, source: file)
        }, actor: .localAdmin)
        let token = try registry.issueToken(for: .user("david.kim"), actor: .localAdmin).token
        let api = RegistryAPI(registry: registry)
        let head = HTTPRequestHead(method: .get, target: "/api/v1/products/order-history",
                                   headers: HTTPHeaders([("Host", "127.0.0.1"), ("Authorization", "Bearer \(token)")]))
        var bytes = 0
        for _ in 0..<times {
            let request = HTTPRequest(head: head, remoteAddress: "127.0.0.1")
            bytes &+= (api.respondWithoutBlocking(to: request) ?? api.respond(to: request)).body.count
        }
        print("get-loop: \(times) requests, \(bytes) body bytes")
    }
}
