import JSON
import Registry

/// A synthetic mesh: 20 domains with one team each; product i publishes contract i and reads
/// the contracts of two earlier products, so references and ports are exercised.
struct GeneratedMesh {
    let domains: [DocumentSubmission]
    let contracts: [DocumentSubmission]
    let products: [DocumentSubmission]
    /// The same rows the registry writes, for the raw baseline.
    let contractDocuments: [(id: String, domain: String, document: JSONValue)]
    let productDocuments: [(id: String, domain: String, inputs: [String], document: JSONValue)]

    init(products count: Int, domainCount: Int = 20) {
        func submission(_ value: JSONValue) -> DocumentSubmission {
            try! DocumentSubmission.decode(Array(value.encoded().utf8), mediaType: .json)
        }
        func domainName(_ index: Int) -> String { "domain-\(index % domainCount)" }
        domains = (0..<domainCount).map { index in
            submission(["apiVersion": "meshreg/v1", "kind": "Domain", "name": .string("domain-\(index)"),
                        "teams": [["name": .string("team-\(index)"), "members": [["username": .string("owner-\(index)"), "role": "owner"]]]]])
        }
        var contractDocuments: [(id: String, domain: String, document: JSONValue)] = []
        var productDocuments: [(id: String, domain: String, inputs: [String], document: JSONValue)] = []
        for index in 0..<count {
            let domain = domainName(index)
            let team: JSONValue = ["name": .string("team-\(index % domainCount)"), "members": [["username": .string("owner-\(index % domainCount)"), "role": "owner"]]]
            let contract: JSONValue = [
                "apiVersion": "v3.1.0", "kind": "DataContract", "id": .string("contract-\(index)"), "name": .string("Contract \(index)"),
                "version": "1.0.0", "status": "active", "domain": .string(domain), "team": team,
                "schema": [["name": "events", "properties": [
                    ["name": "id", "logicalType": "string", "required": true, "primaryKey": true],
                    ["name": "amount", "logicalType": "number", "classification": "internal"],
                    ["name": "at", "logicalType": "timestamp"],
                ]]],
            ]
            contractDocuments.append((id: "contract-\(index)", domain: domain, document: contract))
            let inputs = index < 2 ? [] : ["contract-\(index - 1)", "contract-\(index / 2)"]
            let product: JSONValue = [
                "apiVersion": "v1.0.0", "kind": "DataProduct", "id": .string("product-\(index)"), "name": .string("Product \(index)"),
                "version": "1.0.0", "status": "active", "domain": .string(domain),
                "description": ["purpose": .string("Generated product number \(index) for the apply benchmark.")],
                "team": team,
                "inputPorts": .array(inputs.enumerated().map { ["name": .string("in-\($0.offset)"), "version": "1.0.0", "contractId": .string($0.element)] }),
                "outputPorts": [["name": "events", "version": "1.0.0", "contractId": .string("contract-\(index)"), "type": "topics"]],
            ]
            productDocuments.append((id: "product-\(index)", domain: domain, inputs: inputs, document: product))
        }
        self.contractDocuments = contractDocuments
        self.productDocuments = productDocuments
        contracts = contractDocuments.map { submission($0.document) }
        products = productDocuments.map { submission($0.document) }
    }
}
