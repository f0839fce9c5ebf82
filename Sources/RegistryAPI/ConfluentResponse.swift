import HTTPProtocol
import JSON
import Registry

/// Responses of the Confluent-compatible API: `application/vnd.schemaregistry.v1+json` bodies
/// and errors as `{"error_code": N, "message": "..."}`, the HTTP status being N's first three digits.
enum ConfluentResponse {
    static let contentType = "application/vnd.schemaregistry.v1+json"

    static func json(_ value: JSONValue) -> HTTPResponse {
        text(value.encoded())
    }

    /// A JSON array of versions or schema ids.
    static func json(integers: [Int]) -> HTTPResponse {
        json(.array(integers.map { .integer(Int64($0)) }))
    }

    /// A body that is already JSON text (a stored schema), sent as is.
    static func text(_ text: String) -> HTTPResponse {
        bytes(Array(text.utf8))
    }

    static func bytes(_ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", contentType)]), body: body)
    }

    static func error(_ error: SubjectError) -> HTTPResponse {
        self.error(code: error.code.rawValue, status: error.httpStatus, message: error.message)
    }

    static func error(code: Int, status: Int, message: String) -> HTTPResponse {
        let body: JSONValue = ["error_code": .integer(Int64(code)), "message": .string(message)]
        return HTTPResponse(status: HTTPStatus(code: status), headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(body.encoded().utf8))
    }

    /// Rewrites a problem+json response (no route, wrong method, no token) into Confluent's error
    /// body, keeping its status and headers such as `Allow` and `WWW-Authenticate`: Kafka
    /// serializers read `error_code`, and fall back from newer endpoints only on a 404.
    static func translatingProblem(_ response: HTTPResponse) -> HTTPResponse {
        guard response.headers["Content-Type"] == "application/problem+json" else { return response }
        let problem = try? JSONParser.parse(response.body)
        let status = response.status.code
        let code = status == 500 ? SubjectError.Code.storeError.rawValue : status
        let message = problem?["detail"]?.stringValue ?? response.status.reasonPhrase
        var translated = error(code: code, status: status, message: message)
        for field in response.headers where field.name.lowercased() != "content-type" {
            translated.headers.add(name: field.name, value: field.value)
        }
        return translated
    }

    /// A subject version as Confluent serves it; `schemaType` is omitted for Avro, as Confluent does,
    /// and `schema` is the text in the form Confluent's `?format=` asks for.
    static func version(_ version: SubjectVersion, schema: String) -> JSONValue {
        var object: JSONObject = ["subject": .string(version.subject), "version": .integer(Int64(version.version)),
                                  "id": .integer(Int64(version.schema.id))]
        for (key, value) in schemaFields(version.schema, schema: schema) { object[key] = value }
        return .object(object)
    }

    /// The fields of a stored schema as `/schemas/ids/{id}` and subject versions carry them:
    /// `schemaType` (not for Avro), `references`, `metadata` and `ruleSet` when it has them, and `schema`.
    static func schemaFields(_ registered: RegisteredSchema, schema: String) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if registered.schemaType != .avro { fields.append(("schemaType", .string(registered.schemaType.confluentName))) }
        if !registered.references.isEmpty { fields.append(("references", .array(registered.references.map(\.json)))) }
        if let metadata = registered.metadata { fields.append(("metadata", metadata.json)) }
        if let ruleSet = registered.ruleSet { fields.append(("ruleSet", ruleSet.json)) }
        fields.append(("schema", .string(schema)))
        return fields
    }
}
