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

/// Path prefixes compared as bytes: a raw path is ASCII.
@Suite struct PathPrefixTests {
    @Test(arguments: [
        ("/ui", true), ("/ui/", true), ("/ui/catalog", true), ("/uix", false), ("/u", false), ("", false), ("/api/ui", false),
    ])
    func aPathIsUnderAPrefixOnlyAtASegmentBoundary(path: String, isUnder: Bool) {
        #expect(Substring(path).isPathOrUnder("/ui") == isUnder)
        #expect(Substring(path).hasBytePrefix("/ui") == path.hasPrefix("/ui"))
    }
}
