import FoundationEssentials
import HTTPProtocol
import JSON
import Lineage
import MeshModel
import Registry

/// `/api/v1/lineage` and `/api/v1/impact`: OpenLineage ingestion as Marquez takes
/// it, Marquez's lineage read shape, product lineage as JSON, DOT or Mermaid, column lineage
/// of a contract property, and the impact of a proposed contract change.
/// See docs/ARCHITECTURE.md, "Lineage".
enum LineageRoutes {
    static func routes(registry: Registry) -> [Route] {
        let opened = Result<LineageService, RegistryError>(catching: { () throws(RegistryError) in try LineageService(registry: registry) })
        return [
            Route(.post, "/api/v1/lineage") { context in
                let service = try opened.get()
                let json: JSONValue
                do {
                    json = try JSONParser.parse(context.request.body)
                } catch {
                    return ProblemResponse.make(status: .badRequest, code: "invalid-json",
                                                detail: "the body is not JSON (\(error)); send one OpenLineage event as application/json")
                }
                let actor = try context.actor
                do {
                    _ = try service.ingest(json, original: String(decoding: context.request.body, as: UTF8.self), actor: actor)
                } catch let error as RegistryError where error.code == .invalidDocument {
                    return ProblemResponse.make(error, status: .badRequest)
                }
                return .json(.object(JSONObject()), status: .created)
            },
            Route(.get, "/api/v1/lineage") { context in
                let service = try opened.get()
                guard let text = context.request.queryValue("nodeId") else {
                    throw APIError(.badRequest, "missing-parameter", "nodeId is required, e.g. ?nodeId=dataset:kafka://broker:9092:orders&depth=5")
                }
                let id = try service.nodeID(parsing: text)
                let walk = try service.traverse(from: id, direction: .both, depth: try depth(context) ?? LineageGraph.maximumDepth)
                return .json(LineageExport.marquez(walk.subgraph))
            },
            Route(.get, "/api/v1/lineage/runs/{runId}") { context in
                .json(try opened.get().run(context.parameter("runId")))
            },
            Route(.get, "/api/v1/lineage/columns/{contractId}/{version}/{property}") { context in
                let service = try opened.get()
                let (contract, version, property) = (context.parameter("contractId"), context.parameter("version"), context.parameter("property"))
                let entries = try service.columnLineage(contractID: contract, version: version, property: property,
                                                        depth: try depth(context) ?? LineageGraph.maximumDepth)
                return .json([
                    "contractId": .string(contract), "version": .string(version), "property": .string(property),
                    "columns": .array(entries.map { entry in
                        var object = columnJSON(entry.column)
                        object["direction"] = .string(entry.direction.rawValue)
                        object["distance"] = .integer(Int64(entry.distance))
                        return .object(object)
                    }),
                ])
            },
            Route(.get, "/api/v1/lineage/{productId}") { context in
                let service = try opened.get()
                let directionText = context.request.queryValue("direction") ?? "both"
                guard let direction = LineageDirection(rawValue: directionText) else {
                    throw APIError(.badRequest, "invalid-parameter", "direction must be upstream, downstream or both, not '\(directionText)'")
                }
                // Checked for every format, so a bad value is refused alike whatever the format.
                let nodeLimit = try context.integerQuery("maxNodes", maximum: 5_000) ?? 500
                let walk = try service.productLineage(context.parameter("productId"), direction: direction, depth: try depth(context) ?? 5)
                switch context.request.queryValue("format") ?? "json" {
                case "json": return .json(traversalJSON(walk))
                case "dot": return text(LineageExport.dot(walk.subgraph), contentType: "text/vnd.graphviz; charset=utf-8")
                case "mermaid": return text(LineageExport.mermaid(walk.subgraph), contentType: "text/plain; charset=utf-8")
                case "svg": return try svg(walk, registry: registry, nodeLimit: nodeLimit)
                case let other: throw APIError(.badRequest, "invalid-parameter", "format must be json, dot, mermaid or svg, not '\(other)'")
                }
            },
            Route(.post, "/api/v1/impact") { context in
                let service = try opened.get()
                let submission = try context.document()
                let impact: LineageImpact
                if let contractID = submission.json["contractId"]?.stringValue, submission.json["apiVersion"] == nil {
                    guard let version = submission.json["version"]?.stringValue else {
                        throw APIError(.badRequest, "missing-field", "version is required with contractId, e.g. {\"contractId\": \"orders.order-events\", \"version\": \"1.1.0\", \"properties\": [\"customer_id\"]}")
                    }
                    let properties = (submission.json["properties"]?.arrayValue ?? []).compactMap(\.stringValue)
                    impact = try service.impact(of: [BrokenContract(contract: ContractReference(id: contractID, version: version), properties: properties)])
                } else {
                    impact = try service.impact(proposed: submission)
                }
                return .json(impactJSON(impact))
            },
        ]
    }

