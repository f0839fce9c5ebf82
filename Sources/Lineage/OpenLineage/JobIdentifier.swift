/// An OpenLineage job name: the scheduler `namespace` and the job `name` within it.
public struct JobIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The namespace, e.g. `airflow-prod`.
    public var namespace: String
    /// The job's name, e.g. `orders_dag.load_order_history`.
    public var name: String

    /// Creates an identifier.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `namespace/name`.
    public var description: String { "\(namespace)/\(name)" }

    /// The job's lineage node.
    public var nodeID: LineageNodeID { .job(namespace: namespace, name: name) }

    public static func < (lhs: JobIdentifier, rhs: JobIdentifier) -> Bool { (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name) }
}
