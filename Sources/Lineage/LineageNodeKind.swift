/// What a lineage node stands for.
public enum LineageNodeKind: String, Sendable, Hashable, CaseIterable {
    /// An ODPS data product, `product:<id>`.
    case product
    /// A product's output port, `port:<productId>/<portName>@<version>`.
    case port
    /// An ODCS contract version, `contract:<id>@<version>`.
    case contract
    /// An OpenLineage dataset, `dataset:<namespace>:<name>`.
    case dataset
    /// An OpenLineage job, `job:<namespace>:<name>`.
    case job
    /// A field of a dataset, `column:<namespace>:<name>:<field>`.
    case column
    /// A consumer team holding a grant, `team:<name>`.
    case team

    /// The separator placed before each component after the first; the first follows `kind:`.
    var separators: [Character] {
        switch self {
        case .product, .team: []
        case .port: ["/", "@"]
        case .contract: ["@"]
        case .dataset, .job: [":"]
        case .column: [":", ":"]
        }
    }
}
