import JSON
import Lineage
import MeshModel
import SQL

/// Lineage SQL: edges tagged by source, replaced a source at a time in the write's
/// transaction, each replacement's diff logged in commit order for in-memory graphs.
/// See docs/ARCHITECTURE.md, "Lineage".
extension RegistryStore {
    /// How many change rows are kept; a graph further behind reloads from the tables.
    static let lineageChangesKept: Int64 = 50_000

    /// Makes `source`'s edges exactly those of `subgraph`, upserts its nodes and logs the diff
    /// (nodes whose label or team changed; edges no source holds any more are removed; new edges
    /// added); returns the logged change, or nil when nothing changed.
    @discardableResult
    func replaceLineage(source: String, with subgraph: LineageSubgraph) throws -> LineageChange? {
        var old: Set<LineageEdge> = []
        for row in try db.query("SELECT from_id, kind, to_id FROM lineage_edges WHERE source = ?", [source]) {
            if let edge = Self.edge(row) { old.insert(edge) }
        }
        let new = Set(subgraph.edges)
        let changedNodes = try upsertNodes(subgraph.nodes)
        let added = subgraph.edges.filter { !old.contains($0) }
        var removed: [LineageEdge] = []
        for edge in old.subtracting(new).sorted() {
            try db.run("DELETE FROM lineage_edges WHERE source = ? AND from_id = ? AND kind = ? AND to_id = ?",
                       [source, edge.from.description, edge.kind.rawValue, edge.to.description])
            let stillHeld = try !db.query("SELECT 1 FROM lineage_edges WHERE from_id = ? AND kind = ? AND to_id = ? LIMIT 1",
                                          [edge.from.description, edge.kind.rawValue, edge.to.description]).isEmpty
            if !stillHeld { removed.append(edge) }
        }
        try insertRows(added, "INSERT INTO lineage_edges (from_id, kind, to_id, source)", columns: 4) { edge in
            [edge.from.description, edge.kind.rawValue, edge.to.description, source]
        }
        if changedNodes.isEmpty && added.isEmpty && removed.isEmpty { return nil }
        let body: JSONValue = [
            "nodes": .array(changedNodes.map { node in
                [.string(node.id.description), node.label == node.id.displayName ? .null : .string(node.label), node.team.map(JSONValue.string) ?? .null]
            }),
            "added": .array(added.map(Self.json)), "removed": .array(removed.map(Self.json)),
        ]
        let inserted = try db.query("INSERT INTO lineage_changes (source, body, at) VALUES (?, ?, ?) RETURNING sequence", [source, body.encoded(), now])
        guard let sequence = inserted.first?.integer("sequence") else { preconditionFailure("INSERT … RETURNING returns the row it inserted") }
        if sequence % 1_000 == 0 {
            try db.run("DELETE FROM lineage_changes WHERE sequence <= ?", [sequence - Self.lineageChangesKept])
        }
        return LineageChange(sequence: sequence, nodes: changedNodes, added: added, removed: removed)
    }

    /// Inserts `nodes` and updates the stored ones whose label or team they change, a statement
    /// per `rowsPerInsert` nodes; returns the nodes inserted or changed, in their order.
    private func upsertNodes(_ nodes: [LineageNode]) throws -> [LineageNode] {
        let upserted = try insertRows(
            nodes, "INSERT INTO lineage_nodes (id, label, team)", columns: 3,
            then: """
                ON CONFLICT (id) DO UPDATE SET label = coalesce(excluded.label, lineage_nodes.label), team = coalesce(excluded.team, lineage_nodes.team)
                WHERE coalesce(excluded.label, lineage_nodes.label) IS DISTINCT FROM lineage_nodes.label
                    OR coalesce(excluded.team, lineage_nodes.team) IS DISTINCT FROM lineage_nodes.team
                RETURNING id
                """
        ) { node in
            [node.id.description, node.label == node.id.displayName ? nil : node.label, node.team]
        }
        let changed = Set(upserted.compactMap { $0.string("id") })
        return nodes.filter { changed.contains($0.id.description) }
    }

    /// Every node and distinct edge, with the latest change they include.
    func loadLineage() throws -> LineageSnapshot {
        var graph = LineageGraph()
        for row in try db.query("SELECT id, label, team FROM lineage_nodes") {
            guard let id = row.string("id").flatMap(LineageNodeID.init) else { continue }
            graph.add(LineageNode(id: id, label: row.string("label"), team: row.string("team")))
        }
        for row in try db.query("SELECT DISTINCT from_id, kind, to_id FROM lineage_edges") {
            if let edge = Self.edge(row) { graph.add(edge) }
        }
        return LineageSnapshot(graph: graph, sequence: try latestLineageChange())
    }

