/// A lineage query that cannot run, with a stable code.
public struct LineageQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes.
    public enum Code: String, Sendable, Hashable {
        /// The start or end node is not in the graph.
        case unknownNode = "unknown-node"
    }

    /// The code.
    public var code: Code
    /// What went wrong and how to fix it.
    public var message: String

    /// The error for a node the graph does not have.
    static func unknown(_ id: LineageNodeID) -> LineageQueryError {
        LineageQueryError(code: .unknownNode, message: "node '\(id)' is not in the lineage graph; register its document or send its OpenLineage events first")
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
