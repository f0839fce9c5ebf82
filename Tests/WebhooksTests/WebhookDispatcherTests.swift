import Foundation
import HTTPProtocol
import HTTPServer
import JSON
import PostgresTestSupport
import Registry
import Synchronization
import Testing
import Webhooks

/// Deliveries end to end in one process: a registry, the dispatcher and a receiver on a real port.
@Suite struct WebhookDispatcherTests {
    private static func registry() throws -> Registry {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-webhooks-\(UUID().uuidString).sqlite").path
        return try Registry(location: DatabaseLocation(TestEngine.newDatabase(file: file)), configuration: RegistryConfiguration(allowsPrivateWebhooks: true))
    }

    private static func dispatcher(_ registry: Registry, retry: WebhookRetryPolicy = WebhookRetryPolicy(firstDelay: 0.05, maximumDelay: 0.2)) -> WebhookDispatcher {
        var configuration = WebhookDispatcher.Configuration()
        configuration.allowsPrivateAddresses = true
        configuration.retry = retry
        configuration.timeout = 2
        return WebhookDispatcher(registry: registry, configuration: configuration)
    }

    /// Sets the global compatibility level `count` times, alternating, so each is a change.
    private static func write(_ count: Int, on registry: Registry) throws {
        for index in 0..<count { try registry.setCompatibilityLevel(index % 2 == 0 ? .full : .backward, subject: nil, actor: .localAdmin) }
    }

    private static func waitUntil(_ condition: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(20)
        while try !condition(), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }

    @Test func deliversEverySignedEventInOrder() throws {
        let registry = try Self.registry()
        let receiver = try Receiver()
        let created = try registry.createWebhook(url: receiver.url, types: ["global-config.changed"], domains: [], description: "test",
                                                 actor: .localAdmin)
        #expect(created.secret.hasPrefix("whsec_"))
        let dispatcher = Self.dispatcher(registry)
        try dispatcher.start()
        defer { dispatcher.stop() }
        try Self.write(25, on: registry)
        Self.waitUntil { receiver.events().count >= 25 }
        let requests = receiver.requests
        #expect(requests.count == 25)
        let sequences = receiver.events().compactMap { $0["sequence"]?.stringValue.flatMap { Int64($0) } }
        #expect(sequences == sequences.sorted() && Set(sequences).count == 25, "in order, each once")
        for request in requests {
            #expect(request.headers["Content-Type"] == "application/cloudevents+json")
            let id = try #require(request.headers["webhook-id"])
            let timestamp = try #require(request.headers["webhook-timestamp"].flatMap { Int($0) })
            #expect(request.headers["webhook-signature"] == WebhookSignature.sign(id: id, timestamp: timestamp, body: request.body, secret: created.secret))
            #expect(((try? JSONParser.parse(request.body))?["id"]?.stringValue) == id)
        }
        try Self.waitUntil { try registry.webhook(created.subscription.id, actor: .localAdmin).position >= sequences.last ?? 0 }
        #expect(try registry.webhook(created.subscription.id, actor: .localAdmin).position == sequences.last)
    }

    @Test func failedDeliveriesAreRetriedWithoutReordering() throws {
        let registry = try Self.registry()
        let receiver = try Receiver(answer: { number in [1, 2, 5].contains(number) ? 503 : (number == 6 ? 307 : 200) })
        let created = try registry.createWebhook(url: receiver.url, types: [], domains: [], description: "", actor: .localAdmin)
        let dispatcher = Self.dispatcher(registry)
        try dispatcher.start()
        defer { dispatcher.stop() }
        try Self.write(6, on: registry)
        Self.waitUntil { receiver.events { ![1, 2, 5, 6].contains($0) }.count >= 6 }
        let accepted = receiver.events { ![1, 2, 5, 6].contains($0) }.compactMap { $0["sequence"]?.stringValue.flatMap { Int64($0) } }
        #expect(accepted.count == 6)
        #expect(accepted == accepted.sorted(), "a retried event is delivered before any later one")
        let deliveries = try registry.webhookDeliveries(created.subscription.id, actor: .localAdmin)
        #expect(deliveries.filter { !$0.succeeded }.count == 4)
        #expect(deliveries.contains { $0.statusCode == 307 && !$0.succeeded }, "a redirect is not followed")
        #expect(deliveries.filter { $0.sequence == accepted[0] }.map(\.attempt).sorted() == [1, 2, 3])
    }

