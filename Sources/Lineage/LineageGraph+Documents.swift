import MeshModel

extension LineageGraph {
    /// The nodes and edges a product document contributes.
    ///
    /// The product publishes each output port (`publishes`); a port conforms to its contract
    /// version (`conformsTo`); each input port's contract is read by the product (`readBy`);
    /// `outputPorts[].inputContracts` adds input contract → output port (`feeds`); and each
    /// dataset of a port's contract (``ContractDatasetMapping``) materializes the port. `contracts`
    /// supplies the documents for labels, teams and datasets; missing ones still get nodes. A product
    /// or port marked `deprecated` (ODPS v1.1.0) says so in its label, which every export shows.
    public static func subgraph(for product: DataProduct, contracts: some Sequence<DataContract>) -> LineageSubgraph {
        var documents: [ContractReference: DataContract] = [:]
        for contract in contracts {
            if let reference = contract.reference { documents[reference] = contract }
        }
        var subgraph = LineageSubgraph()
        let productID = LineageNodeID.product(product.id)
        subgraph.add(LineageNode(id: productID, label: deprecatedLabel(product.name ?? productID.displayName, product.deprecated), team: product.teamName))
        func contractNode(_ reference: ContractReference) -> LineageNodeID {
            let id = LineageNodeID.contract(reference.id, version: reference.version)
            let document = documents[reference]
            subgraph.add(LineageNode(id: id, label: document?.name, team: document?.teamName))
            return id
        }
        for input in product.inputPorts {
            subgraph.add(LineageEdge(from: contractNode(input.reference), to: productID, kind: .readBy))
        }
        for output in product.outputPorts {
            let portID = LineageNodeID.port(product: product.id, name: output.name, version: output.version)
            subgraph.add(LineageNode(id: portID, label: deprecatedLabel(portID.displayName, output.deprecated), team: product.teamName))
            subgraph.add(LineageEdge(from: productID, to: portID, kind: .publishes))
            for input in output.inputContracts {
                subgraph.add(LineageEdge(from: contractNode(input), to: portID, kind: .feeds))
            }
            guard let reference = output.contractReference else { continue }
            subgraph.add(LineageEdge(from: portID, to: contractNode(reference), kind: .conformsTo))
            for dataset in documents[reference].map(ContractDatasetMapping.datasets(for:)) ?? [] {
                subgraph.add(LineageEdge(from: .dataset(dataset), to: portID, kind: .materializes))
            }
        }
        return subgraph
    }

    /// The label of a product or port, marked when it is deprecated.
    static func deprecatedLabel(_ label: String, _ deprecated: Bool) -> String {
        deprecated ? "\(label) (deprecated)" : label
    }

    /// The edges of ``subgraph(for:contracts:)``.
    public static func edges(for product: DataProduct, contracts: some Sequence<DataContract>) -> [LineageEdge] {
        subgraph(for: product, contracts: contracts).edges
    }
}
