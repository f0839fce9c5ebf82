import Testing
@testable import HTTPProtocol

/// A valid request and what the parser must make of it.
struct RequestFixture: CustomStringConvertible, Sendable {
    var name: String
    var text: String
    var method: HTTPMethod
    var target: String
    var body: String = ""
    var keepAlive = true
    var expectsContinue = false

    var description: String { name }
}

let validFixtures: [RequestFixture] = [
    RequestFixture(
        name: "simple GET", text: "GET /api/v1/products?domain=sales HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n",
        method: .get, target: "/api/v1/products?domain=sales"),
    RequestFixture(
        name: "PUT with Content-Length",
        text: "PUT /api/v1/products/orders HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"name\":\"x\"}\n",
        method: .put, target: "/api/v1/products/orders", body: "{\"name\":\"x\"}\n"),
    RequestFixture(
        name: "chunked POST with extension and trailers",
        text: "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n7\r\n, world\r\nB\r\n 0123456789\r\n0\r\nChecksum: abc\r\nOther: 1\r\n\r\n",
        method: .post, target: "/upload", body: "hello, world 0123456789"),
    RequestFixture(
        name: "chunk sizes in mixed-case hex", text: "POST /u HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n0a\r\n0123456789\r\n00\r\n\r\n",
        method: .post, target: "/u", body: "0123456789"),
    RequestFixture(
        name: "HTTP/1.0 closes by default", text: "GET / HTTP/1.0\r\n\r\n",
        method: .get, target: "/", keepAlive: false),
    RequestFixture(
        name: "HTTP/1.0 keep-alive on request", text: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
        method: .get, target: "/"),
    RequestFixture(
        name: "HTTP/1.1 Connection close among other tokens", text: "GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE\r\n\r\n",
        method: .get, target: "/", keepAlive: false),
    RequestFixture(
        name: "100-continue expectation",
        text: "POST /c HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n\r\nabc",
        method: .post, target: "/c", body: "abc", expectsContinue: true),
    RequestFixture(
        name: "100-continue ignored on HTTP/1.0", text: "POST /c HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
        method: .post, target: "/c", body: "x", keepAlive: false),
    RequestFixture(
        name: "bare LF line endings", text: "GET /lf HTTP/1.1\nHost: h\n\n",
        method: .get, target: "/lf"),
    RequestFixture(
        name: "absolute-form target", text: "GET http://example.com/a?b=c HTTP/1.1\r\nHost: example.com\r\n\r\n",
        method: .get, target: "http://example.com/a?b=c"),
    RequestFixture(
        name: "asterisk target for OPTIONS", text: "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
        method: .options, target: "*"),
    RequestFixture(
        name: "empty line before the request line", text: "\r\nGET /after-crlf HTTP/1.1\r\nHost: h\r\n\r\n",
        method: .get, target: "/after-crlf"),
    RequestFixture(
        name: "repeated identical Content-Length", text: "POST /r HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok",
        method: .post, target: "/r", body: "ok"),
    RequestFixture(
        name: "zero Content-Length", text: "DELETE /x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n",
        method: .delete, target: "/x"),
    RequestFixture(
        name: "HTTP/1.2 treated as 1.1", text: "GET / HTTP/1.2\r\nHost: h\r\n\r\n",
        method: .get, target: "/"),
]

@Suite struct HTTPRequestParserTests {
    @Test(arguments: validFixtures, Chunking.allCases)
    func parsesValidRequestsHoweverTheyAreSplit(fixture: RequestFixture, chunking: Chunking) throws {
        let outcome = parse(fixture.text, chunking: chunking)
        #expect(outcome.error == nil)
        #expect(!outcome.endedMidRequest)
        let request = try #require(outcome.requests.count == 1 ? outcome.requests[0] : nil)
        #expect(request.method == fixture.method)
        #expect(request.head.target == fixture.target)
        #expect(request.body == Array(fixture.body.utf8))
        #expect(request.head.keepAlive == fixture.keepAlive)
        #expect(request.head.expectsContinue == fixture.expectsContinue)
    }

