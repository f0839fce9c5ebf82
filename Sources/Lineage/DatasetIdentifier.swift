/// An OpenLineage dataset name: the datasource `namespace` and the dataset `name` within it.
///
/// ``normalized`` applies the OpenLineage "Naming" conventions so that names written by different
/// producers meet: `scheme://authority` namespaces, lowercase scheme and host, default ports for
/// database and Kafka URIs, `s3a`/`s3n` as `s3`, object-store names without a leading `/`.
public struct DatasetIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The datasource, e.g. `kafka://kafka-1.retail.internal:9092` or `s3://bucket`.
    public var namespace: String
    /// The dataset within the datasource, e.g. a topic, `database.schema.table` or an object path.
    public var name: String

    /// Creates an identifier as given; see ``normalized``.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// Splits a dataset URI `scheme://authority/path` into namespace and name (OpenLineage "Naming":
    /// namespace = `scheme://authority`, name = path); nil without `://` or without a path.
    public init?(uri: String) {
        guard let schemeEnd = uri.firstRange(of: "://") else { return nil }
        let afterAuthority = uri[schemeEnd.upperBound...]
        guard let slash = afterAuthority.firstIndex(of: "/"), afterAuthority.index(after: slash) < afterAuthority.endIndex else { return nil }
        self.init(namespace: String(uri[..<slash]), name: String(afterAuthority[afterAuthority.index(after: slash)...]))
    }

    /// `namespace/name`.
    public var description: String { "\(namespace)/\(name)" }

    /// The default port added to a namespace without one, by scheme (OpenLineage "Naming").
    static let defaultPorts = ["kafka": "9092", "postgres": "5432", "mysql": "3306", "trino": "8080", "redshift": "5439", "hive": "9083"]
    /// Schemes whose dataset names are object paths, written without a leading `/`.
    static let objectStoreSchemes: Set<String> = ["s3", "gs", "abfss", "wasbs", "hdfs", "file"]

    /// The identifier under the naming rules above; names other than object paths are kept as written.
    public var normalized: DatasetIdentifier {
        guard let schemeEnd = namespace.firstRange(of: "://") else { return self }
        var scheme = namespace[..<schemeEnd.lowerBound].lowercased()
        if scheme == "s3a" || scheme == "s3n" { scheme = "s3" }
        if scheme == "postgresql" { scheme = "postgres" }
        var authority = String(namespace[schemeEnd.upperBound...])
        while authority.hasSuffix("/") { authority.removeLast() }
        if !Self.objectStoreSchemes.contains(scheme) { authority = authority.lowercased() }
        if scheme == "kafka", let first = authority.split(separator: ",").first { authority = String(first) }
        if let port = Self.defaultPorts[scheme], !authority.isEmpty, !authority.contains(":") { authority += ":" + port }
        var name = self.name
        if Self.objectStoreSchemes.contains(scheme) {
            while name.hasPrefix("/") { name.removeFirst() }
            while name.hasSuffix("/") { name.removeLast() }
        }
        return DatasetIdentifier(namespace: scheme + "://" + authority, name: name)
    }

    public static func < (lhs: DatasetIdentifier, rhs: DatasetIdentifier) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
