extension LineageExport {
    /// The layout as a standalone SVG image: boxes with labels, curved edges with arrow heads.
    /// Every text from the graph is escaped; `link` gives a node's page (nil: no link), and linked
    /// boxes are `<a>` elements, so they take the keyboard focus and open on click or Enter.
    /// Styling is by classes (`node`, `node-<kind>`, `edge`, `root`) plus plain presentation attributes.
    public static func svg(_ layout: LineageLayout, root: LineageNodeID?, title: String,
                           link: (LineageNodeID) -> String? = { _ in nil }) -> String {
        let (width, height) = (LineageLayout.boxWidth, LineageLayout.boxHeight)
        var text = """
            <svg xmlns="http://www.w3.org/2000/svg" class="lineage" viewBox="0 0 \(layout.width) \(layout.height)" \
            width="\(layout.width)" height="\(layout.height)" role="group" aria-label="\(markupEscaped(title))">\
            <title>\(markupEscaped(title))</title>\
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">\
            <path d="M0,0 L10,5 L0,10 z" fill="#5b6770"/></marker></defs><g class="edges">
            """
        for link in layout.links {
            let (from, to) = (layout.boxes[link.from], layout.boxes[link.to])
            let (x1, y1, x2, y2) = (from.x + width, from.y + height / 2, to.x, to.y + height / 2)
            let bend = max(abs(x2 - x1) / 2, 30)
            text += ##"<path class="edge edge-\##(markupEscaped(link.kind))" d="M\##(x1),\##(y1) C\##(x1 + bend),\##(y1) \##(x2 - bend),\##(y2) \##(x2),\##(y2)" fill="none" stroke="#5b6770" stroke-width="1.2" marker-end="url(#arrow)"/>"##
        }
        text += #"</g><g class="nodes">"#
        for box in layout.boxes {
            let isRoot = box.node != nil && box.node == root
            let label = box.kind == "group" ? "\(box.label) (\(box.count))" : box.label
            let shown = label.count > 28 ? String(label.prefix(27)) + "…" : label
            let caption = box.node.map { "\($0.kind.rawValue): \(label)" } ?? "\(box.count) nodes of \(box.label)"
            let body = """
                <rect x="\(box.x)" y="\(box.y)" width="\(width)" height="\(height)" rx="6" fill="\(isRoot ? "#fff4d6" : "#ffffff")" \
                stroke="\(isRoot ? "#8a5a00" : "#3d4a54")" stroke-width="\(isRoot ? 2 : 1)"/>\
                <text x="\(box.x + 10)" y="\(box.y + 23)" font-size="13" font-family="sans-serif" fill="#1d252b">\(markupEscaped(shown))</text>\
                <title>\(markupEscaped(caption))</title>
                """
            let classes = "node node-\(markupEscaped(box.kind))\(isRoot ? " root" : "")"
            if let node = box.node, let href = link(node) {
                text += #"<a class="\#(classes)" href="\#(markupEscaped(href))" data-node="\#(markupEscaped(node.description))" aria-label="\#(markupEscaped(caption))">\#(body)</a>"#
            } else {
                text += #"<g class="\#(classes)" data-node="\#(markupEscaped(box.node?.description ?? box.id))">\#(body)</g>"#
            }
        }
        return text + "</g></svg>\n"
    }

    /// Text safe inside XML content and double-quoted attributes.
    static func markupEscaped(_ text: String) -> String {
        replacingCharacters(of: text) { character in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case _ where character.asciiValue.map { $0 < 0x20 } == true: " "  // not allowed in XML 1.0
            default: nil
            }
        }
    }
}
