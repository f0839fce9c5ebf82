/// The message-level rules applied once the header section is complete (RFC 9112 §3.2, §6, §9.3).
struct HTTPRequestFraming {
    var bodyFraming: HTTPRequestHead.BodyFraming
    var keepAlive: Bool
    var expectsContinue: Bool

    init(version: HTTPVersion, headers: HTTPHeaders, limits: HTTPLimits) throws(HTTPParseError) {
        let fields = FramingFields(headers)
        try Self.checkHost(version: version, hosts: fields.hosts)
        if !fields.transferCodings.isEmpty {
            guard fields.contentLengths.isEmpty else {
                throw HTTPParseError(
                    .contentLengthWithTransferEncoding,
                    "Content-Length and Transfer-Encoding together are ambiguous (RFC 9112 §6.1); send only one")
            }
            try Self.checkTransferCodings(fields.transferCodings, version: version)
            bodyFraming = .chunked
        } else if !fields.contentLengths.isEmpty {
            bodyFraming = .contentLength(try Self.contentLength(fields.contentLengths, limits: limits))
        } else {
            bodyFraming = .none
        }
        let connectionOptions = fields.connections.flatMap(ASCII.lowercasedListElements)
        if connectionOptions.contains("close") {
            keepAlive = false
        } else {
            keepAlive = version.isAtLeastHTTP1_1 || connectionOptions.contains("keep-alive")
        }
        // RFC 9110 §10.1.1: a 100-continue expectation in an HTTP/1.0 request is ignored.
        expectsContinue = version.isAtLeastHTTP1_1
            && fields.expectations.flatMap(ASCII.lowercasedListElements).contains("100-continue")
    }

    /// The fields that decide framing, gathered in one pass over the header section: a request
    /// usually carries only Host of them, so nothing else is allocated.
    private struct FramingFields {
        var hosts = 0
        var transferCodings: [String] = []
        var contentLengths: [String] = []
        var connections: [String] = []
        var expectations: [String] = []

        init(_ headers: HTTPHeaders) {
            for field in headers {
                if HTTPHeaders.namesMatch(field.name, "host") {
                    hosts += 1
                } else if HTTPHeaders.namesMatch(field.name, "transfer-encoding") {
                    transferCodings.append(field.value)
                } else if HTTPHeaders.namesMatch(field.name, "content-length") {
                    contentLengths.append(field.value)
                } else if HTTPHeaders.namesMatch(field.name, "connection") {
                    connections.append(field.value)
                } else if HTTPHeaders.namesMatch(field.name, "expect") {
                    expectations.append(field.value)
                }
            }
        }
    }

    static func bodyTooLarge(_ limits: HTTPLimits) -> HTTPParseError {
        HTTPParseError(.bodyTooLarge, status: .contentTooLarge, "the request body is larger than \(limits.maxBodyBytes) bytes")
    }

    /// RFC 9112 §3.2: an HTTP/1.1 request carries exactly one Host field.
    private static func checkHost(version: HTTPVersion, hosts: Int) throws(HTTPParseError) {
        if hosts > 1 {
            throw HTTPParseError(.duplicateHost, "the request has \(hosts) Host fields; send exactly one")
        }
        if hosts == 0 && version.isAtLeastHTTP1_1 {
            throw HTTPParseError(.missingHost, "an HTTP/1.1 request must have a Host field (RFC 9112 §3.2)")
        }
    }

    /// Only `chunked` is implemented, and it must be the final and only coding (RFC 9112 §6.1, §6.3).
    private static func checkTransferCodings(_ values: [String], version: HTTPVersion) throws(HTTPParseError) {
        guard version.isAtLeastHTTP1_1 else {
            throw HTTPParseError(.invalidTransferEncoding, "Transfer-Encoding is not allowed in an HTTP/1.0 request (RFC 9112 §6.1)")
        }
        let codings = values.flatMap(ASCII.lowercasedListElements).map { element in
            String(element.prefix { $0 != ";" }.trimmingSuffix(while: { $0 == " " || $0 == "\t" }))
        }
        guard codings.last == "chunked" else {
            throw HTTPParseError(.invalidTransferEncoding, "chunked must be the final transfer coding of a request (RFC 9112 §6.3)")
        }
        guard codings.count == 1 else {
            if codings.dropLast().contains("chunked") {
                throw HTTPParseError(.invalidTransferEncoding, "chunked must not be applied more than once")
            }
            throw HTTPParseError(
                .unsupportedTransferEncoding, status: .notImplemented,
                "only the chunked transfer coding is supported; send the body uncompressed")
        }
    }

    /// Digits only; repeated values must agree (RFC 9110 §8.6).
    private static func contentLength(_ values: [String], limits: HTTPLimits) throws(HTTPParseError) -> Int {
        var length: Int?
        for element in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = element.utf8.drop(while: ASCII.isWhitespace).reversed().drop(while: ASCII.isWhitespace).reversed()
            guard !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else {
                throw HTTPParseError(.invalidContentLength, "Content-Length must be a decimal number of bytes")
            }
            var value = 0
            for digit in digits {
                let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdd) = shifted.addingReportingOverflow(Int(digit - 0x30))
                guard !overflowShift, !overflowAdd else { throw bodyTooLarge(limits) }
                value = sum
            }
            if let length, length != value {
                throw HTTPParseError(.conflictingContentLength, "the request has different Content-Length values; send one")
            }
            length = value
        }
        guard let length else {
            throw HTTPParseError(.invalidContentLength, "Content-Length must be a decimal number of bytes")
        }
        guard length <= limits.maxBodyBytes else { throw bodyTooLarge(limits) }
        return length
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
