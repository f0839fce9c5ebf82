import JSON
import MeshModel

/// The OpenLineage datasets that hold a contract's data, so events join to output ports.
///
/// Rules, in order; every rule that applies adds its datasets, each ``DatasetIdentifier/normalized``:
/// 1. An explicit `openlineageDataset` custom property on the contract or on a server: a dataset
///    URI string (`kafka://host:9092/topic`), an object `{namespace, name}`, or a list of either.
/// 2. Each server by `type`, with the table (or topic) named by each schema object's
///    `physicalName`, else its `name`:
///    - `kafka`: `kafka://<host>` (first bootstrap server, port 9092 by default) and the server's
///      `topic` custom property, else each schema object's table name;
///    - `s3`, `gcs`, `azure`, `hdfs`, `local`, `iceberg`, `delta` …: the `location` URI split after its
///      authority; a location ending in a glob (`products_*.csv`) stands for its directory;
///    - `postgres`/`postgresql`, `redshift`: `postgres://host:port`, `database.schema.table`;
///      `mysql`: `mysql://host:port`, `database.table`; `trino`: `trino://host:port`,
///      `catalog.schema.table`; `snowflake`: `snowflake://account`, `database.schema.table`;
///      `bigquery`: `bigquery`, `project.dataset.table`.
/// Other server types (e.g. `api`) name no dataset.
public enum ContractDatasetMapping {
    /// The custom property that maps a contract or server to datasets explicitly.
    public static let customPropertyName = "openlineageDataset"

    /// The datasets of `contract`, normalized, without duplicates, in rule order.
    public static func datasets(for contract: DataContract) -> [DatasetIdentifier] {
        let tables = contract.schemaObjects.map { $0.physicalName ?? $0.name }
        var result: [DatasetIdentifier] = explicit(contract.customProperties[customPropertyName])
        for server in contract.servers {
            let properties = customProperties(of: server)
            result += explicit(properties[customPropertyName])
            result += datasets(server: server, properties: properties, tables: tables)
        }
        var seen: Set<DatasetIdentifier> = []
        return result.map(\.normalized).filter { seen.insert($0).inserted }
    }

    private static func datasets(server: JSONValue, properties: [String: JSONValue], tables: [String]) -> [DatasetIdentifier] {
        func field(_ key: String) -> String? {
            switch server[key] {
            case .string(let text)?: text
            case .integer(let number)?: String(number)
            default: nil
            }
        }
        func hostAndPort() -> String? {
            guard let host = field("host") else { return nil }
            return field("port").map { "\(host):\($0)" } ?? host
        }
        func qualified(_ namespace: String, _ prefix: [String?]) -> [DatasetIdentifier] {
            guard prefix.allSatisfy({ $0 != nil }) else { return [] }
            let path = prefix.compactMap(\.self)
            return tables.map { DatasetIdentifier(namespace: namespace, name: (path + [$0]).joined(separator: ".")) }
        }
        switch field("type")?.lowercased() {
        case "kafka"?:
            guard let host = hostAndPort() else { return [] }
            let topics = properties["topic"]?.stringValue.map { [$0] } ?? tables
            return topics.map { DatasetIdentifier(namespace: "kafka://\(host)", name: $0) }
        case "postgres"?, "postgresql"?, "redshift"?:
            guard let host = hostAndPort() else { return [] }
            let scheme = field("type")?.lowercased() == "redshift" ? "redshift" : "postgres"
            return qualified("\(scheme)://\(host)", [field("database"), field("schema")])
        case "mysql"?:
            guard let host = hostAndPort() else { return [] }
            return qualified("mysql://\(host)", [field("database")])
        case "trino"?:
            guard let host = hostAndPort() else { return [] }
            return qualified("trino://\(host)", [field("catalog"), field("schema")])
        case "snowflake"?:
            guard let account = field("account") else { return [] }
            return qualified("snowflake://\(account)", [field("database"), field("schema")])
        case "bigquery"?:
            return qualified("bigquery", [field("project"), field("dataset")])
        default:
            guard let location = field("location"), let scheme = location.firstRange(of: "://").map({ location[..<$0.lowerBound].lowercased() }),
                DatasetIdentifier.objectStoreSchemes.contains(scheme == "s3a" || scheme == "s3n" ? "s3" : scheme)
            else { return [] }
            return DatasetIdentifier(uri: withoutGlob(location)).map { [$0] } ?? []
        }
    }

    /// The location up to the last path segment without a glob character.
    private static func withoutGlob(_ location: String) -> String {
        let segments = location.split(separator: "/", omittingEmptySubsequences: false)
        guard let firstGlob = segments.firstIndex(where: { $0.contains(where: { "*?[{".contains($0) }) }) else { return location }
        return segments[..<firstGlob].joined(separator: "/")
    }

    private static func explicit(_ value: JSONValue?) -> [DatasetIdentifier] {
        switch value {
        case .string(let uri)?: DatasetIdentifier(uri: uri).map { [$0] } ?? []
        case .object(let object)?:
            if let namespace = object["namespace"]?.stringValue, let name = object["name"]?.stringValue {
                [DatasetIdentifier(namespace: namespace, name: name)]
            } else { [] }
        case .array(let elements)?: elements.flatMap { explicit($0) }
        default: []
        }
    }

    /// A server's ODCS `customProperties` list as a dictionary; the first entry of a name wins.
    private static func customProperties(of server: JSONValue) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in server["customProperties"]?.arrayValue ?? [] {
            if let name = entry["property"]?.stringValue, result[name] == nil { result[name] = entry["value"] }
        }
        return result
    }
}
