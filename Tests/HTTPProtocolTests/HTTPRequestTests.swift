import Testing
@testable import HTTPProtocol

@Suite struct HTTPRequestTests {
    private func request(target: String) -> HTTPRequest {
        HTTPRequest(head: HTTPRequestHead(method: .get, target: target))
    }

    @Test(arguments: [
        ("/api/v1/products", "/api/v1/products"),
        ("/a%20b/c%2Fd?x=1", "/a b/c/d"),
        ("/plus+stays?q=a+b", "/plus+stays"),
        ("/bad%zzescape", "/bad%zzescape"),
        ("/trailing%2", "/trailing%2"),
        ("/caf%C3%A9#frag", "/café"),
        ("http://example.com:8080/x/y?z", "/x/y"),
        ("http://example.com", "/"),
        ("http://example.com?q=1", "/"),
        ("*", "*"),
    ])
    func decodesThePath(target: String, path: String) {
        #expect(request(target: target).path == path)
    }

    @Test func decodesQueryItemsInOrderWithPlusAsSpace() {
        let items = request(target: "/p?domain=sales&q=big+order%21&flag&empty=&domain=ops#x").queryItems
        #expect(items.map(\.name) == ["domain", "q", "flag", "empty", "domain"])
        #expect(items.map(\.value) == ["sales", "big order!", "", "", "ops"])
        #expect(request(target: "/p?domain=sales&domain=ops").queryValue("domain") == "sales")
    }

    @Test func hasNoQueryItemsWithoutAQuestionMark() {
        #expect(request(target: "/p").queryItems.isEmpty)
        #expect(request(target: "/p").rawQuery == nil)
    }
}
