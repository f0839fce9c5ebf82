/// The HTML the server sends for every page: a fixed frame whose content the page's module
/// draws from the JSON API. It holds no document values, so nothing in it needs escaping; the
/// CSRF token is hex and the rest are our own constants. See docs/ARCHITECTURE.md, "Web UI".
public enum PageShell {
    /// The shell of `page`; `csrfToken` is empty when the visitor is not signed in (anonymous read).
    /// `eventsAfter` and `eventTypes` tell the page where to follow the change-event stream and which
    /// event names it carries.
    public static func html(_ page: UIPage, csrfToken: String, eventsAfter: Int64, eventTypes: [String]) -> String {
        precondition(csrfToken.utf8.allSatisfy { isHexDigit($0) }, "the CSRF token is hex")
        precondition(eventTypes.allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } }, "event types are our own names")
        let links: [(UIPage, String)] = [(.catalog, "/ui/"), (.impact, "/ui/impact"), (.governance, "/ui/governance"), (.subjects, "/ui/subjects")]
        let navigation = links.map { target, href in
            #"<li><a href="\#(href)"\#(target == page ? #" aria-current="page""# : "")>\#(target.title)</a></li>"#
        }.joined()
        let session = csrfToken.isEmpty
            ? #"<a class="session" href="/ui/login">Sign in</a>"#
            : #"<form class="session" method="post" action="/ui/logout"><input type="hidden" name="csrf" value="\#(csrfToken)"><span id="whoami"></span> <button type="submit">Sign out</button></form>"#
        let head = PageHead.html(title: page.title, extra: """
            <meta name="csrf-token" content="\(csrfToken)">
            <script type="module" src="/ui/assets/app.js"></script>
            
            """)
        return head + "\n" + """
            <body data-page="\(page.rawValue)" data-events-after="\(eventsAfter)" data-event-types="\(eventTypes.joined(separator: " "))">
            <a class="skip" href="#main">Skip to content</a>
            <header><a class="brand" href="/ui/">meshreg</a><nav aria-label="Main"><ul>\(navigation)</ul></nav>\(session)</header>
            <main id="main" tabindex="-1"><h1>\(page.title)</h1><p class="status" role="status" aria-live="polite">Loading…</p></main>
            </body>
            </html>
            """
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
