import Testing
@testable import HTTPProtocol

/// A request the parser must refuse, with the status and code it must answer.
struct MalformedFixture: CustomStringConvertible, Sendable {
    var name: String
    var text: String
    var status: Int
    var code: HTTPParseError.Code

    var description: String { name }
}

private let host = "Host: h\r\n"

let malformedFixtures: [MalformedFixture] = [
    MalformedFixture(name: "no spaces in request line", text: "GET\r\n\r\n", status: 400, code: .invalidRequestLine),
    MalformedFixture(name: "missing version", text: "GET /\r\n\r\n", status: 400, code: .invalidRequestLine),
    MalformedFixture(name: "double space", text: "GET  / HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidRequestLine),
    MalformedFixture(name: "trailing junk after version", text: "GET / HTTP/1.1 x\r\n\(host)\r\n", status: 400, code: .invalidRequestLine),
    MalformedFixture(name: "lower-case version", text: "GET / http/1.1\r\n\(host)\r\n", status: 400, code: .invalidRequestLine),
    MalformedFixture(name: "HTTP/2.0 over HTTP/1 framing", text: "GET / HTTP/2.0\r\n\(host)\r\n", status: 505, code: .unsupportedVersion),
    MalformedFixture(name: "method with separator", text: "GE(T / HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidMethod),
    MalformedFixture(name: "non-ASCII method", text: "GÉT / HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidMethod),
    MalformedFixture(name: "non-ASCII target", text: "GET /café HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidTarget),
    MalformedFixture(name: "tab in target", text: "GET /a\tb HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidTarget),
    MalformedFixture(name: "authority-form target", text: "CONNECT example.com:443 HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidTarget),
    MalformedFixture(name: "asterisk with GET", text: "GET * HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidTarget),
    MalformedFixture(name: "bare CR in request line", text: "GET /\r HTTP/1.1\r\n\(host)\r\n", status: 400, code: .invalidTarget),
    MalformedFixture(name: "missing Host on HTTP/1.1", text: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400, code: .missingHost),
    MalformedFixture(name: "two Host fields", text: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400, code: .duplicateHost),
    MalformedFixture(name: "space before colon", text: "GET / HTTP/1.1\r\nHost : h\r\n\r\n", status: 400, code: .invalidHeaderName),
    MalformedFixture(name: "no colon", text: "GET / HTTP/1.1\r\n\(host)Accept\r\n\r\n", status: 400, code: .invalidHeaderName),
    MalformedFixture(name: "empty field name", text: "GET / HTTP/1.1\r\n\(host): v\r\n\r\n", status: 400, code: .invalidHeaderName),
    MalformedFixture(name: "obs-fold", text: "GET / HTTP/1.1\r\n\(host)X-A: one\r\n two\r\n\r\n", status: 400, code: .obsoleteLineFolding),
    MalformedFixture(name: "folded first line", text: "GET / HTTP/1.1\r\n \(host)\r\n", status: 400, code: .obsoleteLineFolding),
    MalformedFixture(name: "header injection via bare CR", text: "GET / HTTP/1.1\r\n\(host)X-A: a\rSet-Cookie: b\r\n\r\n", status: 400, code: .invalidLineEnding),
    MalformedFixture(name: "header injection via NUL", text: "GET / HTTP/1.1\r\n\(host)X-A: a\u{0}b\r\n\r\n", status: 400, code: .invalidHeaderValue),
    MalformedFixture(name: "DEL in header value", text: "GET / HTTP/1.1\r\n\(host)X-A: a\u{7F}\r\n\r\n", status: 400, code: .invalidHeaderValue),
    MalformedFixture(name: "non-digit Content-Length", text: "POST / HTTP/1.1\r\n\(host)Content-Length: 1x\r\n\r\n", status: 400, code: .invalidContentLength),
    MalformedFixture(name: "signed Content-Length", text: "POST / HTTP/1.1\r\n\(host)Content-Length: +1\r\n\r\n", status: 400, code: .invalidContentLength),
    MalformedFixture(name: "empty Content-Length", text: "POST / HTTP/1.1\r\n\(host)Content-Length:\r\n\r\n", status: 400, code: .invalidContentLength),
    MalformedFixture(name: "conflicting Content-Length", text: "POST / HTTP/1.1\r\n\(host)Content-Length: 1\r\nContent-Length: 2\r\n\r\nxx", status: 400, code: .conflictingContentLength),
    MalformedFixture(name: "conflicting Content-Length list", text: "POST / HTTP/1.1\r\n\(host)Content-Length: 1, 2\r\n\r\nxx", status: 400, code: .conflictingContentLength),
    MalformedFixture(name: "Content-Length beyond 64 bits", text: "POST / HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n", status: 413, code: .bodyTooLarge),
    MalformedFixture(name: "Content-Length and Transfer-Encoding", text: "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400, code: .contentLengthWithTransferEncoding),
    MalformedFixture(name: "gzip then chunked", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n", status: 501, code: .unsupportedTransferEncoding),
    MalformedFixture(name: "chunked then gzip", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, gzip\r\n\r\n", status: 400, code: .invalidTransferEncoding),
    MalformedFixture(name: "chunked twice", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400, code: .invalidTransferEncoding),
    MalformedFixture(name: "identity coding", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: identity\r\n\r\n", status: 400, code: .invalidTransferEncoding),
    MalformedFixture(name: "Transfer-Encoding on HTTP/1.0", text: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400, code: .invalidTransferEncoding),
    MalformedFixture(name: "chunk size not hex", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400, code: .invalidChunkSize),
    MalformedFixture(name: "negative chunk size", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n-1\r\n", status: 400, code: .invalidChunkSize),
    MalformedFixture(name: "chunk size overflow", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n", status: 400, code: .chunkSizeOverflow),
    MalformedFixture(name: "chunk longer than declared", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", status: 400, code: .invalidChunkTerminator),
    MalformedFixture(name: "control character in chunk extension", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n1;a=\u{1}\r\nx\r\n0\r\n\r\n", status: 400, code: .invalidChunkSize),
    MalformedFixture(name: "overlong chunk extension", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n1;" + String(repeating: "a", count: 2000) + "\r\nx\r\n0\r\n\r\n", status: 400, code: .chunkExtensionTooLong),
    MalformedFixture(name: "bad trailer", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer\r\n\r\n", status: 400, code: .invalidHeaderName),
    MalformedFixture(name: "overlong request line", text: "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n\(host)\r\n", status: 414, code: .requestLineTooLong),
    MalformedFixture(name: "header section too large", text: "GET / HTTP/1.1\r\n\(host)X-Big: " + String(repeating: "b", count: 70_000) + "\r\n\r\n", status: 431, code: .headerSectionTooLarge),
    MalformedFixture(name: "too many headers", text: "GET / HTTP/1.1\r\n\(host)" + String(repeating: "X-A: 1\r\n", count: 100) + "\r\n", status: 431, code: .tooManyHeaders),
    MalformedFixture(name: "Content-Length over the body limit", text: "POST / HTTP/1.1\r\n\(host)Content-Length: 8388609\r\n\r\n", status: 413, code: .bodyTooLarge),
    MalformedFixture(name: "chunked body over the limit", text: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n800001\r\n", status: 413, code: .bodyTooLarge),
]

@Suite struct HTTPRequestParserErrorTests {
    @Test(arguments: malformedFixtures, [Chunking.whole, .randomChunks])
    func refusesMalformedRequestsWithTheRightStatus(fixture: MalformedFixture, chunking: Chunking) throws {
        let outcome = parse(fixture.text, chunking: chunking)
        let error = try #require(outcome.error)
        #expect(error.status.code == fixture.status)
        #expect(error.code == fixture.code)
        #expect(!error.reason.isEmpty)
    }

    @Test(arguments: malformedFixtures.filter { $0.text.utf8.count < 4096 })
    func refusesMalformedRequestsFedByteByByte(fixture: MalformedFixture) throws {
        let outcome = parse(fixture.text, chunking: .byteByByte)
        #expect(outcome.error?.code == fixture.code)
    }

    @Test func refusesAnOverlongLineBeforeItsEndArrives() {
        let outcome = parse("GET /" + String(repeating: "a", count: 9000), chunking: .randomChunks)
        #expect(outcome.error?.status.code == 414)
    }

    @Test func refusesABodyTooLargeAsSoonAsTheHeadIsComplete() {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxBodyBytes: 10))
        parser.feed(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n".utf8))
        guard case .error(let error) = parser.next() else {
            Issue.record("expected 413 before any body byte")
            return
        }
        #expect(error.status == .contentTooLarge)
    }

    @Test func countsTheBodyAcrossChunksAgainstTheLimit() {
        let text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
        #expect(parse(text, limits: HTTPLimits(maxBodyBytes: 4)).error?.status == .contentTooLarge)
        #expect(parse(text, limits: HTTPLimits(maxBodyBytes: 5)).requests.first?.body == Array("abcde".utf8))
    }

    @Test func reasonsNameTheHeaderLineAndNeverQuoteRequestBytes() throws {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nX-Secret: token\u{0}\r\n\r\n")
        let error = try #require(outcome.error)
        #expect(error.reason.contains("header line 3"))
        #expect(!error.reason.contains("token"))
        #expect(!error.reason.contains("Secret"))
    }
}
