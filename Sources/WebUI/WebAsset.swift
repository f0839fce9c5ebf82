/// A static file of the web UI, embedded in the binary: served at `/ui/assets/<name>`.
public struct WebAsset: Sendable, Hashable {
    public let name: String
    public let contentType: String
    public let text: String

    /// The embedded assets: one style sheet, the shared modules and one module per page.
    /// See docs/ARCHITECTURE.md, "Web UI".
    public static let all: [WebAsset] = [
        WebAsset(name: "meshreg.css", contentType: "text/css; charset=utf-8", text: StyleSheet.source),
        script("app.js", AppScript.source),
        script("dom.js", DOMScript.source),
        script("api.js", APIScript.source),
        script("catalog.js", CatalogScript.source),
        script("product.js", ProductScript.source),
        script("contract.js", ContractScript.source),
        script("lineage.js", LineageScript.source),
        script("impact.js", ImpactScript.source),
        script("governance.js", GovernanceScript.source),
        script("subjects.js", SubjectsScript.source),
    ]

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The asset called `name`, or nil.
    public static func named(_ name: String) -> WebAsset? { byName[name] }

    private static func script(_ name: String, _ source: String) -> WebAsset {
        WebAsset(name: name, contentType: "text/javascript; charset=utf-8", text: source)
    }
}
