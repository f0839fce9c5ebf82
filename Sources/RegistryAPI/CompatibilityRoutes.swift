import Compatibility
import HTTPProtocol
import JSON
import Registry

/// `POST /api/v1/compatibility`: checks a proposed schema or contract without writing anything.
///
/// The body is either an ODCS contract (checked against its registered major line, with the
/// semver gate), or `{type, schema, against: [older, ...], mode?}` (checked against the given
/// versions, oldest first).
enum CompatibilityRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.post, "/api/v1/compatibility") { context in
                let submission = try context.document()
                let body = submission.json
                if body["kind"] == "DataContract" {
                    return .json(try registry.evolution(of: submission).json)
                }
                guard let typeName = body["type"]?.stringValue, let type = SchemaType(name: typeName) else {
                    throw APIError(.unprocessableContent, "invalid-request", "give `type` (avro, json, protobuf or odcs) and `schema`, or send an ODCS contract")
                }
                guard let schema = body["schema"] else {
                    throw APIError(.unprocessableContent, "invalid-request", "give the proposed version as `schema`")
                }
                let mode = try body["mode"].map { value throws(APIError) in
                    guard let name = value.stringValue, let mode = CompatibilityMode(name: name) else {
                        throw APIError(.unprocessableContent, "invalid-request", "`mode` must be one of \(CompatibilityMode.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return mode
                } ?? type.defaultMode
                if type == .odcs, body["against"] == nil {
                    let contract = try DocumentSubmission.decode(Array(schema.encoded().utf8), mediaType: .json, source: "schema")
                    return .json(try registry.evolution(of: contract).json)
                }
                guard let against = body["against"]?.arrayValue else {
                    throw APIError(.unprocessableContent, "invalid-request", "give the earlier versions as `against`, an array, oldest first")
                }
                return .json(try type.check(new: schema, against: against, mode: mode).json)
            },
        ]
    }
}
