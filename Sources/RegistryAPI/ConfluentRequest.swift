import HTTPProtocol
import JSON
import Registry

/// Reading Confluent-style requests: JSON bodies (`application/vnd.schemaregistry.v1+json`,
/// `application/json`, or no Content-Type) and boolean query flags in any case.
struct ConfluentRequest {
    let context: RequestContext

    var request: HTTPRequest { context.request }

    /// `?name=true` (any case) is true; anything else, or absence, is false.
    func flag(_ name: String) -> Bool {
        request.queryValue(name)?.lowercased() == "true"
    }

    /// A whole-number query parameter, nil when absent; anything else is 400.
    func integerQuery(_ name: String) throws(SubjectError) -> Int? {
        guard let text = request.queryValue(name) else { return nil }
        guard let value = Int(text) else { throw SubjectError(.badRequest, "The query parameter \(name) must be a whole number, not '\(text)'") }
        return value
    }

    func subject() -> String { context.parameter("subject") }

    /// `?format=`: `serialized` asks for a Protobuf schema as a base64 FileDescriptorProto.
    var schemaFormat: String? { request.queryValue("format") }

    func version() throws(SubjectError) -> SubjectVersionSelector {
        try SubjectVersionSelector(text: context.parameter("version"))
    }

    func schemaID() throws(SubjectError) -> Int {
        let text = context.parameter("id")
        guard let id = Int(text), id > 0 else { throw SubjectError(.schemaNotFound, "Schema \(text) not found") }
        return id
    }

    /// The body as a JSON object.
    func body() throws(SubjectError) -> JSONObject {
        let contentType = request.headers["Content-Type"].map(RequestContext.mediaType) ?? ""
        guard ["", "application/json", "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
               "application/octet-stream"].contains(contentType) else {
            throw SubjectError(.unsupportedMediaType, "Content-Type \(contentType) is not supported; send application/vnd.schemaregistry.v1+json or application/json")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(request.body)
        } catch {
            throw SubjectError(.badRequest, "The request body is not JSON (\(error.line):\(error.column): \(error.message))")
        }
        guard let object = json.objectValue else { throw SubjectError(.badRequest, "The request body must be a JSON object") }
        return object
    }

    /// `{schema, schemaType?, references?, metadata?, ruleSet?}` plus `?normalize=`.
    func submission() throws(SubjectError) -> SchemaSubmission {
        let body = try body()
        guard let schema = body["schema"]?.stringValue, !schema.isEmpty else {
            throw SubjectError(.invalidSchema, "Invalid schema: the body needs `schema`, the schema as a string")
        }
        var type = SchemaType.avro
        if let name = body["schemaType"], !name.isNull {
            guard let text = name.stringValue, let parsed = SchemaType(name: text), parsed != .odcs else {
                throw SubjectError(.invalidSchema, "Invalid schema type \(name.stringValue ?? name.encoded()); meshreg supports AVRO, JSON and PROTOBUF")
            }
            type = parsed
        }
        let references = try body["references"].map { value throws(SubjectError) in try SchemaReference.list(json: value, at: .root / "references") } ?? []
        let metadata = try body["metadata"].flatMap { value throws(SubjectError) in value.isNull ? nil : try SchemaMetadata(json: value, at: .root / "metadata") }
        let ruleSet = try body["ruleSet"].flatMap { value throws(SubjectError) in value.isNull ? nil : try SchemaRuleSet(json: value, at: .root / "ruleSet") }
        return SchemaSubmission(schema: schema, schemaType: type, references: references, metadata: metadata, ruleSet: ruleSet,
                                normalize: flag("normalize"))
    }

    /// A string field of the body, required.
    func field(_ name: String, invalid code: SubjectError.Code) throws(SubjectError) -> String {
        guard let value = try body()[name]?.stringValue else {
            throw SubjectError(code, "The body needs `\(name)`, a string")
        }
        return value
    }
}