    /// The sequence of the latest logged change; 0 when there is none.
    func latestLineageChange() throws -> Int64 {
        try db.query("SELECT coalesce(max(sequence), 0) AS latest FROM lineage_changes").first?.integer("latest") ?? 0
    }

    /// Logged changes after `sequence`, oldest first.
    func lineageChanges(after sequence: Int64, limit: Int = 10_000) throws -> [LineageChange] {
        try db.query("SELECT sequence, body FROM lineage_changes WHERE sequence > ? ORDER BY sequence LIMIT ?", [sequence, limit]).compactMap { row in
            guard let sequence = row.integer("sequence"), let text = row.string("body"), let body = try? JSONParser.parse(text) else { return nil }
            let nodes = (body["nodes"]?.arrayValue ?? []).compactMap { value -> LineageNode? in
                guard let id = value[0]?.stringValue.flatMap(LineageNodeID.init) else { return nil }
                return LineageNode(id: id, label: value[1]?.stringValue, team: value[2]?.stringValue)
            }
            return LineageChange(sequence: sequence, nodes: nodes, added: Self.edges(body["added"]), removed: Self.edges(body["removed"]))
        }
    }

    private static func json(_ edge: LineageEdge) -> JSONValue {
        [.string(edge.from.description), .string(edge.kind.rawValue), .string(edge.to.description)]
    }

    private static func edges(_ value: JSONValue?) -> [LineageEdge] {
        (value?.arrayValue ?? []).compactMap { value in
            guard let from = value[0]?.stringValue.flatMap(LineageNodeID.init), let kind = value[1]?.stringValue.flatMap(LineageEdgeKind.init),
                let to = value[2]?.stringValue.flatMap(LineageNodeID.init)
            else { return nil }
            return LineageEdge(from: from, to: to, kind: kind)
        }
    }

    private static func edge(_ row: Row) -> LineageEdge? {
        guard let from = row.string("from_id").flatMap(LineageNodeID.init), let kind = row.string("kind").flatMap(LineageEdgeKind.init),
            let to = row.string("to_id").flatMap(LineageNodeID.init)
        else { return nil }
        return LineageEdge(from: from, to: to, kind: kind)
    }
}

// MARK: Hooks: the registry's own writes

extension RegistryStore {
    /// Replaces the edges of `product:<id>` with its current document's lineage; none once retired.
    /// `written` is the document just stored and indexed, when the caller has it parsed already.
    func refreshLineage(forProduct id: String, written: DataProduct? = nil) throws {
        let source = "product:\(id)"
        let current: DataProduct?
        if let written {
            current = written.status == .retired ? nil : written
        } else if let record = try productRecord(id), record.status != "retired" {
            current = try currentDocument(.product, id).flatMap { try? DataProduct(json: $0) }
        } else {
            current = nil
        }
        guard let product = current else {
            try replaceLineage(source: source, with: LineageSubgraph())
            return
        }
        var references = Set(product.inputPorts.map(\.reference))
        for port in product.outputPorts {
            if let reference = port.contractReference { references.insert(reference) }
            references.formUnion(port.inputContracts)
        }
        let contracts = try references.compactMap { try currentContract(Self.contractKey($0.id, $0.version)) }
        try replaceLineage(source: source, with: LineageGraph.subgraph(for: product, contracts: contracts))
    }

    /// The current revision of a contract version, typed once per content.
    func currentContract(_ key: String) throws -> DataContract? {
        guard let digest = try latestRevision(.contract, key)?.digest else { return nil }
        return try documents.contracts.value(digest) { try document(.contract, key, digest: digest).flatMap { try? DataContract(json: $0) } }
    }

    /// Gives the contract version its node and refreshes the products that use it (their datasets
    /// come from its servers).
    func refreshLineage(forContract id: String, version: String) throws {
        var subgraph = LineageSubgraph()
        let document = try currentContract(Self.contractKey(id, version))
        subgraph.add(LineageNode(id: .contract(id, version: version), label: document?.name, team: document?.teamName))
        try replaceLineage(source: "contract:\(id)@\(version)", with: subgraph)
        for product in try productsUsing(contract: id, version: version) { try refreshLineage(forProduct: product) }
    }

    /// An approved, unexpired grant is a `grant` edge from the port to the consumer team.
    func refreshLineage(forGrant id: String) throws {
        var subgraph = LineageSubgraph()
        if let request = try accessRequest(id), request.isActiveGrant {
            subgraph.add(LineageEdge(from: .port(product: request.product, name: request.port, version: request.portVersion),
                                     to: .team(request.team), kind: .grant))
        }
        try replaceLineage(source: "grant:\(id)", with: subgraph)
        for row in try db.query(
            """
            SELECT DISTINCT e.source FROM lineage_edges e JOIN access_requests a ON e.source = 'grant:' || a.id
            WHERE a.status != 'approved' OR (a.expires_at IS NOT NULL AND a.expires_at <= ?)
            """, [now])
        {
            if let source = row.string("source") { try replaceLineage(source: source, with: LineageSubgraph()) }
        }
    }

