import Foundation
import Lineage
import Testing

struct LineageLayoutTests {
    private func product(_ id: String) -> LineageNodeID { .product(id) }

    /// a → b → c and a → c: c sits right of b, b right of a (longest path), every edge points right.
    @Test func layersFollowTheLongestPathAndEdgesPointRight() {
        let (a, b, c) = (product("a"), product("b"), product("c"))
        let graph = LineageSubgraph(nodes: [], edges: [
            LineageEdge(from: a, to: b, kind: .feeds), LineageEdge(from: b, to: c, kind: .feeds), LineageEdge(from: a, to: c, kind: .feeds),
        ])
        let layout = LineageLayout(graph, root: a)
        let layers = Dictionary(uniqueKeysWithValues: layout.boxes.map { ($0.node!, $0.layer) })
        #expect(layers == [a: 0, b: 1, c: 2])
        #expect(layout.links.count == 3)
        for link in layout.links { #expect(layout.boxes[link.from].x < layout.boxes[link.to].x) }
        #expect(layout.width >= layout.boxes.map { $0.x + LineageLayout.boxWidth }.max()!)
    }

    /// A cycle still places every node once, and boxes in one layer never overlap.
    @Test func cyclesAreBrokenAndBoxesDoNotOverlap() {
        let ids = (0..<6).map { product("p\($0)") }
        var edges = zip(ids, ids.dropFirst()).map { LineageEdge(from: $0, to: $1, kind: .feeds) }
        edges.append(LineageEdge(from: ids[5], to: ids[0], kind: .feeds))
        edges.append(LineageEdge(from: ids[0], to: ids[3], kind: .feeds))
        let layout = LineageLayout(LineageSubgraph(nodes: [], edges: edges))
        #expect(layout.boxes.count == 6)
        let positions = layout.boxes.map { "\($0.x),\($0.y)" }
        #expect(Set(positions).count == 6, "two boxes share a position: \(positions)")
    }

    /// Above the node limit, nodes collapse into one box per group; the root stays itself and every node is counted once.
    @Test func largeGraphsCollapseByGroup() {
        let root = product("root")
        var edges: [LineageEdge] = []
        for index in 0..<600 { edges.append(LineageEdge(from: root, to: product("n\(index)"), kind: .feeds)) }
        let graph = LineageSubgraph(nodes: [], edges: edges)
        let layout = LineageLayout(graph, root: root, nodeLimit: 500) { node in
            "domain d\(Int(node.id.components[0].dropFirst())! % 3)"
        }
        #expect(layout.isCollapsed)
        #expect(layout.boxes.count == 4)
        #expect(layout.boxes.reduce(0) { $0 + $1.count } == 601)
        #expect(layout.boxes.contains { $0.node == root })
        #expect(layout.links.count == 3)
        #expect(!LineageLayout(graph, root: root, nodeLimit: 1_000).isCollapsed)
    }

    /// Labels are text: markup in a product's name is escaped, and only linked nodes become `<a>`.
    @Test func svgEscapesLabelsAndLinksNodes() throws {
        let hostile = "<img src=x onerror=alert(1)>"
        let (a, b) = (product("a"), product("b"))
        let graph = LineageSubgraph(nodes: [LineageNode(id: a, label: hostile), LineageNode(id: b, label: "B & \"quoted\"")],
                                    edges: [LineageEdge(from: a, to: b, kind: .feeds), LineageEdge(from: b, to: .team("t"), kind: .grant)])
        let svg = LineageExport.svg(LineageLayout(graph, root: a), root: a, title: "Lineage of \(hostile)") { node in
            node.kind == .product ? "/ui/products/\(node.components[0])" : nil
        }
        #expect(!svg.contains("<img"))
        #expect(svg.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(svg.contains("B &amp; &quot;quoted&quot;"))
        #expect(svg.components(separatedBy: "<a ").count - 1 == 2)
        #expect(svg.components(separatedBy: "<path class=\"edge").count - 1 == 2)
        #expect(svg.contains(#"href="/ui/products/a""#))
        #expect(svg.contains(#"class="node node-product root""#))
    }
}
