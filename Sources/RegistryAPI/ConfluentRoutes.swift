import Compatibility
import HTTPProtocol
import JSON
import Registry

/// `/apis/ccompat/v7`: the Confluent Schema Registry REST subset Kafka serializers use:
/// subjects and versions, schemas by id with their references, metadata and rule sets,
/// compatibility tests, configs (levels and data-contract defaults) and modes.
/// Unknown routes under the prefix answer 404, and wrong methods 405, with Confluent's error body
/// (see `ConfluentResponse.translatingProblem`).
enum ConfluentRoutes {
    static let prefix = "/apis/ccompat/v7"

    static func routes(registry: Registry) -> [Route] {
        subjectRoutes(registry) + schemaRoutes(registry, cache: ConfluentSchemaCache()) + compatibilityRoutes(registry)
            + configRoutes(registry) + modeRoutes(registry)
    }

    private static func subjectRoutes(_ registry: Registry) -> [Route] {
        [
            route(.get, "/subjects") { request, _ throws(SubjectError) in
                let prefix = request.request.queryValue("subjectPrefix") ?? ""
                var names = try registry.subjects(includeDeleted: request.flag("deleted") || request.flag("deleted_only"), prefix: prefix)
                if request.flag("deleted_only") {
                    let live = Set(try registry.subjects(includeDeleted: false, prefix: prefix))
                    names.removeAll { live.contains($0) }
                }
                let offset = max(0, try request.integerQuery("offset") ?? 0)
                let limit = try request.integerQuery("limit") ?? -1
                let page = names.dropFirst(offset).prefix(limit < 0 ? Int.max : limit)
                return ConfluentResponse.json(.array(page.map(JSONValue.string)))
            },
            route(.get, "/subjects/{subject}/versions") { request, _ throws(SubjectError) in
                ConfluentResponse.json(integers: try registry.subjectVersions(request.subject(), includeDeleted: request.flag("deleted")))
            },
            route(.post, "/subjects/{subject}/versions") { request, actor throws(SubjectError) in
                let id = try registry.registerSchema(try request.submission(), subject: request.subject(), actor: actor)
                return ConfluentResponse.json(["id": .integer(Int64(id))])
            },
            route(.get, "/subjects/{subject}/versions/{version}") { request, _ throws(SubjectError) in
                try servedVersion(try requestedVersion(request, registry), request, registry)
            },
            route(.get, "/subjects/{subject}/versions/{version}/schema") { request, _ throws(SubjectError) in
                ConfluentResponse.text(try requestedVersion(request, registry).schema.schema)
            },
            route(.get, "/subjects/{subject}/versions/{version}/referencedby") { request, _ throws(SubjectError) in
                ConfluentResponse.json(integers: try registry.referencedBy(request.subject(), try request.version(), includeDeleted: request.flag("deleted")))
            },
            route(.delete, "/subjects/{subject}/versions/{version}") { request, actor throws(SubjectError) in
                let version = try registry.deleteSubjectVersion(request.subject(), try request.version(), permanent: request.flag("permanent"), actor: actor)
                return ConfluentResponse.json(.integer(Int64(version)))
            },
            route(.post, "/subjects/{subject}") { request, _ throws(SubjectError) in
                let version = try registry.lookUpSchema(try request.submission(), subject: request.subject(), includeDeleted: request.flag("deleted"))
                return ConfluentResponse.json(ConfluentResponse.version(version, schema: version.schema.schema))
            },
            route(.get, "/subjects/{subject}/metadata") { request, _ throws(SubjectError) in
                let items = request.request.queryItems
                let keys = items.filter { $0.name == "key" }.map(\.value)
                let values = items.filter { $0.name == "value" }.map(\.value)
                guard !keys.isEmpty, keys.count == values.count else {
                    throw SubjectError(.badRequest, "Name the metadata as pairs of query parameters: ?key=owner&value=team-a (one value per key)")
                }
                let version = try registry.latestVersion(request.subject(), withMetadata: Array(zip(keys, values)).map { ($0.0, $0.1) },
                                                         includeDeleted: request.flag("deleted"))
                return try servedVersion(version, request, registry)
            },
            route(.delete, "/subjects/{subject}") { request, actor throws(SubjectError) in
                ConfluentResponse.json(integers: try registry.deleteSubject(request.subject(), permanent: request.flag("permanent"), actor: actor))
            },
        ]
    }

