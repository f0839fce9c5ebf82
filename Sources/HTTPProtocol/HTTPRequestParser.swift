/// An incremental HTTP/1.1 request parser (RFC 9112): a state machine fed arbitrary chunks.
///
/// Call `feed(_:)` with whatever arrived, then `next()` until it answers `.needMoreData`.
/// Each request yields `.head`, zero or more `.body`, then `.end`; bytes left after `.end`
/// start the next request (pipelining). After `.error` the parser answers that error forever:
/// the connection must be closed after the error response.
///
/// Decisions where RFC 9112 leaves a choice: a bare LF ends a line like CRLF (§2.2), a CR not
/// followed by LF is refused; empty lines before a request line are skipped (§2.2);
/// obsolete line folding is refused (§5.2); HTTP/1.1 without exactly one Host is refused
/// (§3.2); Transfer-Encoding on HTTP/1.0 is refused (§6.1); a repeated Content-Length with
/// one value throughout is accepted (RFC 9110 §8.6).
public struct HTTPRequestParser: Sendable {
    /// What the parser found in the bytes fed so far.
    public enum Event: Sendable, Hashable {
        case needMoreData
        case head(HTTPRequestHead)
        case body([UInt8])
        case end
        case error(HTTPParseError)
    }

    private enum State: Sendable {
        case requestLine
        case headers
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case end
        case failed(HTTPParseError)
    }

    /// What is known about the request being parsed.
    private struct PartialRequest: Sendable {
        var method = HTTPMethod.get
        var target = ""
        var version = HTTPVersion.http1_1
        var headers = HTTPHeaders()
        var headerBytes = 0
        var headerCount = 0
        var bodyBytes = 0
        var skippedEmptyLineBytes = 0
        var lineNumber = 1
    }

    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where the search for the next LF resumes, so byte-by-byte feeding stays linear.
    private var scanIndex = 0
    private var state = State.requestLine
    private var request = PartialRequest()

    public init(limits: HTTPLimits = .default) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed (the start of a pipelined request, for instance).
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Whether the parser sits between requests with nothing of the next one received yet.
    public var isIdle: Bool {
        if case .requestLine = state { return bufferedByteCount == 0 && request.skippedEmptyLineBytes == 0 }
        return false
    }

