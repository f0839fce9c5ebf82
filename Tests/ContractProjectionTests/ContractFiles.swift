import Foundation
import JSON
import MeshModel
import Testing
import YAML

/// The contracts the projection tests read: the shipped mesh's and the official ODCS examples.
enum ContractFiles {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let officialExamples = [
        "odcs-example-full.odcs.json", "odcs-example-table-column.odcs.json", "odcs-v3.2.0-deprecated.odcs.json",
        "odcs-v3.2.0-enum.odcs.json", "odcs-v3.2.0-full-example.odcs.json", "odcs-v3.2.0-map.odcs.json",
        "odcs-v3.2.0-measures-and-dimensions.odcs.json", "odcs-v3.2.0-relationships.odcs.json",
    ]

    /// Every `*.odcs.yaml` under Domains/, as paths relative to the repository.
    static let shipped: [String] = {
        let domains = repositoryRoot.appendingPathComponent("Domains")
        let files = FileManager.default.enumerator(at: domains, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.lastPathComponent.hasSuffix(".odcs.yaml") }
            .map { String($0.path.dropFirst(repositoryRoot.path.count + 1)) }.sorted()
    }()

    /// The shipped contracts with a `kafka` server.
    static let shippedKafka: [String] = shipped.filter { path in
        (try? contract(path))?.servers.contains { $0["type"]?.stringValue == "kafka" } == true
    }

    static func contract(_ path: String) throws -> DataContract {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        return try DataContract(json: try YAMLReader.parse(text).value)
    }

    static func official(_ name: String) throws -> DataContract {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try DataContract(json: try JSONParser.parse(Array(try Data(contentsOf: url))))
    }

    static func yaml(_ text: String) throws -> DataContract {
        try DataContract(json: try YAMLReader.parse(text).value)
    }
}
