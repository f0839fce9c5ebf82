import Lineage
import Testing

struct LineageGraphTests {
    private let orders = LineageNodeID.product("orders")
    private let ordersPort = LineageNodeID.port(product: "orders", name: "events", version: "1.0.0")
    private let ordersContract = LineageNodeID.contract("orders.events", version: "1.0.0")
    private let billing = LineageNodeID.product("billing")
    private let billingPort = LineageNodeID.port(product: "billing", name: "invoices", version: "2.0.0")
    private let billingContract = LineageNodeID.contract("billing.invoices", version: "2.0.0")

    /// orders → billing → orders: each reads the other's contract.
    private var cyclic: LineageGraph {
        LineageGraph(LineageSubgraph(nodes: [], edges: [
            LineageEdge(from: orders, to: ordersPort, kind: .publishes),
            LineageEdge(from: ordersPort, to: ordersContract, kind: .conformsTo),
            LineageEdge(from: ordersContract, to: billing, kind: .readBy),
            LineageEdge(from: billing, to: billingPort, kind: .publishes),
            LineageEdge(from: billingPort, to: billingContract, kind: .conformsTo),
            LineageEdge(from: billingContract, to: orders, kind: .readBy),
        ]))
    }

    @Test(arguments: LineageDirection.allCases)
    func cyclesEndTheWalkWithShortestDistances(direction: LineageDirection) throws {
        let traversal = try cyclic.traverse(from: orders, direction: direction, depth: 20)
        #expect(traversal.count == 6)
        #expect(traversal.distance(to: orders) == 0)
        #expect(traversal.distance(to: billing) == 3)
        #expect(traversal.edges.count == 6)
    }

    @Test func edgesAreAddedOnceAndCanBeRemoved() throws {
        var graph = cyclic
        #expect(graph.edgeCount == 6)
        let addedAgain = graph.add(LineageEdge(from: orders, to: ordersPort, kind: .publishes))
        let removed = graph.remove(LineageEdge(from: ordersContract, to: billing, kind: .readBy))
        let removedAgain = graph.remove(LineageEdge(from: ordersContract, to: billing, kind: .readBy))
        #expect(!addedAgain)
        #expect(removed)
        #expect(!removedAgain)
        #expect(graph.edgeCount == 5)
        let downstream = try graph.traverse(from: orders, direction: .downstream, depth: 20)
        #expect(downstream.distance(to: billing) == nil)
        let upstream = try graph.traverse(from: billing, direction: .upstream, depth: 20)
        #expect(upstream.nodes.map(\.node.id) == [billing, billingPort], "a product's upstream includes its own ports")
    }

    @Test func identityEdgesAreWalkedBothWaysAndRemovedBothWays() throws {
        let dataset = LineageNodeID.dataset(DatasetIdentifier(namespace: "kafka://broker:9092", name: "orders.events"))
        let job = LineageNodeID.job(namespace: "flink", name: "enrich")
        var graph = cyclic
        graph.add(LineageEdge(from: dataset, to: ordersPort, kind: .materializes))
        graph.add(LineageEdge(from: dataset, to: job, kind: .readBy))
        #expect(try graph.traverse(from: ordersPort, direction: .downstream, depth: 2).distance(to: job) == 2)
        #expect(try graph.traverse(from: dataset, direction: .upstream, depth: 2).distance(to: orders) == 2)
        #expect(try graph.traverse(from: orders, direction: .downstream, depth: 5).edges.filter { $0.kind == .materializes }
            == [LineageEdge(from: dataset, to: ordersPort, kind: .materializes)])
        graph.remove(LineageEdge(from: dataset, to: ordersPort, kind: .materializes))
        #expect(try graph.traverse(from: ordersPort, direction: .downstream, depth: 5).distance(to: job) == nil)
        #expect(try graph.traverse(from: dataset, direction: .upstream, depth: 5).count == 1)
    }

    @Test func aProductsUpstreamIncludesWhatWritesItsPorts() throws {
        let dataset = LineageNodeID.dataset(DatasetIdentifier(namespace: "s3://lake", name: "invoices"))
        let job = LineageNodeID.job(namespace: "spark", name: "invoice-builder")
        var graph = cyclic
        graph.add(LineageEdge(from: dataset, to: billingPort, kind: .materializes))
        graph.add(LineageEdge(from: job, to: dataset, kind: .writes))
        let upstream = try graph.traverse(from: billing, direction: .upstream, depth: 3)
        #expect(upstream.distance(to: job) == 3)
        graph.remove(LineageEdge(from: billing, to: billingPort, kind: .publishes))
        #expect(try graph.traverse(from: billing, direction: .upstream, depth: 3).distance(to: job) == nil)
    }

    @Test func nodesKeepTheLatestLabelAndTeam() {
        var graph = LineageGraph()
        graph.add(LineageNode(id: orders))
        graph.add(LineageNode(id: orders, label: "Orders", team: "order-platform"))
        graph.add(LineageNode(id: orders))
        #expect(graph.node(orders) == LineageNode(id: orders, label: "Orders", team: "order-platform"))
        #expect(graph.nodeCount == 1)
    }

    @Test func theWholeGraphExportsSorted() {
        let subgraph = cyclic.subgraph
        #expect(subgraph.nodes.map(\.id) == subgraph.nodes.map(\.id).sorted())
        #expect(subgraph.edges.count == 6)
        #expect(LineageGraph(subgraph).subgraph == subgraph)
    }
}

/// The index against a naive edge set, through enough adds and removes to compact several times.
struct LineageGraphModelTests {
    @Test func randomAddsAndRemovesMatchANaiveModel() throws {
        var generator = SeededGenerator(seed: 3)
        let ids = (0..<60).map { LineageNodeID.product("p\($0)") }
        let kinds: [LineageEdgeKind] = [.readBy, .publishes, .materializes, .writes]
        var graph = LineageGraph()
        var model: Set<LineageEdge> = []
        for step in 0..<12_000 {
            let edge = LineageEdge(
                from: ids.randomElement(using: &generator)!, to: ids.randomElement(using: &generator)!, kind: kinds.randomElement(using: &generator)!)
            if Int.random(in: 0..<3, using: &generator) == 0 {
                #expect(graph.remove(edge) == (model.remove(edge) != nil))
            } else {
                #expect(graph.add(edge) == model.insert(edge).inserted)
            }
            guard step % 1_000 == 999 else { continue }
            #expect(graph.edgeCount == model.count)
            #expect(Set(graph.subgraph.edges) == model)
            let start = ids.randomElement(using: &generator)!
            let reached = try graph.traverse(from: start, direction: .downstream, depth: 20)
            #expect(Set(reached.nodes.map(\.node.id)) == naiveDownstream(from: start, edges: model))
        }
    }

    private func naiveDownstream(from start: LineageNodeID, edges: Set<LineageEdge>) -> Set<LineageNodeID> {
        var reached: Set<LineageNodeID> = [start]
        var frontier = [start]
        while let node = frontier.popLast() {
            for edge in edges {
                let next: LineageNodeID? = edge.from == node ? edge.to : (edge.kind.isIdentity && edge.to == node ? edge.from : nil)
                if let next, reached.insert(next).inserted { frontier.append(next) }
            }
        }
        return reached
    }
}
