/// The JSON Schema dialect a document declares with `$schema`; draft-07 when absent.
public enum JSONSchemaDraft: String, Sendable, Hashable {
    case draft7 = "draft-07"
    case draft2019 = "2019-09"
    case draft2020 = "2020-12"

    /// Reads the dialect from a `$schema` URI; unknown or absent URIs mean draft-07.
    init(schemaURI: String?) {
        guard let uri = schemaURI else { self = .draft7; return }
        if uri.contains("2020-12") {
            self = .draft2020
        } else if uri.contains("2019-09") {
            self = .draft2019
        } else {
            self = .draft7
        }
    }
}
