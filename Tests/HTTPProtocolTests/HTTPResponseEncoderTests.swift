import Testing
@testable import HTTPProtocol

@Suite struct HTTPResponseEncoderTests {
    private func encode(_ response: HTTPResponse, method: HTTPMethod = .get, version: HTTPVersion = .http1_1, closes: Bool = false, date: String? = nil) -> String {
        let head = HTTPRequestHead(method: method, target: "/", version: version)
        return String(decoding: HTTPResponseEncoder.encode(response, respondingTo: head, closesConnection: closes, date: date), as: UTF8.self)
    }

    @Test func writesStatusLineHeadersLengthAndBody() {
        let response = HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Array("{}".utf8))
        #expect(encode(response, date: "Sun, 06 Nov 1994 08:49:37 GMT")
            == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test(arguments: [0, 1, 9, 10, 99, 100, 1_000, 1_024, 65_536, 8_388_608])
    func writesEveryDigitOfTheLength(length: Int) {
        let encoded = encode(HTTPResponse(status: .ok, body: [UInt8](repeating: UInt8(ascii: "x"), count: length)))
        #expect(encoded.hasPrefix("HTTP/1.1 200 OK\r\nContent-Length: \(length)\r\n\r\n"))
        #expect(encoded.utf8.count == "HTTP/1.1 200 OK\r\nContent-Length: \(length)\r\n\r\n".utf8.count + length)
    }

    @Test func ownsTheFramingFields() {
        let response = HTTPResponse(
            status: .ok, headers: HTTPHeaders([("content-length", "99"), ("Transfer-Encoding", "chunked"), ("Connection", "keep-alive")]),
            body: Array("abc".utf8))
        #expect(encode(response, closes: true) == "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc")
    }

    @Test func announcesButOmitsTheBodyForHEAD() {
        #expect(encode(HTTPResponse(status: .ok, text: "hello"), method: .head)
            == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\n")
    }

    @Test(arguments: [204, 304, 100])
    func sendsNoLengthOrBodyWhenTheStatusForbidsContent(code: Int) {
        let encoded = encode(HTTPResponse(status: HTTPStatus(code: code), body: Array("x".utf8)))
        #expect(encoded == "HTTP/1.1 \(code) \(HTTPStatus(code: code).reasonPhrase)\r\n\r\n")
    }

    @Test func keepsAnHTTP1_0ConnectionOpenOnlyWhenToldSo() {
        #expect(encode(HTTPResponse(status: .noContent), version: .http1_0).contains("Connection: keep-alive\r\n"))
        #expect(!encode(HTTPResponse(status: .noContent), version: .http1_1).contains("Connection"))
    }

    @Test func answersParseErrorsWithTheirStatus() {
        let error = HTTPParseError(.tooManyHeaders, status: .requestHeaderFieldsTooLarge, "too many")
        let encoded = String(decoding: HTTPResponseEncoder.encode(HTTPResponse(error: error), respondingTo: nil, closesConnection: true), as: UTF8.self)
        #expect(encoded.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        #expect(encoded.contains("Connection: close\r\n"))
        #expect(encoded.hasSuffix("\r\n\r\ntoo many\n"))
    }

    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_795_651_199, "Wed, 25 Nov 2026 23:59:59 GMT"),
    ])
    func formatsIMFFixdate(seconds: Int, expected: String) {
        #expect(HTTPDate.format(secondsSince1970: seconds) == expected)
    }

    @Test func headersCompareNamesCaseInsensitively() {
        var headers = HTTPHeaders([("Content-Type", "a"), ("X-One", "1")])
        headers.replaceOrAdd(name: "content-type", value: "b")
        #expect(headers["CONTENT-TYPE"] == "b")
        #expect(headers.count == 2)
        headers.remove("x-ONE")
        #expect(!headers.contains("X-One"))
    }

    /// Names past 15 bytes are stored apart from the string (small ones inline); both compare
    /// byte by byte, only ASCII letters folding, and names of other lengths never match.
    @Test(arguments: ["X-Forwarded-For", "Access-Control-Allow-Origin", "A"])
    func headerNamesOfEveryLengthCompareCaseInsensitively(name: String) {
        let headers = HTTPHeaders([(name, "value")])
        #expect(headers[name.uppercased()] == "value")
        #expect(headers[name.lowercased()] == "value")
        #expect(headers[name + "s"] == nil)
        #expect(headers[String(name.dropLast()) + "_"] == nil)
        #expect(HTTPHeaders([("x-[", "1")])["X-{"] == nil)
    }
}
