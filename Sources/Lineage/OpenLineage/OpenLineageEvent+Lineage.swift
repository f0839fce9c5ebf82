extension OpenLineageEvent {
    /// The event's lineage: dataset → job (`readBy`) for inputs, job → dataset
    /// (`writes`) for outputs, `sameAs` for `symlinks` (between datasets and between their known
    /// fields) and column → column (`derives`) for `columnLineage`, where dataset-level inputs feed
    /// every known field of the output. A DatasetEvent gives its dataset's part alone.
    public var subgraph: LineageSubgraph {
        if let dataset {
            var subgraph = LineageSubgraph()
            Self.add(dataset, to: &subgraph)
            return subgraph
        }
        return Self.subgraph(job: job, inputs: inputs, outputs: outputs)
    }

    /// The lineage of a job's inputs and outputs, shared by events and ``RunState``.
    static func subgraph(job: JobIdentifier?, inputs: [OpenLineageDataset], outputs: [OpenLineageDataset]) -> LineageSubgraph {
        var subgraph = LineageSubgraph()
        let jobID = job?.nodeID
        if let jobID { subgraph.add(LineageNode(id: jobID)) }
        for input in inputs {
            add(input, to: &subgraph)
            if let jobID { subgraph.add(LineageEdge(from: .dataset(input.identifier), to: jobID, kind: .readBy)) }
        }
        for output in outputs {
            add(output, to: &subgraph)
            if let jobID { subgraph.add(LineageEdge(from: jobID, to: .dataset(output.identifier), kind: .writes)) }
        }
        return subgraph
    }

    private static func add(_ dataset: OpenLineageDataset, to subgraph: inout LineageSubgraph) {
        let id = LineageNodeID.dataset(dataset.identifier)
        subgraph.add(LineageNode(id: id))
        let fieldNames = orderedUnique(dataset.fields.map(\.name) + dataset.columnLineage.map(\.field))
        for symlink in dataset.symlinks where symlink != dataset.identifier {
            subgraph.add(LineageEdge(from: id, to: .dataset(symlink), kind: .sameAs))
            for field in fieldNames {
                subgraph.add(LineageEdge(from: .column(dataset.identifier, field: field), to: .column(symlink, field: field), kind: .sameAs))
            }
        }
        for entry in dataset.columnLineage {
            for input in entry.inputs {
                subgraph.add(LineageEdge(from: .column(input.dataset, field: input.field), to: .column(dataset.identifier, field: entry.field), kind: .derives))
            }
        }
        for input in dataset.datasetLevelInputs {
            for field in fieldNames {
                subgraph.add(LineageEdge(from: .column(input.dataset, field: input.field), to: .column(dataset.identifier, field: field), kind: .derives))
            }
        }
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
