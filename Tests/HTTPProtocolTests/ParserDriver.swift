@testable import HTTPProtocol

/// A deterministic generator so random chunking and mutations repeat from run to run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// How a test splits its input before feeding the parser.
enum Chunking: CustomStringConvertible, CaseIterable {
    case whole
    case byteByByte
    case randomChunks

    var description: String {
        switch self {
        case .whole: "whole"
        case .byteByByte: "byte by byte"
        case .randomChunks: "random chunks"
        }
    }

    func split(_ bytes: [UInt8], seed: UInt64 = 42) -> [ArraySlice<UInt8>] {
        switch self {
        case .whole:
            return [bytes[...]]
        case .byteByByte:
            return bytes.indices.map { bytes[$0...$0] }
        case .randomChunks:
            var generator = SeededGenerator(seed: seed)
            var chunks: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...17, using: &generator))
                chunks.append(bytes[start..<end])
                start = end
            }
            return chunks
        }
    }
}

/// What a parser produced from a whole input: complete requests, then maybe an error.
struct ParseOutcome {
    var requests: [HTTPRequest] = []
    var error: HTTPParseError?
    /// Whether the input ended inside a request.
    var endedMidRequest = false
}

/// Feeds the chunks in order, draining events after each, and assembles requests.
func parse(_ chunks: [ArraySlice<UInt8>], limits: HTTPLimits = .default) -> ParseOutcome {
    var parser = HTTPRequestParser(limits: limits)
    var outcome = ParseOutcome()
    var head: HTTPRequestHead?
    var body: [UInt8] = []
    for chunk in chunks {
        parser.feed(chunk)
        events: while true {
            switch parser.next() {
            case .needMoreData:
                break events
            case .head(let parsedHead):
                head = parsedHead
                body = []
            case .body(let bytes):
                body += bytes
            case .end:
                if let head { outcome.requests.append(HTTPRequest(head: head, body: body)) }
                head = nil
            case .error(let error):
                outcome.error = error
                return outcome
            }
        }
    }
    outcome.endedMidRequest = head != nil || !parser.isIdle
    return outcome
}

func parse(_ text: String, chunking: Chunking = .whole, limits: HTTPLimits = .default) -> ParseOutcome {
    parse(chunking.split(Array(text.utf8)), limits: limits)
}
