@testable import HTTPProtocol
import Testing

@Suite struct TrimmingTests {
    @Test(arguments: [
        ("Bearer abc", "Bearer abc"), ("  \tBearer abc \t ", "Bearer abc"), (" a b ", "a b"), (" \t ", ""), ("", ""),
        (" é ", "é"), ("\tcafé\u{301}\t", "café\u{301}"), ("\u{a0}x\u{a0}", "\u{a0}x\u{a0}"),
    ])
    func dropsSpacesAndTabsAtBothEndsOnly(text: String, trimmed: String) {
        #expect(String(text.trimmingOptionalWhitespace) == trimmed)
        #expect(String(Substring(text).trimmingOptionalWhitespace) == trimmed)
    }
}
