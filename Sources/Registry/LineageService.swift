import JSON
import Lineage
import Synchronization

/// The registry's lineage: the stored graph kept in memory for queries, OpenLineage
/// ingestion and impact analysis, shared by the HTTP API and the CLI.
///
/// The graph is built from the tables when the service opens and catches up on the logged
/// changes (`lineage_changes`, in commit order) after each of its own writes and before each
/// query, so writes through any `Registry` on the same file (another process included) show.
/// `Mutex` guards the graph; readers get a copy-on-write snapshot and walk it without the lock.
/// See docs/ARCHITECTURE.md, "Lineage".
public final class LineageService: Sendable {
    public let registry: Registry
    private struct State: Sendable {
        var stored: LineageSnapshot
        /// Changes committed by this process that arrived before an earlier one.
        var pending: [Int64: LineageChange] = [:]
    }

    private let state: Mutex<State>

    /// Opens the lineage of `registry`, first filling the tables from the stored documents when
    /// the registry predates them.
    public init(registry: Registry) throws(RegistryError) {
        self.registry = registry
        let needsBackfill = try registry.read { store in
            try store.latestLineageChange() == 0 && store.count("products") > 0
        }
        if needsBackfill { try registry.write { store in try store.rebuildLineage() } }
        state = Mutex(State(stored: try registry.read { store in try store.loadLineage() }))
    }

    /// A snapshot of the graph with every committed change applied.
    public func graph() throws(RegistryError) -> LineageGraph {
        let known = state.withLock { $0.stored.sequence }
        let changes = try registry.read { store in try store.lineageChanges(after: known) }
        guard let first = changes.first else { return state.withLock { $0.stored.graph } }
        if first.sequence != known + 1 || changes.count == 10_000 {
            let reloaded = try registry.read { store in try store.loadLineage() }
            return state.withLock { state in
                if reloaded.sequence > state.stored.sequence { state = State(stored: reloaded) }
                return state.stored.graph
            }
        }
        return apply(changes)
    }

    /// Applies committed changes in sequence order: ones further ahead wait (bounded) for the
    /// missing ones, which a later call or the next query's catch-up brings.
    @discardableResult
    func apply(_ changes: [LineageChange]) -> LineageGraph {
        state.withLock { state in
            for change in changes where change.sequence > state.stored.sequence { state.pending[change.sequence] = change }
            while let change = state.pending.removeValue(forKey: state.stored.sequence + 1) {
                for node in change.nodes { state.stored.graph.add(node) }
                for edge in change.removed { state.stored.graph.remove(edge) }
                for edge in change.added { state.stored.graph.add(edge) }
                state.stored.sequence = change.sequence
            }
            if state.pending.count > 1_000 { state.pending.removeAll() }
            return state.stored.graph
        }
    }

    /// The walk from `id`; an unknown node is `not-found`.
    public func traverse(from id: LineageNodeID, direction: LineageDirection, depth: Int) throws(RegistryError) -> LineageTraversal {
        do {
            return try graph().traverse(from: id, direction: direction, depth: depth)
        } catch let error as LineageQueryError {
            throw RegistryError(.notFound, error.message)
        } catch {
            throw Self.registryError(error)
        }
    }

    /// The walk from a product; `not-found` when no product of that id is in the graph.
    public func productLineage(_ productID: String, direction: LineageDirection, depth: Int) throws(RegistryError) -> LineageTraversal {
        let graph = try graph()
        guard graph.node(.product(productID)) != nil else {
            throw RegistryError(.notFound, "no product \(productID) is registered; `meshreg list products` shows the ids")
        }
        do {
            return try graph.traverse(from: .product(productID), direction: direction, depth: depth)
        } catch {
            throw RegistryError(.notFound, error.message)
        }
    }

    /// Reads a node id in our canonical form or Marquez's `dataset:NAMESPACE:NAME` / `job:NAMESPACE:NAME`.
    public func nodeID(parsing text: String) throws(RegistryError) -> LineageNodeID {
        guard let id = try graph().nodeID(parsing: text) else {
            throw RegistryError(.notFound, "'\(text)' is not a known lineage node; write dataset:NAMESPACE:NAME, job:NAMESPACE:NAME or a canonical id such as product:ID")
        }
        return id
    }

    /// Stores replacements for many sources in one transaction (benchmarks and bulk loads).
    package func replace(_ sources: [(source: String, subgraph: LineageSubgraph)]) throws(RegistryError) {
        try registry.write { store in
            for item in sources { try store.replaceLineage(source: item.source, with: item.subgraph) }
        }
        _ = try graph()
    }

    static func registryError(_ error: any Error) -> RegistryError {
        (error as? RegistryError) ?? RegistryError(.storageFailure, "lineage failed: \(error)")
    }
}
