import Foundation
import JSON
import Lineage
import MeshModel
import Testing

/// The fixtures in Fixtures/ (see its README) and graphs built from them.
enum Fixture {
    static func json(_ name: String) throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    static func text(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func event(_ name: String) throws -> OpenLineageEvent {
        try OpenLineageEvent(json: json("openlineage/\(name).json"))
    }

    /// The retail mesh's products and contracts.
    static func retailMesh() throws -> (products: [DataProduct], contracts: [DataContract]) {
        let documents = try #require(json("retail-mesh.json").arrayValue)
        var products: [DataProduct] = []
        var contracts: [DataContract] = []
        for document in documents {
            switch try MeshDocument.decode(document) {
            case .product(let product): products.append(product)
            case .contract(let contract): contracts.append(contract)
            case .domain: break
            }
        }
        return (products, contracts)
    }

    /// The lineage graph of the retail mesh documents alone.
    static func retailGraph() throws -> LineageGraph {
        let mesh = try retailMesh()
        var graph = LineageGraph()
        for product in mesh.products { graph.add(LineageGraph.subgraph(for: product, contracts: mesh.contracts)) }
        return graph
    }

    /// The retail mesh plus the lineage of every OpenLineage fixture.
    static func retailGraphWithEvents() throws -> LineageGraph {
        var graph = try retailGraph()
        for name in eventNames { graph.add(try event(name).subgraph) }
        return graph
    }

    static let eventNames = [
        "spark-order-history-complete", "spark-order-history-abort", "airflow-churn-scoring-start", "airflow-churn-scoring-complete",
        "airflow-churn-scoring-fail", "dbt-campaign-audiences-complete", "dbt-campaign-audiences-job-event", "hive-order-history-dataset-event",
    ]
}

extension JSONValue {
    /// A copy with the value at `pointer` replaced, or removed when `value` is nil.
    func setting(_ pointer: String, to value: JSONValue?) -> JSONValue {
        setting(JSONPointer(pointer)!.tokens[...], to: value)
    }

    private func setting(_ tokens: ArraySlice<String>, to value: JSONValue?) -> JSONValue {
        guard let token = tokens.first else { return value ?? .null }
        switch self {
        case .object(var object):
            let child = object[token] ?? .null
            object[token] = tokens.count == 1 ? value : child.setting(tokens.dropFirst(), to: value)
            return .object(object)
        case .array(var elements):
            let index = Int(token)!
            if tokens.count == 1, value == nil { elements.remove(at: index) } else {
                elements[index] = tokens.count == 1 ? value! : elements[index].setting(tokens.dropFirst(), to: value)
            }
            return .array(elements)
        default:
            return self
        }
    }
}

/// The issues `OpenLineageEvent(json:)` reports for `json`, or [] when it is valid.
func validationIssues(_ json: JSONValue) -> [OpenLineageValidationError.Issue] {
    do {
        _ = try OpenLineageEvent(json: json)
        return []
    } catch {
        return error.issues
    }
}
