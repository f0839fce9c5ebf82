import Testing
@testable import RegistryAPI

/// Request ids: one random prefix per API instance, then a counter in hex, so a log line and the
/// `X-Request-Id` a client reports name the same request.
@Suite struct RequestIdentifiersTests {
    @Test func idsAreThePrefixAndACounterInLowercaseHex() throws {
        let identifiers = RequestIdentifiers()
        let ids = (0..<300).map { _ in identifiers.next() }
        let prefix = try #require(ids.first?.split(separator: "-").first)
        #expect(prefix.count == 8)
        #expect(prefix.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        for (index, id) in ids.enumerated() {
            #expect(id == "\(prefix)-\(String(index + 1, radix: 16))")
        }
        #expect(Set(ids).count == ids.count)
        #expect(ids[255] == "\(prefix)-100")
    }

    @Test func anotherInstanceDrawsAnotherPrefix() {
        // Two 32-bit draws agree once in four billion runs.
        let first = RequestIdentifiers().next()
        let second = RequestIdentifiers().next()
        #expect(first.hasSuffix("-1") && second.hasSuffix("-1"))
        #expect(first != second)
    }
}