    /// Appends received bytes; compacts consumed ones first so the buffer stays small.
    ///
    /// After an error the bytes are dropped: nothing more will be parsed on this connection.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        if case .failed = state { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            scanIndex = 0
            readIndex = 0
        } else if readIndex >= 4096 && readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes from any collection, copied first (the server passes its read
    /// buffer to the overload above, which a caller in another module runs without generic dispatch).
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        Array(bytes).withUnsafeBytes { feed($0) }
    }

    /// Advances the state machine and reports the next event.
    public mutating func next() -> Event {
        do {
            while true {
                if let event = try step() { return event }
            }
        } catch {
            state = .failed(error)
            return .error(error)
        }
    }

    /// Runs one transition; nil means it consumed something and wants to be called again.
    private mutating func step() throws(HTTPParseError) -> Event? {
        switch state {
        case .failed(let error):
            return .error(error)
        case .requestLine:
            return try readRequestLine()
        case .headers:
            return try readHeaderLine()
        case .body(let remaining):
            guard let bytes = take(upTo: remaining) else { return .needMoreData }
            state = remaining == bytes.count ? .end : .body(remaining: remaining - bytes.count)
            return .body(bytes)
        case .chunkSize:
            return try readChunkSize()
        case .chunkData(let remaining):
            guard let bytes = take(upTo: remaining) else { return .needMoreData }
            state = remaining == bytes.count ? .chunkDataEnd : .chunkData(remaining: remaining - bytes.count)
            return .body(bytes)
        case .chunkDataEnd:
            return try readChunkDataEnd()
        case .trailers:
            return try readTrailerLine()
        case .end:
            state = .requestLine
            request = PartialRequest()
            return .end
        }
    }

    // MARK: Lines

    /// Which kind of line is being read, to choose the error when it is too long.
    private enum LineKind {
        case requestLine
        case fieldLine
        case chunkSize
    }

    private func tooLongError(_ kind: LineKind) -> HTTPParseError {
        switch kind {
        case .requestLine:
            HTTPParseError(
                .requestLineTooLong, status: .uriTooLong,
                "the request line is longer than \(limits.maxRequestLineLength) bytes; shorten the target")
        case .fieldLine:
            HTTPParseError(
                .headerSectionTooLarge, status: .requestHeaderFieldsTooLarge,
                "the header section is larger than \(limits.maxHeaderBytes) bytes")
        case .chunkSize:
            HTTPParseError(.chunkExtensionTooLong, "a chunk extension is longer than \(limits.maxChunkExtensionLength) bytes")
        }
    }

    /// Returns the next line's content (without CR LF), nil when it has not fully arrived.
    private mutating func nextLine(limit: Int, of kind: LineKind) throws(HTTPParseError) -> Range<Int>? {
        let lineFeed: Int? = buffer.withUnsafeBufferPointer { bytes in
            var index = scanIndex
            while index < bytes.count {
                if bytes[index] == ASCII.lineFeed { return index }
                index += 1
            }
            return nil
        }
        guard let lineFeed else {
            scanIndex = buffer.count
            if buffer.count - readIndex > limit { throw tooLongError(kind) }
            return nil
        }
        if lineFeed + 1 - readIndex > limit { throw tooLongError(kind) }
        var end = lineFeed
        if end > readIndex && buffer[end - 1] == ASCII.carriageReturn { end -= 1 }
        let line = readIndex..<end
        readIndex = lineFeed + 1
        scanIndex = readIndex
        return line
    }

    /// Takes up to `count` available body bytes, nil when none are buffered.
    private mutating func take(upTo count: Int) -> [UInt8]? {
        let available = min(count, buffer.count - readIndex)
        guard available > 0 else { return nil }
        let bytes = Array(buffer[readIndex..<readIndex + available])
        readIndex += available
        scanIndex = readIndex
        return bytes
    }

    // MARK: Request line

    private mutating func readRequestLine() throws(HTTPParseError) -> Event? {
        let start = readIndex
        guard let line = try nextLine(limit: limits.maxRequestLineLength - request.skippedEmptyLineBytes, of: .requestLine) else {
            return .needMoreData
        }
        if line.isEmpty {
            request.skippedEmptyLineBytes += readIndex - start
            return nil
        }
        try parseRequestLine(line)
        // A client sends a handful of fields: one allocation for them, not one each time the array doubles.
        request.headers.reserveCapacity(8)
        state = .headers
        return nil
    }

    private mutating func parseRequestLine(_ line: Range<Int>) throws(HTTPParseError) {
        let shape = "the request line must be METHOD SP target SP HTTP/1.x with single spaces"
        guard let firstSpace = buffer[line].firstIndex(of: ASCII.space) else {
            throw HTTPParseError(.invalidRequestLine, shape)
        }
        let method = line.lowerBound..<firstSpace
        guard !method.isEmpty, buffer[method].allSatisfy(ASCII.isTokenCharacter) else {
            throw HTTPParseError(.invalidMethod, "the method must be a token (letters, digits, !#$%&'*+-.^_`|~)")
        }
        guard let secondSpace = buffer[(firstSpace + 1)..<line.upperBound].firstIndex(of: ASCII.space) else {
            throw HTTPParseError(.invalidRequestLine, shape)
        }
        let target = (firstSpace + 1)..<secondSpace
        guard !target.isEmpty else { throw HTTPParseError(.invalidRequestLine, shape) }
        for byte in buffer[target] where byte >= 0x80 || byte <= 0x20 || byte == 0x7F {
            if byte >= 0x80 {
                throw HTTPParseError(.invalidTarget, "the request target contains a non-ASCII byte; percent-encode it")
            }
            throw HTTPParseError(.invalidTarget, "the request target contains a control character")
        }
        request.version = try parseVersion(buffer[(secondSpace + 1)..<line.upperBound])
        request.method = HTTPMethod(rawValue: String(decoding: buffer[method], as: UTF8.self))
        request.target = String(decoding: buffer[target], as: UTF8.self)
        try validateTargetForm(buffer[target])
    }

    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let start = bytes.startIndex
        guard bytes.count == 8, bytes.prefix(5).elementsEqual("HTTP/".utf8),
              ASCII.isDigit(bytes[start + 5]), bytes[start + 6] == ASCII.period, ASCII.isDigit(bytes[start + 7])
        else {
            throw HTTPParseError(.invalidRequestLine, "the request line must end with an HTTP version such as HTTP/1.1")
        }
        let version = HTTPVersion(major: Int(bytes[start + 5] - 0x30), minor: Int(bytes[start + 7] - 0x30))
        guard version.major == 1 else {
            throw HTTPParseError(.unsupportedVersion, status: .httpVersionNotSupported, "only HTTP/1.0 and HTTP/1.1 are served here")
        }
        return version
    }

    /// Accepts origin-form, absolute-form and `*` for OPTIONS (RFC 9112 §3.2).
    private func validateTargetForm(_ target: ArraySlice<UInt8>) throws(HTTPParseError) {
        let first = target[target.startIndex]
        if first == ASCII.slash { return }
        if target.count == 1 && first == ASCII.asterisk {
            guard request.method == .options else {
                throw HTTPParseError(.invalidTarget, "the target * is only allowed with OPTIONS")
            }
            return
        }
        let scheme = target.prefix { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.plus || $0 == ASCII.hyphen || $0 == ASCII.period }
        if ASCII.isLetter(first), target.dropFirst(scheme.count).starts(with: "://".utf8) { return }
        throw HTTPParseError(.invalidTarget, "the request target must start with / or be an absolute URI")
    }

    // MARK: Header and trailer fields

    private mutating func readHeaderLine() throws(HTTPParseError) -> Event? {
        guard let line = try nextFieldLine() else { return .needMoreData }
        if line.isEmpty {
            let head = try makeHead()
            switch head.bodyFraming {
            case .none: state = .end
            case .contentLength(let length): state = length == 0 ? .end : .body(remaining: length)
            case .chunked: state = .chunkSize
            }
            return .head(head)
        }
        let (name, value) = try parseFieldLine(line)
        request.headers.add(name: String(decoding: buffer[name], as: UTF8.self), value: String(decoding: buffer[value], as: UTF8.self))
        return nil
    }

    private mutating func readTrailerLine() throws(HTTPParseError) -> Event? {
        guard let line = try nextFieldLine() else { return .needMoreData }
        if line.isEmpty {
            state = .end
        } else {
            _ = try parseFieldLine(line)
        }
        return nil
    }

    /// Reads a header or trailer line within what is left of the header-section budget.
    private mutating func nextFieldLine() throws(HTTPParseError) -> Range<Int>? {
        let start = readIndex
        let remaining = limits.maxHeaderBytes - request.headerBytes
        guard let line = try nextLine(limit: remaining, of: .fieldLine) else { return nil }
        request.headerBytes += readIndex - start
        request.lineNumber += 1
        return line
    }

    /// Splits `name: value`, trimming OWS around the value (RFC 9112 §5).
    private mutating func parseFieldLine(_ line: Range<Int>) throws(HTTPParseError) -> (name: Range<Int>, value: Range<Int>) {
        let lineNumber = request.lineNumber
        // Over the buffer's bytes directly: indexing the array checks bounds at every byte.
        let parts = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            try Self.splitFieldLine(bytes, line, lineNumber: lineNumber)
        }
        request.headerCount += 1
        if request.headerCount > limits.maxHeaderCount {
            throw HTTPParseError(
                .tooManyHeaders, status: .requestHeaderFieldsTooLarge,
                "the request has more than \(limits.maxHeaderCount) header fields")
        }
        return parts
    }

    /// The name and trimmed value of a field line; errors name it by `lineNumber` (the request
    /// line is line 1).
    private static func splitFieldLine(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>,
                                       lineNumber: Int) throws(HTTPParseError) -> (name: Range<Int>, value: Range<Int>) {
        if ASCII.isWhitespace(buffer[line.lowerBound]) {
            throw HTTPParseError(.obsoleteLineFolding, "header line \(lineNumber) starts with whitespace; line folding is not accepted, send the value on one line")
        }
        var index = line.lowerBound
        while index < line.upperBound && ASCII.isTokenCharacter(buffer[index]) { index += 1 }
        guard index > line.lowerBound, index < line.upperBound else {
            throw HTTPParseError(.invalidHeaderName, "header line \(lineNumber) must be a token name followed by a colon")
        }
        let name = line.lowerBound..<index
        guard buffer[index] == ASCII.colon else {
            if ASCII.isWhitespace(buffer[index]) {
                throw HTTPParseError(.invalidHeaderName, "header line \(lineNumber) has whitespace before the colon; remove it")
            }
            throw HTTPParseError(.invalidHeaderName, "header line \(lineNumber) has a character not allowed in a field name")
        }
        var valueStart = index + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd && ASCII.isWhitespace(buffer[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && ASCII.isWhitespace(buffer[valueEnd - 1]) { valueEnd -= 1 }
        for byte in UnsafeBufferPointer(rebasing: buffer[valueStart..<valueEnd]) where !ASCII.isFieldValueCharacter(byte) {
            if byte == ASCII.carriageReturn {
                throw HTTPParseError(.invalidLineEnding, "header line \(lineNumber) contains a CR not followed by LF")
            }
            throw HTTPParseError(.invalidHeaderValue, "header line \(lineNumber) has a control character in its value")
        }
        return (name, valueStart..<valueEnd)
    }

    // MARK: Chunked body (RFC 9112 §7.1)

    private mutating func readChunkSize() throws(HTTPParseError) -> Event? {
        guard let line = try nextLine(limit: limits.maxChunkExtensionLength + 32, of: .chunkSize) else {
            return .needMoreData
        }
        var index = line.lowerBound
        var size = 0
        while index < line.upperBound, let digit = ASCII.hexValue(buffer[index]) {
            let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
            guard !overflow else { throw HTTPParseError(.chunkSizeOverflow, "a chunk size does not fit in 63 bits") }
            size = shifted + digit
            index += 1
        }
        guard index > line.lowerBound else {
            throw HTTPParseError(.invalidChunkSize, "a chunk must start with its size in hexadecimal")
        }
        while index < line.upperBound && ASCII.isWhitespace(buffer[index]) { index += 1 }
        if index < line.upperBound {
            guard buffer[index] == ASCII.semicolon else {
                throw HTTPParseError(.invalidChunkSize, "a chunk size may only be followed by ;extensions")
            }
            guard line.upperBound - index <= limits.maxChunkExtensionLength else { throw tooLongError(.chunkSize) }
            if buffer[index..<line.upperBound].contains(where: { !ASCII.isFieldValueCharacter($0) }) {
                throw HTTPParseError(.invalidChunkSize, "a chunk extension contains a control character")
            }
        }
        if size == 0 {
            state = .trailers
            return nil
        }
        guard size <= limits.maxBodyBytes - request.bodyBytes else { throw bodyTooLarge }
        request.bodyBytes += size
        state = .chunkData(remaining: size)
        return nil
    }

    private mutating func readChunkDataEnd() throws(HTTPParseError) -> Event? {
        let notTerminated = HTTPParseError(.invalidChunkTerminator, "chunk data must be followed by CRLF; check the chunk size")
        guard readIndex < buffer.count else { return .needMoreData }
        switch buffer[readIndex] {
        case ASCII.lineFeed:
            readIndex += 1
        case ASCII.carriageReturn:
            guard readIndex + 1 < buffer.count else { return .needMoreData }
            guard buffer[readIndex + 1] == ASCII.lineFeed else { throw notTerminated }
            readIndex += 2
        default:
            throw notTerminated
        }
        scanIndex = readIndex
        state = .chunkSize
        return nil
    }

    private var bodyTooLarge: HTTPParseError {
        HTTPRequestFraming.bodyTooLarge(limits)
    }

    private func makeHead() throws(HTTPParseError) -> HTTPRequestHead {
        let framing = try HTTPRequestFraming(version: request.version, headers: request.headers, limits: limits)
        return HTTPRequestHead(
            method: request.method, target: request.target, version: request.version, headers: request.headers,
            bodyFraming: framing.bodyFraming, keepAlive: framing.keepAlive, expectsContinue: framing.expectsContinue)
    }
}