    @Test func aReceiverFailingPastTheLimitMarksTheSubscriptionFailing() throws {
        let registry = try Self.registry()
        let receiver = try Receiver(answer: { _ in 500 })
        let created = try registry.createWebhook(url: receiver.url, types: [], domains: [], description: "", actor: .localAdmin)
        let dispatcher = Self.dispatcher(registry, retry: WebhookRetryPolicy(firstDelay: 0.01, maximumDelay: 0.02, giveUpAfter: 0.3))
        try dispatcher.start()
        defer { dispatcher.stop() }
        try Self.write(1, on: registry)
        try Self.waitUntil { try registry.webhook(created.subscription.id, actor: .localAdmin).status == .failing }
        #expect(try registry.webhook(created.subscription.id, actor: .localAdmin).status == .failing)
        guard case .events(let events) = try registry.events(after: 0, limit: 100, types: ["webhook.failing"], reader: .localAdmin) else {
            Issue.record("no events")
            return
        }
        #expect(events.map(\.subject) == [created.subscription.id])
        #expect(receiver.requests.count >= 2, "it was retried before giving up")
    }

    @Test func subscriptionsOnlyGetWhatTheirCreatorMayRead() throws {
        let registry = try Self.registry()
        let domain = """
            apiVersion: meshreg/v1
            kind: Domain
            name: sales
            teams:
              - name: sales-data
                members:
                  - { username: alice, role: owner }
            """
        try registry.apply([try DocumentSubmission.decode(Array(domain.utf8), mediaType: .yaml)], actor: .localAdmin)
        let receiver = try Receiver()
        _ = try registry.createWebhook(url: receiver.url, types: ["policy.denied", "global-config.changed"], domains: [], description: "",
                                       actor: .user("mallory"))
        let dispatcher = Self.dispatcher(registry)
        try dispatcher.start()
        defer { dispatcher.stop() }
        _ = try? registry.apply([try DocumentSubmission.decode(Array((domain + "\ndescription: x\n").utf8), mediaType: .yaml)], actor: .user("bob"))
        try Self.write(1, on: registry)
        Self.waitUntil { !receiver.events().isEmpty }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(receiver.events().map { $0["type"] } == ["io.meshreg.global-config.changed.v1"], "the sales refusal is not mallory's to see")
    }
}

/// A receiver that answers with `answer(request number)` and keeps every request.
final class Receiver: Sendable {
    let server: HTTPServer
    let port: Int
    let log = RequestLog()

    init(answer: @escaping @Sendable (Int) -> Int = { _ in 204 }) throws {
        let log = log
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        server = HTTPServer(configuration: configuration, responder: HTTPClosureResponder { request in
            let number = log.requests.withLock { all in
                all.append(request)
                return all.count
            }
            let status = answer(number)
            var response = HTTPResponse(status: HTTPStatus(code: status))
            if status == 307 { response.headers.add(name: "Location", value: "http://127.0.0.1:1/elsewhere") }
            return response
        })
        port = try server.start()
    }

    var requests: [HTTPRequest] { log.requests.withLock { $0 } }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The delivered events whose answer was `accepted`, by sequence.
    func events(_ accepted: (Int) -> Bool = { _ in true }) -> [JSONValue] {
        requests.enumerated().filter { accepted($0.offset + 1) }.map { (try? JSONParser.parse($0.element.body)) ?? .null }
    }

    deinit { server.shutdown(gracePeriod: .seconds(1)) }
}

/// Requests a receiver got, shared with its handler threads.
final class RequestLog: Sendable {
    let requests = Mutex<[HTTPRequest]>([])
}
