import JSON

/// Renders a lineage subgraph as JSON, Graphviz DOT, Mermaid or Marquez's lineage shape (the `format` option).
///
/// Every export sorts nodes and edges by id, so the same graph always renders the same text.
public enum LineageExport {
    /// `{"nodes": [{id, kind, label, team?}], "edges": [{from, to, kind}]}`.
    public static func json(_ subgraph: LineageSubgraph) -> JSONValue {
        let sorted = subgraph.sorted
        let nodes = sorted.nodes.map { node -> JSONValue in
            var object: JSONObject = ["id": .string(node.id.description), "kind": .string(node.id.kind.rawValue), "label": .string(node.label)]
            if let team = node.team { object["team"] = .string(team) }
            return .object(object)
        }
        let edges = sorted.edges.map { edge -> JSONValue in
            ["from": .string(edge.from.description), "to": .string(edge.to.description), "kind": .string(edge.kind.rawValue)]
        }
        return ["nodes": .array(nodes), "edges": .array(edges)]
    }

    /// Marquez's `GET /api/v1/lineage` shape: `{"graph": [{id, type, data, inEdges, outEdges}]}`,
    /// with `type` the node kind in upper case and edges as `{origin, destination}`.
    public static func marquez(_ subgraph: LineageSubgraph) -> JSONValue {
        let sorted = subgraph.sorted
        var incoming: [LineageNodeID: [JSONValue]] = [:]
        var outgoing: [LineageNodeID: [JSONValue]] = [:]
        for edge in sorted.edges {
            let value: JSONValue = ["origin": .string(edge.from.description), "destination": .string(edge.to.description)]
            outgoing[edge.from, default: []].append(value)
            incoming[edge.to, default: []].append(value)
        }
        let graph = sorted.nodes.map { node -> JSONValue in
            [
                "id": .string(node.id.description), "type": .string(node.id.kind.rawValue.uppercased()), "data": .object(data(of: node)),
                "inEdges": .array(incoming[node.id] ?? []), "outEdges": .array(outgoing[node.id] ?? []),
            ]
        }
        return ["graph": .array(graph)]
    }

    private static func data(of node: LineageNode) -> JSONObject {
        let names: [String] =
            switch node.id.kind {
            case .product: ["id"]
            case .port: ["product", "name", "version"]
            case .contract: ["id", "version"]
            case .dataset, .job: ["namespace", "name"]
            case .column: ["namespace", "name", "field"]
            case .team: ["name"]
            }
        var data = JSONObject(zip(names, node.id.components).map { (key: $0.0, value: JSONValue.string($0.1)) })
        data["label"] = .string(node.label)
        if let team = node.team { data["team"] = .string(team) }
        return data
    }

    /// `text` with each character that `replacement` maps replaced; the escaping of every text export.
    static func replacingCharacters(of text: String, _ replacement: (Character) -> String?) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            if let replaced = replacement(character) { output += replaced } else { output.append(character) }
        }
        return output
    }
}
