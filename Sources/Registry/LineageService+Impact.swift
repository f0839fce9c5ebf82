import Compatibility
import JSON
import Lineage
import MeshModel

extension LineageService {
    /// The impact of publishing `submission`, a proposed ODCS contract: breaking findings of the
    /// registry's compatibility check against its registered line, as broken properties of each
    /// version compared with, then ``impact(of:)``.
    public func impact(proposed submission: DocumentSubmission) throws(RegistryError) -> LineageImpact {
        try impact(of: try registry.evolution(of: submission))
    }

    /// The impact of a contract version's breaking findings against its registered line.
    public func impact(of evolution: ContractEvolution) throws(RegistryError) -> LineageImpact {
        let line = try registry.read { store in
            try store.contractLine(evolution.contractID, major: evolution.version.major, below: evolution.version)
        }
        var pointers: [Int: [JSONPointer]] = [:]
        var whole: Set<Int> = []
        for finding in evolution.report.breakingFindings {
            guard let pointer = finding.oldPath else {
                whole.insert(finding.previousIndex)
                continue
            }
            pointers[finding.previousIndex, default: []].append(pointer)
        }
        var broken: [BrokenContract] = []
        for index in Set(pointers.keys).union(whole).sorted() where line.indices.contains(index) {
            guard let document = try? DataContract(json: line[index].document) else { continue }
            let found = pointers[index] ?? []
            let resolved = BrokenContract(document: document, pointers: found)
            let everyPointerNamesAProperty = found.allSatisfy { !BrokenContract(document: document, pointers: [$0]).properties.isEmpty }
            broken.append(whole.contains(index) || !everyPointerNamesAProperty ? BrokenContract(contract: resolved.contract) : resolved)
        }
        return try impact(of: broken)
    }

    /// The downstream readers of what `broken` breaks; an unregistered contract version is `not-found`.
    public func impact(of broken: [BrokenContract]) throws(RegistryError) -> LineageImpact {
        let graph = try graph()
        for item in broken where graph.node(.contract(item.contract.id, version: item.contract.version)) == nil {
            throw RegistryError(.notFound, "no contract \(item.contract.id) version \(item.contract.version) is registered")
        }
        do {
            return LineageImpact(broken: broken, report: try graph.impact(of: broken))
        } catch {
            throw RegistryError(.notFound, error.message)
        }
    }

    /// Column lineage of a contract property: the columns of every dataset holding the contract
    /// (by its servers, ``ContractDatasetMapping``) that the property is computed from or feeds.
    public func columnLineage(contractID: String, version: String, property: String, depth: Int = LineageGraph.maximumDepth) throws(RegistryError) -> [LineageColumnEntry] {
        let contract = try registry.contract(contractID, version: version)
        guard let document = try? DataContract(json: contract.document) else {
            throw RegistryError(.storageFailure, "the stored contract \(contractID)@\(version) does not parse")
        }
        let graph = try graph()
        var best: [LineageNodeID: LineageColumnEntry] = [:]
        for dataset in ContractDatasetMapping.datasets(for: document) {
            let start = LineageNodeID.column(dataset, field: property)
            guard graph.node(start) != nil else { continue }
            for direction in [LineageDirection.upstream, .downstream] {
                guard let walk = try? graph.traverse(from: start, direction: direction, depth: depth) else { continue }
                for reached in walk.nodes where reached.distance > 0 {
                    let entry = LineageColumnEntry(column: reached.node.id, direction: direction, distance: reached.distance)
                    if let existing = best[reached.node.id], existing.distance <= entry.distance { continue }
                    best[reached.node.id] = entry
                }
            }
        }
        return best.values.sorted { ($0.direction.rawValue, $0.distance, $0.column) < ($1.direction.rawValue, $1.distance, $1.column) }
    }
}
