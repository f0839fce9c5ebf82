import JSON
import MeshModel
import YAML

/// A document as submitted (a file or a request body): its parsed JSON, the exact bytes, and
/// enough of its source to point at line:column when a later check finds a problem.
public struct DocumentSubmission: Sendable {
    public enum MediaType: String, Sendable {
        case yaml = "application/yaml"
        case json = "application/json"
    }

    public var json: JSONValue
    public var original: [UInt8]
    public var mediaType: MediaType
    /// A file path or a label like "request body"; nil when there is nothing useful to say.
    public var source: String?
    private(set) var yaml: YAMLDocument?

    /// Parses `bytes` as YAML or JSON; a syntax error becomes an `invalid-document` error with its
    /// line and column.
    public static func decode(_ bytes: [UInt8], mediaType: MediaType, source: String? = nil) throws(RegistryError) -> DocumentSubmission {
        let prefix = source.map { "\($0):" } ?? ""
        switch mediaType {
        case .json:
            do {
                let json = try JSONParser.parse(bytes)
                return DocumentSubmission(json: json, original: bytes, mediaType: .json, source: source, yaml: nil)
            } catch {
                throw syntaxError("\(prefix)\(error.line):\(error.column)", error.message, format: "JSON")
            }
        case .yaml:
            do {
                let document = try YAMLReader.parse(bytes)
                return DocumentSubmission(json: document.value, original: bytes, mediaType: .yaml, source: source, yaml: document)
            } catch {
                throw syntaxError("\(prefix)\(error.line):\(error.column)", error.message, format: "YAML")
            }
        }
    }

    /// Parses a file named `path`: `.json` and `.avsc` (Avro schemas are JSON) as JSON, others as
    /// YAML. Content that starts like JSON (`{` or `[`) is read as JSON first, the same value at a
    /// fraction of the cost, and as YAML only when it is not JSON (a flow mapping like `{kind: Domain}`).
    public static func decode(_ bytes: [UInt8], path: String) throws(RegistryError) -> DocumentSubmission {
        let name = path.lowercased()
        if name.hasSuffix(".json") || name.hasSuffix(".avsc") { return try decode(bytes, mediaType: .json, source: path) }
        let first = firstSignificantByte(of: bytes)
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "["), let submission = try? decode(bytes, mediaType: .json, source: path) {
            return submission
        }
        return try decode(bytes, mediaType: .yaml, source: path)
    }

    /// The first byte that is not JSON whitespace: how a document without a name or media type
    /// says whether it is JSON.
    public static func firstSignificantByte(of bytes: [UInt8]) -> UInt8? {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }

    /// The issues with their `file:line:column` (of the node at each pointer, or of its nearest
    /// ancestor). For JSON the text is read again here, once for all of them, so only documents
    /// with errors pay for positions.
    public func locate(_ issues: [ValidationIssue]) -> [LocatedIssue] {
        let locations: [(line: Int, column: Int)?]
        switch mediaType {
        case .yaml: locations = issues.map { issue in yaml?.location(of: issue.pointer).map { ($0.line, $0.column) } }
        case .json: locations = JSONParser.locations(of: issues.map(\.pointer), in: original)
        }
        return zip(issues, locations).map { issue, location in
            LocatedIssue(issue, source: location.map { "\(source ?? "line"):\($0.line):\($0.column)" } ?? source)
        }
    }

    private static func syntaxError(_ location: String, _ message: String, format: String) -> RegistryError {
        let issue = ValidationIssue(pointer: .root, code: "syntax", message: message)
        return RegistryError(.invalidDocument, "\(location): the document is not valid \(format): \(message)",
                             issues: [LocatedIssue(issue, source: location)])
    }
}
