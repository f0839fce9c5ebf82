import Foundation
import JSON
import Policy
import YAML

/// The shipped mesh in Domains/, read with the YAML module, and the audit inputs the registry
/// would bind for each document: lineage gives `consumers`, resolved input ports give `inputs`.
struct RetailMesh {
    /// Documents by path relative to Domains/.
    var products: [(file: String, document: JSONValue)] = []
    var contracts: [(file: String, document: JSONValue)] = []

    static func load() throws -> RetailMesh {
        var mesh = RetailMesh()
        let domains = repositoryRoot.appendingPathComponent("Domains")
        for domain in try FileManager.default.contentsOfDirectory(atPath: domains.path).sorted() {
            for (folder, suffix) in [("products", ".odps.yaml"), ("contracts", ".odcs.yaml")] {
                let directory = domains.appendingPathComponent(domain).appendingPathComponent(folder)
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
                for name in names.sorted() where name.hasSuffix(suffix) {
                    let document = try YAMLReader.parse(Array(try Data(contentsOf: directory.appendingPathComponent(name)))).value
                    let file = "\(domain)/\(folder)/\(name)"
                    if folder == "products" { mesh.products.append((file, document)) } else { mesh.contracts.append((file, document)) }
                }
            }
        }
        return mesh
    }

    /// One audit input per product and per contract.
    func auditInputs(now: String) -> [(file: String, input: PolicyInput)] {
        var producers: [String: (product: JSONValue, classification: JSONValue?)] = [:]
        for (_, product) in products {
            for port in product["outputPorts"]?.arrayValue ?? [] {
                if let contractId = port["contractId"]?.stringValue { producers[contractId] = (product, Self.customProperty("classification", of: port)) }
            }
        }
        func readers(of contractId: String, version: String?) -> [JSONValue] {
            products.map(\.document).filter { product in
                (product["inputPorts"]?.arrayValue ?? []).contains { port in
                    port["contractId"]?.stringValue == contractId && (version == nil || port["version"]?.stringValue == version)
                }
            }.map { product in
                ["id": product["id"] ?? .null, "domain": product["domain"] ?? .null, "team": product["team"]?["name"] ?? .null,
                 "status": product["status"] ?? .null]
            }
        }
        var inputs: [(file: String, input: PolicyInput)] = []
        for (file, product) in products {
            let outputContracts = (product["outputPorts"]?.arrayValue ?? []).compactMap { $0["contractId"]?.stringValue }
            let consumers = outputContracts.flatMap { readers(of: $0, version: nil) }
            let resolved: [JSONValue] = (product["inputPorts"]?.arrayValue ?? []).map { port in
                let contractId = port["contractId"]?.stringValue ?? ""
                var object: JSONObject = ["name": port["name"] ?? .null, "contractId": .string(contractId), "version": port["version"] ?? .null,
                                          "external": .bool(Self.customProperty("external", of: port) == .bool(true))]
                object["classification"] = producers[contractId]?.classification
                return .object(object)
            }
            inputs.append((file, PolicyInput([.product: product, .consumers: .array(consumers), .inputs: .array(resolved), .now: .string(now)])))
        }
        for (file, contract) in contracts {
            let consumers = readers(of: contract["id"]?.stringValue ?? "", version: contract["version"]?.stringValue)
            inputs.append((file, PolicyInput([.contract: contract, .consumers: .array(consumers), .now: .string(now)])))
        }
        return inputs
    }

    /// The value of an ODPS/ODCS `customProperties` entry.
    static func customProperty(_ name: String, of object: JSONValue) -> JSONValue? {
        object["customProperties"]?.arrayValue?.first { $0["property"]?.stringValue == name }?["value"]
    }
}
