import Foundation
import JSON
import Testing
@testable import MeshModel

/// The JSON fixtures in Fixtures/ (see its README).
enum Fixture {
    static let officialProducts = [
        "odps-example-customer.odps.json", "odps-v1.1.0-customer-data-product.odps.json",
        "odps-v1.1.0-deprecated-data-product.odps.json", "odps-v1.1.0-simple-data-product.odps.json",
    ]
    static let officialContracts = [
        "odcs-example-full.odcs.json", "odcs-example-table-column.odcs.json", "odcs-v3.2.0-deprecated.odcs.json",
        "odcs-v3.2.0-enum.odcs.json", "odcs-v3.2.0-full-example.odcs.json", "odcs-v3.2.0-map.odcs.json",
        "odcs-v3.2.0-measures-and-dimensions.odcs.json", "odcs-v3.2.0-relationships.odcs.json",
    ]
    static let registryProducts = ["registry-example.odps.json"]
    static let registryContracts = ["registry-example.odcs.json", "registry-example-v2-breaking.odcs.json"]

    static func json(_ name: String) throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    static let domain: JSONValue = [
        "apiVersion": "meshreg/v1", "kind": "Domain", "name": "customers",
        "description": "Customer identities, profiles and consent.",
        "teams": [["name": "customer-data", "members": [["username": "alice", "role": "owner"], ["username": "bob", "role": "steward"]]]],
    ]
}

extension JSONValue {
    /// A copy with the value at `pointer` replaced, or removed when `value` is nil.
    func setting(_ pointer: String, to value: JSONValue?) -> JSONValue {
        setting(JSONPointer(pointer)!.tokens[...], to: value)
    }

    private func setting(_ tokens: ArraySlice<String>, to value: JSONValue?) -> JSONValue {
        guard let token = tokens.first else { return value ?? .null }
        switch self {
        case .object(var object):
            let child = object[token] ?? .null
            object[token] = tokens.count == 1 ? value : child.setting(tokens.dropFirst(), to: value)
            return .object(object)
        case .array(var elements):
            let index = Int(token)!
            if tokens.count == 1, value == nil { elements.remove(at: index) } else {
                elements[index] = tokens.count == 1 ? value! : elements[index].setting(tokens.dropFirst(), to: value)
            }
            return .array(elements)
        default:
            return self
        }
    }
}

/// The issues a throwing read reports, or [] when it succeeds.
func issues(_ read: () throws -> Void) -> [ValidationIssue] {
    do {
        try read()
        return []
    } catch let error as DocumentValidationError {
        return error.issues
    } catch {
        Issue.record("expected a DocumentValidationError, got \(error)")
        return []
    }
}
