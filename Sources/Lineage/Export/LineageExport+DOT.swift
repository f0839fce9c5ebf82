extension LineageExport {
    /// Graphviz DOT: a left-to-right `digraph` with quoted ids, labels, a shape per node kind
    /// and identity edges dashed.
    public static func dot(_ subgraph: LineageSubgraph) -> String {
        let sorted = subgraph.sorted
        var output = "digraph lineage {\n  rankdir=LR;\n"
        for node in sorted.nodes {
            output += "  \(quoted(node.id.description)) [label=\(quoted(node.label)), shape=\(dotShape(node.id.kind))];\n"
        }
        for edge in sorted.edges {
            let style = edge.kind.isIdentity ? ", style=dashed" : ""
            output += "  \(quoted(edge.from.description)) -> \(quoted(edge.to.description)) [label=\(quoted(edge.kind.rawValue))\(style)];\n"
        }
        return output + "}\n"
    }

    private static func dotShape(_ kind: LineageNodeKind) -> String {
        switch kind {
        case .product: "box"
        case .port: "cds"
        case .contract: "note"
        case .dataset: "cylinder"
        case .job: "component"
        case .column: "plaintext"
        case .team: "house"
        }
    }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`.
    private static func quoted(_ text: String) -> String {
        var output = "\""
        for character in text {
            switch character {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n", "\r\n", "\r": output += "\\n"
            default: output.append(character)
            }
        }
        return output + "\""
    }
}