    /// Rebuilds every document source (after the lineage migration on an existing registry).
    func rebuildLineage() throws {
        for row in try db.query("SELECT contract_id, version FROM contract_versions") {
            if let id = row.string("contract_id"), let version = row.string("version") {
                try replaceLineage(source: "contract:\(id)@\(version)", with: LineageSubgraph(nodes: [LineageNode(id: .contract(id, version: version))], edges: []))
            }
        }
        for row in try db.query("SELECT id FROM products") {
            if let id = row.string("id") { try refreshLineage(forProduct: id) }
        }
        for row in try db.query("SELECT id FROM access_requests WHERE status = 'approved'") {
            if let id = row.string("id") { try refreshLineage(forGrant: id) }
        }
    }
}

// MARK: OpenLineage events and runs

extension RegistryStore {
    /// Stores a raw event under its idempotency key; false when that key is already stored.
    func insertLineageEvent(_ event: OpenLineageEvent, key: String, body: String) throws -> Bool {
        let inserted = try db.run(
            """
            INSERT INTO lineage_events (key, run_id, event_type, event_time, received_at, body) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO NOTHING
            """,
            [key, event.runID, event.eventType?.rawValue, event.eventTime.description, now, body])
        return inserted > 0
    }

    /// The run's state after `event`: the event merged with every other stored event of its run.
    func runState(after event: OpenLineageEvent, key: String) throws -> RunState? {
        guard let runID = event.runID else { return nil }
        var events = [event]
        // Keys of a run's events are `<runId>/…`; `0` follows `/`, so this is the key prefix range.
        for row in try db.query("SELECT body FROM lineage_events WHERE key > ? AND key < ? AND key != ?", [runID + "/", runID + "0", key]) {
            guard let text = row.string("body"), let json = try? JSONParser.parse(text), let other = try? OpenLineageEvent(json: json) else { continue }
            events.append(other)
        }
        events.sort { $0.eventTime < $1.eventTime }
        guard var state = RunState(events[0]) else { return nil }
        for other in events.dropFirst() { state.apply(other) }
        return state
    }

    func upsertRun(_ run: RunState) throws {
        try db.run(
            """
            INSERT INTO lineage_runs (run_id, job_namespace, job_name, status, status_time, start_time, end_time, inputs, outputs, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id) DO UPDATE SET job_namespace = excluded.job_namespace, job_name = excluded.job_name,
                status = excluded.status, status_time = excluded.status_time, start_time = excluded.start_time,
                end_time = excluded.end_time, inputs = excluded.inputs, outputs = excluded.outputs, updated_at = excluded.updated_at
            """,
            [run.runID, run.job.namespace, run.job.name, run.status.rawValue, run.statusTime.description, run.startTime?.description,
             run.endTime?.description, run.inputs.count, run.outputs.count, now])
    }

    /// `{runId, job, status, statusTime, startTime, endTime, inputs, outputs}` of a merged run.
    static func json(_ run: RunState) -> JSONValue {
        [
            "runId": .string(run.runID), "job": ["namespace": .string(run.job.namespace), "name": .string(run.job.name)],
            "status": .string(run.status.rawValue), "statusTime": .string(run.statusTime.description),
            "startTime": run.startTime.map { .string($0.description) } ?? .null, "endTime": run.endTime.map { .string($0.description) } ?? .null,
            "inputs": .integer(Int64(run.inputs.count)), "outputs": .integer(Int64(run.outputs.count)),
        ]
    }

    /// The merged state of a run as stored: `{runId, job, status, statusTime, startTime, endTime, inputs, outputs}`.
    func storedRun(_ runID: String) throws -> JSONValue? {
        guard let row = try db.query("SELECT * FROM lineage_runs WHERE run_id = ?", [runID]).first else { return nil }
        return [
            "runId": .string(runID),
            "job": ["namespace": .string(row.string("job_namespace") ?? ""), "name": .string(row.string("job_name") ?? "")],
            "status": .string(row.string("status") ?? ""), "statusTime": .string(row.string("status_time") ?? ""),
            "startTime": row.string("start_time").map(JSONValue.string) ?? .null, "endTime": row.string("end_time").map(JSONValue.string) ?? .null,
            "inputs": .integer(Int64(row.int("inputs") ?? 0)), "outputs": .integer(Int64(row.int("outputs") ?? 0)),
        ]
    }
}
