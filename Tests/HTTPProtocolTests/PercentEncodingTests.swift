import HTTPProtocol
import Testing

@Suite struct PercentEncodingTests {
    @Test(arguments: [
        ("orders", "orders"),
        ("orders/v1", "orders%2Fv1"),
        ("a b?c#d", "a%20b%3Fc%23d"),
        ("50%", "50%25"),
        ("käse", "k%C3%A4se"),
        ("id:1@x+y", "id:1@x+y"),
    ])
    func encodesOnePathSegment(text: String, expected: String) {
        #expect(PercentEncoding.pathSegment(text) == expected)
        #expect(PercentDecoding.decode(Substring(expected), plusIsSpace: false) == text)
    }
}