    /// The subject version the path names (`{subject}`, `{version}`), deleted ones too with `?deleted=true`.
    private static func requestedVersion(_ request: ConfluentRequest, _ registry: Registry) throws(SubjectError) -> SubjectVersion {
        try registry.subjectVersion(request.subject(), try request.version(), includeDeleted: request.flag("deleted"))
    }

    /// A subject version with its schema in the form `?format=` asks for.
    private static func servedVersion(_ version: SubjectVersion, _ request: ConfluentRequest, _ registry: Registry) throws(SubjectError) -> HTTPResponse {
        ConfluentResponse.json(ConfluentResponse.version(version, schema: try served(version.schema, request.schemaFormat, registry)))
    }

    private static func schemaRoutes(_ registry: Registry, cache: ConfluentSchemaCache) -> [Route] {
        [
            route(.get, "/schemas/ids/{id}", fromMemory: { request, _ throws(SubjectError) in
                request.schemaFormat == nil ? cache.cachedBody(for: try request.schemaID()).map(ConfluentResponse.bytes) : nil
            }) { request, _ throws(SubjectError) in
                // `?subject=` is accepted and ignored: ids are global here (no schema contexts).
                let id = try request.schemaID()
                let format = request.schemaFormat
                let encode = { () throws(SubjectError) -> [UInt8] in
                    let schema = try registry.registeredSchema(id: id)
                    let body = JSONObject(ConfluentResponse.schemaFields(schema, schema: try served(schema, format, registry)).map { ($0.0, $0.1) })
                    return Array(JSONValue.object(body).encoded().utf8)
                }
                // The cache holds the stored form; another format is written on each request.
                return ConfluentResponse.bytes(format == nil ? try cache.body(for: id, make: encode) : try encode())
            },
            route(.get, "/schemas/ids/{id}/schema") { request, _ throws(SubjectError) in
                ConfluentResponse.text(try registry.registeredSchema(id: try request.schemaID()).schema)
            },
            route(.get, "/schemas/ids/{id}/subjects") { request, _ throws(SubjectError) in
                let usages = try registry.schemaUsages(id: try request.schemaID(), includeDeleted: request.flag("deleted"))
                var seen = Set<String>()
                return ConfluentResponse.json(.array(usages.compactMap { seen.insert($0.subject).inserted ? .string($0.subject) : nil }))
            },
            route(.get, "/schemas/ids/{id}/versions") { request, _ throws(SubjectError) in
                let usages = try registry.schemaUsages(id: try request.schemaID(), includeDeleted: request.flag("deleted"))
                return ConfluentResponse.json(.array(usages.map { ["subject": .string($0.subject), "version": .integer(Int64($0.version))] }))
            },
            route(.get, "/schemas/types") { _, _ throws(SubjectError) in
                ConfluentResponse.json(["AVRO", "JSON", "PROTOBUF"])
            },
        ]
    }

