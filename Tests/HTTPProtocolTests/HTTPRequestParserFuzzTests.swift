import Testing
@testable import HTTPProtocol

@Suite struct HTTPRequestParserFuzzTests {
    /// Random byte flips, insertions and deletions must end in a request, an error or a wait.
    @Test func randomMutationsNeverTrap() {
        var generator = SeededGenerator(seed: 7)
        let seeds = validFixtures.map { Array($0.text.utf8) } + malformedFixtures.filter { $0.text.utf8.count < 512 }.map { Array($0.text.utf8) }
        let interesting: [UInt8] = Array("\r\n :;,0F\t\u{0}\u{7F}".utf8) + [0xFF, 0xC3]
        let limits = HTTPLimits(maxRequestLineLength: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 64, maxChunkExtensionLength: 16)
        for _ in 0..<3000 {
            var bytes = seeds.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                let replacement = Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where position < bytes.count: bytes[position] = replacement
                case 1: bytes.insert(replacement, at: position)
                default: if position < bytes.count { bytes.remove(at: position) }
                }
            }
            let chunking = Chunking.allCases.randomElement(using: &generator)!
            let outcome = parse(chunking.split(bytes, seed: generator.next()), limits: limits)
            if let error = outcome.error {
                #expect([400, 413, 414, 431, 501, 505].contains(error.status.code))
            }
            for request in outcome.requests {
                #expect(request.body.count <= limits.maxBodyBytes)
            }
        }
    }

    /// The same bytes must give the same result however they are split.
    @Test func chunkingNeverChangesTheOutcome() {
        var generator = SeededGenerator(seed: 11)
        let seeds = (validFixtures.map(\.text) + malformedFixtures.filter { $0.text.utf8.count < 512 }.map(\.text)).map { Array($0.utf8) }
        for bytes in seeds {
            let whole = parse(Chunking.whole.split(bytes))
            let chunked = parse(Chunking.randomChunks.split(bytes, seed: generator.next()))
            #expect(whole.requests == chunked.requests)
            #expect(whole.error == chunked.error)
        }
    }
}