    /// `depth`: a whole number, clamped to ``LineageGraph/maximumDepth``; nil when absent.
    private static func depth(_ context: RequestContext) throws(APIError) -> Int? {
        guard let text = context.request.queryValue("depth") else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw APIError(.badRequest, "invalid-parameter", "depth must be a whole number from 0 to \(LineageGraph.maximumDepth), not '\(text)'")
        }
        return min(value, LineageGraph.maximumDepth)
    }

    /// The walk drawn as SVG, nodes linked to their UI pages, collapsed by owning domain above
    /// `nodeLimit` nodes. The image may not run script or load anything (its own CSP), as it can be opened alone.
    static func svg(_ walk: LineageTraversal, registry: Registry, nodeLimit: Int) throws(RegistryError) -> HTTPResponse {
        var domainOfTeam: [String: String] = [:]
        for domain in try registry.domains() {
            for team in domain.teams { domainOfTeam[team] = domain.name }
        }
        let layout = LineageLayout(walk.subgraph, root: walk.root, nodeLimit: nodeLimit) { node in node.team.flatMap { domainOfTeam[$0] }.map { "domain \($0)" } }
        let image = LineageExport.svg(layout, root: walk.root, title: "Lineage of \(walk.root.displayName)", link: uiPage)
        var response = text(image, contentType: "image/svg+xml; charset=utf-8")
        response.headers.add(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    /// The web UI page of a product, port or contract node.
    private static func uiPage(_ node: LineageNodeID) -> String? {
        let segment = PercentEncoding.pathSegment
        switch node.kind {
        case .product, .port: return "/ui/products/\(segment(node.components[0]))"
        case .contract: return "/ui/contracts/\(segment(node.components[0]))/\(segment(node.components[1]))"
        case .dataset, .job, .column, .team: return nil
        }
    }

    private static func text(_ body: String, contentType: String) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(body.utf8))
    }

    /// `{root, direction, depth, nodes: [{id, kind, label, team?, distance}], edges: [{from, to, kind}]}`.
    static func traversalJSON(_ walk: LineageTraversal) -> JSONValue {
        let nodes = walk.nodes.map { reached -> JSONValue in
            var object: JSONObject = ["id": .string(reached.node.id.description), "kind": .string(reached.node.id.kind.rawValue),
                                      "label": .string(reached.node.label), "distance": .integer(Int64(reached.distance))]
            if let team = reached.node.team { object["team"] = .string(team) }
            return .object(object)
        }
        let edges = walk.edges.map { edge -> JSONValue in
            ["from": .string(edge.from.description), "to": .string(edge.to.description), "kind": .string(edge.kind.rawValue)]
        }
        return ["root": .string(walk.root.description), "direction": .string(walk.direction.rawValue), "depth": .integer(Int64(walk.depth)),
                "nodes": .array(nodes), "edges": .array(edges)]
    }

    /// `{breaks, broken, products, columns, teams}`, products and columns nearest first.
    static func impactJSON(_ impact: LineageImpact) -> JSONValue {
        let broken = impact.broken.map { item -> JSONValue in
            ["contractId": .string(item.contract.id), "version": .string(item.contract.version), "properties": .array(item.properties.map(JSONValue.string))]
        }
        let products = impact.report.products.map { product -> JSONValue in
            ["id": .string(product.id), "name": .string(product.name), "team": product.team.map(JSONValue.string) ?? .null,
             "distance": .integer(Int64(product.distance)), "ports": .array(product.ports.map { .string($0.description) }),
             "columns": .array(product.columns.map { .object(columnJSON($0)) })]
        }
        let columns = impact.report.columns.map { column -> JSONValue in
            var object = columnJSON(column.id)
            object["distance"] = .integer(Int64(column.distance))
            object["product"] = column.product.map(JSONValue.string) ?? .null
            return .object(object)
        }
        return ["breaks": .bool(impact.breaksSomething), "broken": .array(broken), "products": .array(products),
                "columns": .array(columns), "teams": .array(impact.report.teams.map(JSONValue.string))]
    }

    /// `{id, namespace, name, field}` of a column node.
    private static func columnJSON(_ id: LineageNodeID) -> JSONObject {
        var object: JSONObject = ["id": .string(id.description)]
        if id.kind == .column {
            object["namespace"] = .string(id.components[0])
            object["name"] = .string(id.components[1])
            object["field"] = .string(id.components[2])
        }
        return object
    }
}
