import JSON
import Lineage
import MeshModel

extension LineageService {
    /// Accepts one OpenLineage RunEvent, JobEvent or DatasetEvent (2-0-x), as Marquez does.
    ///
    /// The raw event is kept by its idempotency key, so a resent event changes nothing. A run's
    /// events merge (``RunState``) and replace the run's edges (`run:<runId>`); a JobEvent
    /// replaces its job's (`job:<namespace>/<name>`), a DatasetEvent its dataset's. Every accepted
    /// event is audited as `lineage.ingest`; an invalid one is refused with every problem's JSON
    /// Pointer (`invalid-document`) and audited as refused. `original` is the event's text as
    /// received, kept as the raw event (default: `json` encoded).
    public func ingest(_ json: JSONValue, original: String? = nil, actor: Principal) throws(RegistryError) -> LineageIngestResult {
        let event: OpenLineageEvent
        do {
            event = try OpenLineageEvent(json: json)
        } catch {
            let issues = error.issues.map { LocatedIssue(ValidationIssue(pointer: $0.pointer, code: $0.code, message: $0.message)) }
            let refusal = RegistryError(.invalidDocument, "the OpenLineage event is not valid; fix the fields listed and send it again", issues: issues)
            let detail = Refusal(action: "lineage.ingest", target: "openlineage", domain: nil, error: refusal).detail
            _ = try? registry.write { store in
                let entry = AuditEntry(at: store.now, actor: actor.description, action: "lineage.ingest", targetKind: "lineage", target: "openlineage",
                                       revision: nil, domain: nil, outcome: .refused, code: refusal.code.rawValue, detail: detail)
                try store.appendAudit(entry)
                try store.appendEvent(for: entry)
            }
            throw refusal
        }
        // Concurrent events share a commit: the database pool batches writes (group commit).
        let (result, change) = try registry.write { store in
            try Self.store(event, key: event.idempotencyKey, body: original ?? json.encoded(), actor: actor, in: store)
        }
        if let change { apply([change]) }
        return result
    }

    /// Stores one event: the raw event (`body`, by its idempotency `key`), the run's merged state
    /// and its lineage, and the audit entry.
    private static func store(_ event: OpenLineageEvent, key: String, body: String, actor: Principal,
                              in store: RegistryStore) throws -> (LineageIngestResult, LineageChange?) {
        let isNew = try store.insertLineageEvent(event, key: key, body: body)
        var run: JSONValue?
        var change: LineageChange?
        if isNew {
            switch event.kind {
            case .run:
                if let state = try store.runState(after: event, key: key) {
                    try store.upsertRun(state)
                    change = try store.replaceLineage(source: "run:\(state.runID)", with: state.subgraph)
                    run = RegistryStore.json(state)
                    if event.eventType == .complete {
                        try store.appendEvent(type: "lineage-run.completed", subject: "run:\(state.runID)", domain: nil, team: nil,
                                              data: ["id": .string("run:\(state.runID)"), "runId": .string(state.runID),
                                                     "job": .string(state.job.description), "actor": .string(actor.description),
                                                     "inputs": .integer(Int64(state.inputs.count)), "outputs": .integer(Int64(state.outputs.count))])
                    }
                }
            case .job:
                if let job = event.job { change = try store.replaceLineage(source: "job:\(job)", with: event.subgraph) }
            case .dataset:
                if let dataset = event.dataset { change = try store.replaceLineage(source: "dataset:\(dataset.identifier)", with: event.subgraph) }
            }
        } else if let runID = event.runID {
            run = try store.storedRun(runID)
        }
        var detail: JSONObject = ["key": .string(key), "kind": .string(event.kind.rawValue), "duplicate": .bool(!isNew)]
        detail["eventType"] = event.eventType.map { .string($0.rawValue) }
        detail["job"] = event.job.map { .string($0.description) }
        try store.appendAudit(
            AuditEntry(at: store.now, actor: actor.description, action: "lineage.ingest", targetKind: "lineage",
                       target: event.runID.map { "run:\($0)" } ?? key, revision: nil, domain: nil, outcome: .allowed, code: nil,
                       detail: .object(detail)))
        return (LineageIngestResult(key: key, isDuplicate: !isNew, run: run), change)
    }

    /// The merged state of a run, or `not-found`.
    public func run(_ runID: String) throws(RegistryError) -> JSONValue {
        guard let run = try registry.read({ store in try store.storedRun(runID.lowercased()) }) else {
            throw RegistryError(.notFound, "no OpenLineage run \(runID) has been received")
        }
        return run
    }
}
