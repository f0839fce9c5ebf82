extension LineageGraph {
    /// The downstream products (with ports, teams and, where column lineage exists, columns) that
    /// read what `broken` breaks, nearest first.
    ///
    /// The walk starts at the broken contract versions and the ports that publish them (so jobs
    /// reading the ports' datasets count) and follows the data flow up to ``maximumDepth``; a port whose inputs `inputContracts` names is impacted only when one of
    /// those inputs is. Columns start at each broken property of every dataset that materializes a
    /// port of the contract and follow column lineage.
    public func impact(of broken: [BrokenContract]) throws(LineageQueryError) -> ImpactReport {
        var starts: [Int32] = []
        for item in broken {
            let id = LineageNodeID.contract(item.contract.id, version: item.contract.version)
            guard let index = index(of: id) else { throw LineageQueryError.unknown(id) }
            starts.append(index)
            starts += incoming[index].filter { $0.kind == .conformsTo }.map(\.node)
        }
        var distances = [Int32](repeating: -1, count: nodeCount)
        var order: [Int32] = []
        walk(from: starts, lists: outgoing, depth: Self.maximumDepth, columns: false, refinedPorts: true, distances: &distances, order: &order)

        var products: [String: ImpactReport.Product] = [:]
        var teams: Set<String> = []
        for index in order where distances[Int(index)] > 0 {
            let node = nodes[Int(index)]
            switch node.id.kind {
            case .product:
                products[node.id.components[0]] = ImpactReport.Product(
                    id: node.id.components[0], name: node.label, team: node.team, distance: Int(distances[Int(index)]), ports: [], columns: [])
                if let team = node.team { teams.insert(team) }
            case .team: teams.insert(node.id.components[0])
            default: break
            }
        }
        for index in order where distances[Int(index)] > 0 && nodes[Int(index)].id.kind == .port {
            let id = nodes[Int(index)].id
            products[id.components[0]]?.ports.append(id)
        }

        let columns = impactedColumns(of: broken)
        for column in columns {
            guard let product = column.product else { continue }
            if products[product] == nil, let node = node(.product(product)) {
                products[product] = ImpactReport.Product(id: product, name: node.label, team: node.team, distance: column.distance, ports: [], columns: [])
                if let team = node.team { teams.insert(team) }
            }
            products[product]?.columns.append(column.id)
        }
        let ordered = products.values.map { product in
            var product = product
            product.ports.sort()
            product.columns.sort()
            return product
        }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return ImpactReport(products: ordered, columns: columns, teams: teams.sorted())
    }

    /// Columns reached by column lineage from the broken properties, nearest first.
    private func impactedColumns(of broken: [BrokenContract]) -> [ImpactReport.Column] {
        var starts: [Int32] = []
        for item in broken where !item.properties.isEmpty {
            guard let contract = index(of: .contract(item.contract.id, version: item.contract.version)) else { continue }
            for port in incoming[contract] where port.kind == .conformsTo {
                for dataset in incoming[port.node] where dataset.kind == .materializes {
                    guard let datasetID = nodes[Int(dataset.node)].id.dataset else { continue }
                    starts += item.properties.compactMap { index(of: .column(datasetID, field: $0)) }
                }
            }
        }
        var distances = [Int32](repeating: -1, count: nodeCount)
        var order: [Int32] = []
        walk(from: starts, lists: outgoing, depth: Self.maximumDepth, columns: true, distances: &distances, order: &order)
        return order.filter { distances[Int($0)] > 0 }.map { index in
            let id = nodes[Int(index)].id
            return ImpactReport.Column(id: id, distance: Int(distances[Int(index)]), product: id.dataset.flatMap(product(materializing:)))
        }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    }

    /// The product whose port `dataset` (or a `sameAs` name of it) materializes.
    private func product(materializing dataset: DatasetIdentifier) -> String? {
        guard let start = index(of: .dataset(dataset)) else { return nil }
        let names = [start] + outgoing[start].filter { $0.kind == .sameAs }.map(\.node)
        for name in names {
            if let port = outgoing[name].first(where: { $0.kind == .materializes && !$0.isReverse }) {
                return nodes[Int(port.node)].id.components[0]
            }
        }
        return nil
    }
}
