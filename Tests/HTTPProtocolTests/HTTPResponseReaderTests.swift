import HTTPProtocol
import Testing

/// Reading a whole response a client received: the framing a server or a proxy may choose.
@Suite struct HTTPResponseReaderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func contentLengthFramesTheBody() throws {
        let response = try HTTPResponseReader.read(Self.bytes("HTTP/1.1 403 Forbidden\r\nContent-Type: application/problem+json\r\nContent-Length: 4\r\n\r\n{}{}trailing"))
        #expect(response.status == 403)
        #expect(response.body == Self.bytes("{}{}"))
    }

    @Test func chunkedBodiesAreJoinedAndInterimResponsesSkipped() throws {
        let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=x\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
        let response = try HTTPResponseReader.read(Self.bytes(text))
        #expect(response.status == 200)
        #expect(response.body == Self.bytes("hello world"))
    }

    @Test func withoutFramingTheBodyRunsToTheEnd() throws {
        #expect(try HTTPResponseReader.read(Self.bytes("HTTP/1.0 200 OK\r\n\r\nall of it")).body == Self.bytes("all of it"))
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "ended after 5 of 10 bytes"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\nshort", "chunked answer is cut short"),
        ("HTTP/1.1 200 OK\r\nContent-Length", "ended before its headers"),
        ("SSH-2.0-OpenSSH\r\n\r\n", "not HTTP/1.1"),
    ])
    func incompleteOrForeignAnswersAreRefusedWithTheReason(text: String, reason: String) {
        #expect { try HTTPResponseReader.read(Self.bytes(text)) } throws: { ($0 as? HTTPResponseReader.Failure)?.reason.contains(reason) == true }
    }

    /// Where a response on a kept-open connection ends, and whether the connection may carry another.
    @Test(arguments: [
        ("HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n", HTTPResponseReader.Framing.complete(length: 36, reusable: true)),
        ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", .complete(length: 40, reusable: true)),
        ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no", .incomplete),
        ("HTTP/1.1 200 OK\r\nContent-Len", .incomplete),
        ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", .complete(length: 57, reusable: false)),
        ("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", .complete(length: 38, reusable: false)),
        ("HTTP/1.1 200 OK\r\n\r\nruns to the close", .untilClose),
        ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", .complete(length: 69, reusable: true)),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", .complete(length: 59, reusable: true)),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\n", .complete(length: 73, reusable: true)),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n", .incomplete),
    ])
    func framingFindsTheEndOfAResponse(text: String, framing: HTTPResponseReader.Framing) throws {
        #expect(try HTTPResponseReader.framing(Self.bytes(text)) == framing)
        if case .complete(let length, _) = framing {
            #expect(length == Self.bytes(text).count, "the whole text is one response")
        }
    }

    @Test func aNegativeContentLengthIsRefused() {
        #expect { try HTTPResponseReader.read(Self.bytes("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")) } throws: {
            ($0 as? HTTPResponseReader.Failure)?.reason == "the answer's Content-Length '-1' is not a number"
        }
    }
}
