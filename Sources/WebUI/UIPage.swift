/// A page of the web UI: its URL pattern, title and the module that draws it.
/// See docs/ARCHITECTURE.md, "Web UI".
public enum UIPage: String, Sendable, CaseIterable {
    case catalog, product, contract, lineage, impact, governance, subjects

    /// The route template under which the page is served.
    public var template: String {
        switch self {
        case .catalog: "/ui"
        case .product: "/ui/products/{id}"
        case .contract: "/ui/contracts/{id}/{version}"
        case .lineage: "/ui/lineage/{productId}"
        case .impact: "/ui/impact"
        case .governance: "/ui/governance"
        case .subjects: "/ui/subjects"
        }
    }

    public var title: String {
        switch self {
        case .catalog: "Catalog"
        case .product: "Data product"
        case .contract: "Data contract"
        case .lineage: "Lineage"
        case .impact: "Impact analysis"
        case .governance: "Governance"
        case .subjects: "Kafka subjects"
        }
    }

    /// The page's own module under `/ui/assets/`.
    public var module: String { "\(rawValue).js" }

    /// The assets a browser loads for this page: the style sheet, the shared modules and its own.
    public var assets: [String] { ["meshreg.css", "app.js", "dom.js", "api.js", module] }
}
