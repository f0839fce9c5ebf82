extension LineageExport {
    /// Mermaid `flowchart LR`: ids reduced to `[A-Za-z0-9_]` (made unique with a suffix), labels
    /// quoted with `"`, `<`, `>` and `#` as entity codes, a shape per node kind, identity edges dotted.
    public static func mermaid(_ subgraph: LineageSubgraph) -> String {
        let sorted = subgraph.sorted
        var names: [LineageNodeID: String] = [:]
        var used: Set<String> = []
        for node in sorted.nodes {
            let base = sanitized(node.id.description)
            var name = base
            var suffix = 2
            while !used.insert(name).inserted {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            names[node.id] = name
        }
        var output = "flowchart LR\n"
        for node in sorted.nodes {
            let (open, close) = mermaidShape(node.id.kind)
            output += "  \(names[node.id]!)\(open)\"\(escaped(node.label))\"\(close)\n"
        }
        for edge in sorted.edges {
            let arrow = edge.kind.isIdentity ? "-.->" : "-->"
            output += "  \(names[edge.from]!) \(arrow)|\(edge.kind.rawValue)| \(names[edge.to]!)\n"
        }
        return output
    }

    private static func mermaidShape(_ kind: LineageNodeKind) -> (String, String) {
        switch kind {
        case .product: ("[", "]")
        case .port: ("([", "])")
        case .contract: ("[/", "/]")
        case .dataset: ("[(", ")]")
        case .job: ("[[", "]]")
        case .column: (">", "]")
        case .team: ("{{", "}}")
        }
    }

    private static func sanitized(_ id: String) -> String {
        String(id.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_": Character(scalar)
            default: "_"
            }
        })
    }

    private static func escaped(_ label: String) -> String {
        replacingCharacters(of: label) { character in
            switch character {
            case "#": "#35;"
            case "\"": "#quot;"
            case "<": "#lt;"
            case ">": "#gt;"
            case "\n", "\r\n", "\r": " "
            default: nil
            }
        }
    }
}
