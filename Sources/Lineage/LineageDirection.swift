/// Which way a query walks from its start node (the API's `direction` parameter).
public enum LineageDirection: String, Sendable, Hashable, CaseIterable {
    /// Against the data flow: what the node reads from.
    case upstream
    /// With the data flow: what reads from the node.
    case downstream
    /// Both: the union of the upstream and the downstream walk (not every connected node).
    case both
}
