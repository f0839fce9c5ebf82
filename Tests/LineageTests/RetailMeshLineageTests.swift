import Lineage
import MeshModel
import Testing

/// The lineage of Domains/README.md, built from the retail mesh documents.
struct RetailMeshLineageTests {
    private func products(_ traversal: LineageTraversal) -> Set<String> {
        Set(traversal.nodes.filter { $0.node.id.kind == .product && $0.distance > 0 }.map { $0.node.id.components[0] })
    }

    @Test func realtimeRecommendationsReadsTheMainFlow() throws {
        let graph = try Fixture.retailGraph()
        let upstream = try graph.traverse(from: .product("realtime-recommendations"), direction: .upstream, depth: 20)
        #expect(products(upstream) == [
            "user-features", "product-similarity", "product-catalog", "web-clickstream", "web-sessions", "online-orders", "customer-profiles", "order-history",
        ])
    }

    @Test func campaignAudiencesIsDownstreamOfRealtimeRecommendations() throws {
        let graph = try Fixture.retailGraph()
        let downstream = try graph.traverse(from: .product("realtime-recommendations"), direction: .downstream, depth: 20)
        #expect(products(downstream) == ["campaign-audiences"])
        #expect(downstream.distance(to: .product("campaign-audiences")) == 3)
        #expect(downstream.distance(to: .port(product: "realtime-recommendations", name: "served-recommendations", version: "1.0.0")) == 1)
    }

    @Test(arguments: [
        ("web-clickstream", ["user-features", "web-sessions", "realtime-recommendations", "campaign-audiences", "ChurnRiskScores"]),
        ("customer-consent", ["campaign-audiences", "ChurnRiskScores"]),
        ("product-catalog", ["product-similarity", "product-feed-legacy", "realtime-recommendations", "campaign-audiences"]),
        ("online-orders", ["order-history", "user-features", "product-similarity", "realtime-recommendations", "campaign-audiences", "ChurnRiskScores"]),
    ])
    func downstreamProductsFollowTheReadme(product: String, expected: [String]) throws {
        let downstream = try Fixture.retailGraph().traverse(from: .product(product), direction: .downstream, depth: 20)
        #expect(products(downstream) == Set(expected))
    }

    @Test func depthLimitsHowFarAWalkGoes() throws {
        let graph = try Fixture.retailGraph()
        let two = try graph.traverse(from: .product("web-clickstream"), direction: .downstream, depth: 2)
        #expect(products(two).isEmpty)
        #expect(two.nodes.allSatisfy { $0.distance <= 2 })
        let three = try graph.traverse(from: .product("web-clickstream"), direction: .downstream, depth: 3)
        #expect(products(three) == ["user-features", "web-sessions"])
        let clamped = try graph.traverse(from: .product("web-clickstream"), direction: .downstream, depth: 1_000)
        #expect(clamped.depth == LineageGraph.maximumDepth)
        let zero = try graph.traverse(from: .product("web-clickstream"), direction: .downstream, depth: -3)
        #expect(zero.nodes.map(\.node.id) == [.product("web-clickstream")])
    }

    @Test func bothDirectionsIsTheUnionNotEveryConnectedNode() throws {
        let graph = try Fixture.retailGraph()
        let both = try graph.traverse(from: .product("user-features"), direction: .both, depth: 20)
        #expect(products(both).isSuperset(of: ["web-clickstream", "realtime-recommendations", "ChurnRiskScores"]))
        #expect(!products(both).contains("customer-consent"), "a sibling input of a downstream product is neither up- nor downstream")
        #expect(both.distance(to: .product("web-clickstream")) == 3)
    }

    @Test func inputContractsRefineWhichInputFeedsWhichOutput() throws {
        let mesh = try Fixture.retailMesh()
        let product = try #require(mesh.products.first { $0.id == "user-features" })
        let edges = LineageGraph.edges(for: product, contracts: mesh.contracts)
        let feeds = edges.filter { $0.kind == .feeds }
        #expect(!feeds.isEmpty)
        #expect(feeds.allSatisfy { $0.from.kind == .contract && $0.to.kind == .port && $0.to.components[0] == "user-features" })
        #expect(edges.contains(LineageEdge(from: .contract("orders.order-events", version: "1.0.0"), to: .product("user-features"), kind: .readBy)))
        #expect(edges.contains(LineageEdge(
            from: .dataset(DatasetIdentifier(namespace: "s3://retail-lakehouse-prod", name: "warehouse/recommendations/user_features_daily")),
            to: .port(product: "user-features", name: "offline-features", version: "1.3.0"), kind: .materializes)))
    }

    @Test func nodesCarryNamesAndOwningTeams() throws {
        let graph = try Fixture.retailGraph()
        let node = try #require(graph.node(.product("realtime-recommendations")))
        #expect(node.label == "Real-time Recommendations")
        #expect(node.team == "reco-serving")
        #expect(graph.node(.contract("orders.order-events", version: "1.1.0"))?.team == "order-platform")
    }

    @Test func shortestPathFollowsTheDataFlowEitherWay() throws {
        let graph = try Fixture.retailGraph()
        let path = try #require(try graph.shortestPath(from: .product("web-clickstream"), to: .product("campaign-audiences")))
        #expect(path.nodes.first == .product("web-clickstream"))
        #expect(path.nodes.last == .product("campaign-audiences"))
        #expect(path.edges.count == path.nodes.count - 1)
        #expect(path.nodes.map(\.description) == [
            "product:web-clickstream", "port:web-clickstream/page-views@2.0.0", "contract:clickstream.page-views@2.0.0",
            "port:user-features/online-features@1.3.0", "contract:recommendations.user-features-online@1.3.0",
            "port:realtime-recommendations/served-recommendations@1.0.0", "contract:recommendations.served-recommendations@1.0.0",
            "product:campaign-audiences",
        ])
        #expect(path.edges.map(\.kind) == [.publishes, .conformsTo, .feeds, .conformsTo, .feeds, .conformsTo, .readBy])
        let reversed = try #require(try graph.shortestPath(from: .product("campaign-audiences"), to: .product("web-clickstream")))
        #expect(reversed == path)
        #expect(try graph.shortestPath(from: .product("customer-consent"), to: .product("web-clickstream")) == nil)
    }

    @Test func unknownNodesAreErrorsWithACode() throws {
        let graph = try Fixture.retailGraph()
        #expect(throws: LineageQueryError.self) { try graph.traverse(from: .product("no-such-product"), direction: .upstream, depth: 3) }
        do {
            _ = try graph.shortestPath(from: .product("web-clickstream"), to: .product("nope"))
        } catch {
            #expect(error.code == .unknownNode)
            #expect(error.message.contains("product:nope"))
        }
    }
}

