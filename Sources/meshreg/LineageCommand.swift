import Arguments
import JSON
import Lineage
import Registry

/// `meshreg lineage`: a product's upstream and downstream, as a table, JSON, DOT or Mermaid.
enum LineageCommand: Command {
    static let specification = CommandSpecification(
        name: "lineage", summary: "Show a product's upstream and downstream lineage.",
        usage: "<product-id>",
        options: [
            .flag("upstream", help: "Only what the product reads from."),
            .flag("downstream", help: "Only what reads from the product."),
            .option("depth", value: "N", help: "How many edges to walk (default 5, at most \(LineageGraph.maximumDepth))."),
            .option("format", value: "table|json|dot|mermaid", help: "A table for people (default), JSON, Graphviz DOT or Mermaid."),
            GlobalOptions.database,
        ] + GlobalOptions.remote,
        arguments: 1...1,
        discussion: """
            EXAMPLES:
              meshreg lineage online-orders --downstream
              meshreg lineage realtime-recommendations --upstream --depth 3 --format dot | dot -Tsvg > lineage.svg
              meshreg lineage order-history --format mermaid
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let product = arguments.arguments[0]
        let direction: LineageDirection
        switch (arguments.flag("upstream"), arguments.flag("downstream")) {
        case (true, true): throw CommandError("give --upstream or --downstream, not both (neither walks both ways)")
        case (true, false): direction = .upstream
        case (false, true): direction = .downstream
        case (false, false): direction = .both
        }
        var depth = 5
        if let text = arguments.value("depth") {
            guard let value = Int(text), value >= 0 else { throw CommandError("--depth must be a whole number from 0 to \(LineageGraph.maximumDepth), not '\(text)'") }
            depth = min(value, LineageGraph.maximumDepth)
        }
        let format = arguments.value("format") ?? "table"
        guard ["table", "json", "dot", "mermaid"].contains(format) else {
            throw CommandError("--format must be table, json, dot or mermaid, not '\(format)'")
        }
        if let remote = try context.remote() {
            let query = [("direction", direction.rawValue), ("depth", String(depth)), ("format", format == "table" ? "json" : format)]
            print(try remote.text("/api/v1/lineage/\(product)", query: query), terminator: format == "json" || format == "table" ? "\n" : "")
            return .success
        }
        let walk = try LineageService(registry: try context.registry()).productLineage(product, direction: direction, depth: depth)
        switch format {
        case "json": context.printJSON(LineageExport.json(walk.subgraph))
        case "dot": print(LineageExport.dot(walk.subgraph), terminator: "")
        case "mermaid": print(LineageExport.mermaid(walk.subgraph), terminator: "")
        default:
            let rows = walk.nodes.map { reached in
                [String(reached.distance), reached.node.id.kind.rawValue, reached.node.id.displayName, reached.node.team ?? "-"]
            }
            print(Terminal.table(["DISTANCE", "KIND", "NODE", "TEAM"], rows))
        }
        return .success
    }
}
