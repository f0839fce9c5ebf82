import HTTPProtocol
import HTTPTestClient
@testable import HTTPServer

/// Starts a server on an ephemeral port for one test, and shuts it down afterwards.
func withServer(
    _ configuration: HTTPServer.Configuration = testConfiguration(),
    responder: some HTTPResponder = echoResponder,
    _ body: (HTTPServer, Int) throws -> Void
) throws {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, responder: responder)
    let port = try server.start()
    defer { server.shutdown(gracePeriod: .seconds(2)) }
    try body(server, port)
}

func testConfiguration() -> HTTPServer.Configuration {
    HTTPServer.Configuration(
        headerReadTimeout: .seconds(2), bodyReadTimeout: .seconds(2), idleTimeout: .seconds(2),
        writeTimeout: .seconds(2), lingerTimeout: .milliseconds(200))
}

/// Answers with the method, path and body it received.
let echoResponder = HTTPClosureResponder { request in
    HTTPResponse(status: .ok, text: "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
}