    @Test(arguments: validFixtures, Chunking.allCases)
    func parsesPipelinedRequestsInOrder(fixture: RequestFixture, chunking: Chunking) {
        let follower = "GET /next HTTP/1.1\r\nHost: h\r\n\r\n"
        let outcome = parse(fixture.text + follower + fixture.text, chunking: chunking)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.head.target) == [fixture.target, "/next", fixture.target])
        #expect(outcome.requests.map(\.body) == [Array(fixture.body.utf8), [], Array(fixture.body.utf8)])
    }

    @Test(arguments: validFixtures)
    func everyTruncationWaitsForMoreData(fixture: RequestFixture) {
        let bytes = Array(fixture.text.utf8)
        for length in 0..<bytes.count {
            let outcome = parse([bytes[..<length]])
            #expect(outcome.error == nil, "truncated at \(length)")
            #expect(outcome.requests.isEmpty, "truncated at \(length)")
            #expect(outcome.endedMidRequest == (length > 0), "truncated at \(length)")
        }
    }

    @Test func keepsHeaderOrderAndLooksNamesUpCaseInsensitively() throws {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nX-Tag: a\r\nx-tag:b  \r\nAccept:\t*/*\r\n\r\n")
        let headers = try #require(outcome.requests.first).headers
        #expect(headers.values(for: "X-TAG") == ["a", "b"])
        #expect(headers["accept"] == "*/*")
        #expect(headers.map(\.name) == ["Host", "X-Tag", "x-tag", "Accept"])
    }

    @Test func reportsBodyFraming() throws {
        let chunked = parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(try #require(chunked.requests.first).head.bodyFraming == .chunked)
        let sized = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nx")
        #expect(try #require(sized.requests.first).head.bodyFraming == .contentLength(1))
    }

    @Test func surfacesTheHeadBeforeTheBodyArrivesSoTheServerCanSendContinue() {
        var parser = HTTPRequestParser()
        parser.feed(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        guard case .head(let head) = parser.next() else {
            Issue.record("expected the head")
            return
        }
        #expect(head.expectsContinue)
        #expect(parser.next() == .needMoreData)
        parser.feed(Array("hi".utf8))
        #expect(parser.next() == .body(Array("hi".utf8)))
        #expect(parser.next() == .end)
        #expect(parser.isIdle)
    }

    @Test func staysFailedAfterAnError() {
        var parser = HTTPRequestParser()
        parser.feed(Array("BAD\r\n\r\n".utf8))
        guard case .error(let error) = parser.next() else {
            Issue.record("expected an error")
            return
        }
        parser.feed(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(parser.next() == .error(error))
    }

    @Test(arguments: [
        ("GET /abc HTTP/1.1\r\nHost: h\r\n\r\n", nil),
        ("GET /abcd HTTP/1.1\r\nHost: h\r\n\r\n", 414),
        ("GET /abc HTTP/1.1\r\nHost: hh\r\n\r\n", 431),
        ("GET /abc HTTP/1.1\r\nHost:h\r\nA:b\r\n\r\n", 431),
        ("PUT /abc HTTP/1.1\r\nHost: h\r\n\r\n", nil),
    ] as [(String, Int?)])
    func appliesLimitsExactlyAtTheBoundary(text: String, status: Int?) {
        // 19-byte request line, 11-byte header section ("Host: h" CRLF CRLF), one field.
        let limits = HTTPLimits(maxRequestLineLength: 19, maxHeaderBytes: 11, maxHeaderCount: 1, maxBodyBytes: 4)
        let outcome = parse(text, limits: limits)
        #expect(outcome.error?.status.code == status)
        #expect(outcome.requests.count == (status == nil ? 1 : 0))
    }
}
