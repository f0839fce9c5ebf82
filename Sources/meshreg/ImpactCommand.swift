import Arguments
import JSON
import Lineage
import Registry

/// `meshreg impact`: what a proposed contract version breaks downstream (docs/ARCHITECTURE.md, "Lineage").
enum ImpactCommand: Command {
    static let specification = CommandSpecification(
        name: "impact", summary: "Show the downstream products, teams and columns a proposed contract change breaks.",
        usage: "<contract-file>",
        options: [GlobalOptions.database, GlobalOptions.format] + GlobalOptions.remote,
        arguments: 1...1,
        discussion: """
            The proposed ODCS contract is checked against the registered versions of its major line;
            the properties its breaking findings name are followed downstream through the products
            that read them and, where OpenLineage sent column lineage, through columns.

            EXAMPLES:
              meshreg impact orders.order-events-v1.2.0.odcs.yaml
              meshreg impact proposed.yaml --format json

            EXIT STATUS: 0 nothing downstream breaks, 1 something does, 2 usage or input error.
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let read = try DocumentFiles.read([arguments.arguments[0]])
        if let error = read.errors.first { throw error }
        guard let submission = read.submissions.first else { throw CommandError("\(arguments.arguments[0]) holds no document") }
        if let remote = try context.remote() {
            let impact = try remote.send("POST", "/api/v1/impact", body: submission.json)
            context.printJSON(impact)
            return impact["breaks"] == true ? .checkFailed : .success
        }
        let impact = try LineageService(registry: try context.registry()).impact(proposed: submission)
        switch context.format {
        case .json:
            var products: [JSONValue] = []
            for product in impact.report.products {
                products.append([
                    "id": .string(product.id), "team": product.team.map(JSONValue.string) ?? .null, "distance": .integer(Int64(product.distance)),
                    "ports": .array(product.ports.map { .string($0.description) }), "columns": .array(product.columns.map { .string($0.description) }),
                ])
            }
            context.printJSON([
                "breaks": .bool(impact.breaksSomething),
                "broken": .array(impact.broken.map { .string($0.contract.description + ($0.properties.isEmpty ? "" : " " + $0.properties.joined(separator: ","))) }),
                "products": .array(products), "teams": .array(impact.report.teams.map(JSONValue.string)),
            ])
        case .table:
            if impact.broken.isEmpty {
                print("the change breaks nothing registered: it is compatible with its line")
            }
            for item in impact.broken {
                let what = item.properties.isEmpty ? "the whole contract" : item.properties.joined(separator: ", ")
                print("breaks \(item.contract): \(what)")
            }
            if !impact.report.products.isEmpty {
                let rows = impact.report.products.map { product in
                    [String(product.distance), product.id, product.team ?? "-", product.ports.map(\.displayName).joined(separator: " "),
                     product.columns.map(\.displayName).joined(separator: " ")]
                }
                print(Terminal.table(["DISTANCE", "PRODUCT", "TEAM", "PORTS", "COLUMNS"], rows))
                print("teams to tell: \(impact.report.teams.joined(separator: ", "))")
            } else if !impact.broken.isEmpty {
                print("nothing downstream reads it")
            }
        }
        return impact.breaksSomething ? .checkFailed : .success
    }
}