/// ODPS v1.1.0 `deprecated` on a product and its port shows in the lineage labels every export uses.
struct DeprecatedLineageTests {
    @Test func aDeprecatedProductAndPortSaySoInTheirLabels() throws {
        let documents = try #require(try Fixture.json("retail-mesh.json").arrayValue)
        let legacy = try #require(documents.first { $0["id"] == "product-feed-legacy" })
        let marked = legacy.setting("/apiVersion", to: "v1.1.0").setting("/deprecated", to: true).setting("/outputPorts/0/deprecated", to: true)
        let mesh = try Fixture.retailMesh()
        let subgraph = LineageGraph.subgraph(for: try DataProduct(json: marked), contracts: mesh.contracts)
        let labels = Dictionary(uniqueKeysWithValues: subgraph.nodes.map { ($0.id, $0.label) })
        #expect(labels[.product("product-feed-legacy")] == "Legacy Product Feed (deprecated)")
        #expect(labels[.port(product: "product-feed-legacy", name: "nightly-feed", version: "1.4.0")] == "product-feed-legacy/nightly-feed@1.4.0 (deprecated)")
        let current = LineageGraph.subgraph(for: try DataProduct(json: legacy), contracts: mesh.contracts)
        #expect(current.nodes.allSatisfy { !$0.label.contains("deprecated") })
    }
}