    private static func compatibilityRoutes(_ registry: Registry) -> [Route] {
        let test: @Sendable (ConfluentRequest, SubjectVersionSelector?) throws(SubjectError) -> HTTPResponse = { request, selector throws(SubjectError) in
            let result = try registry.testCompatibility(try request.submission(), subject: request.subject(), against: selector)
            var body: JSONObject = ["is_compatible": .bool(result.report.isCompatible)]
            if request.flag("verbose") {
                var messages = result.report.breakingFindings.map { JSONValue.string(Registry.describe($0)) }
                if !result.report.isCompatible {
                    messages.append(.string("{oldSchemaVersion: \(result.versions.map(String.init).joined(separator: ", "))}"))
                    messages.append(.string("{compatibility: '\(result.mode.rawValue)'}"))
                }
                body["messages"] = .array(messages)
            }
            return ConfluentResponse.json(.object(body))
        }
        return [
            route(.post, "/compatibility/subjects/{subject}/versions/{version}") { request, _ throws(SubjectError) in
                try test(request, try request.version())
            },
            route(.post, "/compatibility/subjects/{subject}/versions") { request, _ throws(SubjectError) in
                try test(request, nil)
            },
        ]
    }

    private static func configRoutes(_ registry: Registry) -> [Route] {
        [
            route(.get, "/config") { _, _ throws(SubjectError) in
                ConfluentResponse.json(config(try registry.effectiveCompatibilityLevel(subject: nil), try registry.dataContractDefaults(subject: nil)))
            },
            route(.put, "/config") { request, actor throws(SubjectError) in
                try updateConfig(request, subject: nil, registry, actor)
            },
            route(.get, "/config/{subject}") { request, _ throws(SubjectError) in
                let subject = request.subject()
                if request.flag("defaultToGlobal") {
                    return ConfluentResponse.json(config(try registry.effectiveCompatibilityLevel(subject: subject),
                                                         try registry.dataContractDefaults(subject: subject, fallingBack: true)))
                }
                let level = try registry.compatibilityLevel(subject: subject)
                let contract = try registry.dataContractDefaults(subject: subject)
                guard level != nil || !contract.isEmpty else {
                    throw SubjectError(.subjectConfigNotFound, "Subject '\(subject)' does not have subject-level compatibility configured")
                }
                return ConfluentResponse.json(config(level, contract))
            },
            route(.put, "/config/{subject}") { request, actor throws(SubjectError) in
                try updateConfig(request, subject: request.subject(), registry, actor)
            },
            route(.delete, "/config/{subject}") { request, actor throws(SubjectError) in
                let removed = try registry.deleteConfig(subject: request.subject(), actor: actor)
                return ConfluentResponse.json(config(removed.level, removed.contract))
            },
        ]
    }

    /// A config as `GET /config` serves it: `compatibilityLevel` and the data-contract settings that are set.
    private static func config(_ level: CompatibilityMode?, _ contract: DataContractDefaults) -> JSONValue {
        var object = JSONObject(contract.jsonFields.map { ($0.0, $0.1) })
        if let level { object = JSONObject([("compatibilityLevel", .string(level.rawValue))] + object.map { ($0.key, $0.value) }) }
        return .object(object)
    }

    /// `PUT /config[/{subject}]`: `compatibility` and any of `defaultMetadata`, `overrideMetadata`,
    /// `defaultRuleSet`, `overrideRuleSet` (null removes one); echoes the request as Confluent does.
    private static func updateConfig(_ request: ConfluentRequest, subject: String?, _ registry: Registry, _ actor: Principal) throws(SubjectError) -> HTTPResponse {
        let body = try request.body()
        let contract = try DataContractDefaultsUpdate(body: body)
        let level = contract.isEmpty || body["compatibility"] != nil || body["compatibilityLevel"] != nil ? try compatibilityLevel(body) : nil
        try registry.updateConfig(compatibility: level, contract: contract, subject: subject, actor: actor)
        var echo = JSONObject(body.filter { ["defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"].contains($0.key) }.map { ($0.key, $0.value) })
        if let level { echo = JSONObject([("compatibility", .string(level.rawValue))] + echo.map { ($0.key, $0.value) }) }
        return ConfluentResponse.json(.object(echo))
    }

    private static func modeRoutes(_ registry: Registry) -> [Route] {
        [
            route(.get, "/mode") { _, _ throws(SubjectError) in
                modeAnswer(try registry.subjectMode(subject: nil))
            },
            route(.put, "/mode") { request, actor throws(SubjectError) in
                try updateMode(request, subject: nil, registry, actor)
            },
            route(.get, "/mode/{subject}") { request, _ throws(SubjectError) in
                modeAnswer(try registry.subjectMode(subject: request.subject()))
            },
            route(.put, "/mode/{subject}") { request, actor throws(SubjectError) in
                try updateMode(request, subject: request.subject(), registry, actor)
            },
            route(.delete, "/mode/{subject}") { request, actor throws(SubjectError) in
                modeAnswer(try registry.deleteSubjectMode(subject: request.subject(), actor: actor))
            },
        ]
    }

    /// `PUT /mode[/{subject}]`: `{"mode": "READONLY"}`, echoed as Confluent does.
    private static func updateMode(_ request: ConfluentRequest, subject: String?, _ registry: Registry, _ actor: Principal) throws(SubjectError) -> HTTPResponse {
        let mode = try SubjectMode(name: try request.field("mode", invalid: .invalidMode))
        try registry.setSubjectMode(mode, subject: subject, actor: actor)
        return modeAnswer(mode)
    }

    /// `{"mode": "READWRITE"}`: how every mode route answers.
    private static func modeAnswer(_ mode: SubjectMode) -> HTTPResponse {
        ConfluentResponse.json(["mode": .string(mode.rawValue)])
    }

    /// A stored schema's text in the form `?format=` asks for (see `SchemaType.served`), its
    /// references' schemas loaded only when the form needs them.
    private static func served(_ schema: RegisteredSchema, _ format: String?, _ registry: Registry) throws(SubjectError) -> String {
        guard format != nil, schema.schemaType == .protobuf else { return schema.schema }
        return schema.schemaType.served(schema.schema, format: format, dependencies: try registry.dependencies(of: schema))
    }

    /// `{"compatibility": "FULL"}` (also accepted: `compatibilityLevel`), any case; else 42203.
    private static func compatibilityLevel(_ body: JSONObject) throws(SubjectError) -> CompatibilityMode {
        let name = body["compatibility"]?.stringValue ?? body["compatibilityLevel"]?.stringValue ?? ""
        guard let level = CompatibilityMode(name: name) else {
            throw SubjectError(.invalidCompatibilityLevel, "Invalid compatibility level '\(name)'. Valid values are: \(CompatibilityMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }

    private typealias Handler<Answer> = @Sendable (ConfluentRequest, Principal) throws(SubjectError) -> Answer

    /// A route under the prefix whose refusals are Confluent error bodies; a store failure is the
    /// API's to conceal and log, and reaches the client as 50001 with the request id.
    /// `fromMemory` answers on the event loop when it can (see `Route`).
    private static func route(_ method: HTTPMethod, _ path: String, fromMemory: Handler<HTTPResponse?>? = nil,
                              _ handler: @escaping Handler<HTTPResponse>) -> Route {
        Route(method, prefix + path, fromMemory: fromMemory.map { answering($0, { $0 }) }, answering(handler, { $0 }))
    }

    /// `handler` for an authenticated caller, with subject errors in Confluent's error body and
    /// store errors as server failures; `lift` makes an answer of the handler's kind.
    private static func answering<Answer>(_ handler: @escaping Handler<Answer>, _ lift: @escaping @Sendable (HTTPResponse) -> Answer)
        -> @Sendable (RequestContext) throws -> Answer {
        { context in
            guard let actor = context.principal else {
                return lift(ConfluentResponse.error(code: 401, status: 401, message: "this endpoint needs a token"))
            }
            do throws(SubjectError) {
                return try handler(ConfluentRequest(context: context), actor)
            } catch where error.code == .storeError {
                throw ServerFailure(cause: error)
            } catch {
                return lift(ConfluentResponse.error(error))
            }
        }
    }
}
