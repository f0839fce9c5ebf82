import Compatibility
import HTTPProtocol
import JSON
import Registry

/// `/apis/ccompat/v7`: the Confluent Schema Registry REST subset Kafka serializers use:
/// subjects and versions, schemas by id, compatibility tests, compatibility levels and modes.
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
                let versions = try registry.subjectVersions(request.subject(), includeDeleted: request.flag("deleted"))
                return ConfluentResponse.json(.array(versions.map { .integer(Int64($0)) }))
            },
            route(.post, "/subjects/{subject}/versions") { request, actor throws(SubjectError) in
                let id = try registry.registerSchema(try request.submission(), subject: request.subject(), actor: actor)
                return ConfluentResponse.json(["id": .integer(Int64(id))])
            },
            route(.get, "/subjects/{subject}/versions/{version}") { request, _ throws(SubjectError) in
                let version = try registry.subjectVersion(request.subject(), try request.version(), includeDeleted: request.flag("deleted"))
                return ConfluentResponse.json(ConfluentResponse.version(version, format: request.schemaFormat))
            },
            route(.get, "/subjects/{subject}/versions/{version}/schema") { request, _ throws(SubjectError) in
                let version = try registry.subjectVersion(request.subject(), try request.version(), includeDeleted: request.flag("deleted"))
                return ConfluentResponse.text(version.schema.schema)
            },
            route(.get, "/subjects/{subject}/versions/{version}/referencedby") { request, _ throws(SubjectError) in
                _ = try registry.subjectVersion(request.subject(), try request.version(), includeDeleted: true)
                return ConfluentResponse.json([])
            },
            route(.delete, "/subjects/{subject}/versions/{version}") { request, actor throws(SubjectError) in
                let version = try registry.deleteSubjectVersion(request.subject(), try request.version(), permanent: request.flag("permanent"), actor: actor)
                return ConfluentResponse.json(.integer(Int64(version)))
            },
            route(.post, "/subjects/{subject}") { request, _ throws(SubjectError) in
                let version = try registry.lookUpSchema(try request.submission(), subject: request.subject(), includeDeleted: request.flag("deleted"))
                return ConfluentResponse.json(ConfluentResponse.version(version))
            },
            route(.delete, "/subjects/{subject}") { request, actor throws(SubjectError) in
                let versions = try registry.deleteSubject(request.subject(), permanent: request.flag("permanent"), actor: actor)
                return ConfluentResponse.json(.array(versions.map { .integer(Int64($0)) }))
            },
        ]
    }

    private static func schemaRoutes(_ registry: Registry, cache: ConfluentSchemaCache) -> [Route] {
        [
            route(.get, "/schemas/ids/{id}") { request, _ throws(SubjectError) in
                // `?subject=` is accepted and ignored: ids are global here (no schema contexts).
                let id = try request.schemaID()
                let format = request.schemaFormat
                let encode = { () throws(SubjectError) -> [UInt8] in
                    let schema = try registry.registeredSchema(id: id)
                    var body: JSONObject = [:]
                    if schema.schemaType != .avro { body["schemaType"] = .string(schema.schemaType.confluentName) }
                    body["schema"] = .string(schema.schemaType.served(schema.schema, format: format))
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
                ConfluentResponse.json(["compatibilityLevel": .string(try registry.effectiveCompatibilityLevel(subject: nil).rawValue)])
            },
            route(.put, "/config") { request, actor throws(SubjectError) in
                let level = try compatibilityLevel(request)
                try registry.setCompatibilityLevel(level, subject: nil, actor: actor)
                return ConfluentResponse.json(["compatibility": .string(level.rawValue)])
            },
            route(.get, "/config/{subject}") { request, _ throws(SubjectError) in
                let subject = request.subject()
                if let level = try registry.compatibilityLevel(subject: subject) {
                    return ConfluentResponse.json(["compatibilityLevel": .string(level.rawValue)])
                }
                guard request.flag("defaultToGlobal") else {
                    throw SubjectError(.subjectConfigNotFound, "Subject '\(subject)' does not have subject-level compatibility configured")
                }
                return ConfluentResponse.json(["compatibilityLevel": .string(try registry.effectiveCompatibilityLevel(subject: nil).rawValue)])
            },
            route(.put, "/config/{subject}") { request, actor throws(SubjectError) in
                let level = try compatibilityLevel(request)
                try registry.setCompatibilityLevel(level, subject: request.subject(), actor: actor)
                return ConfluentResponse.json(["compatibility": .string(level.rawValue)])
            },
            route(.delete, "/config/{subject}") { request, actor throws(SubjectError) in
                let removed = try registry.deleteCompatibilityLevel(subject: request.subject(), actor: actor)
                return ConfluentResponse.json(["compatibilityLevel": .string(removed.rawValue)])
            },
        ]
    }

    private static func modeRoutes(_ registry: Registry) -> [Route] {
        [
            route(.get, "/mode") { _, _ throws(SubjectError) in
                ConfluentResponse.json(["mode": .string(try registry.subjectMode(subject: nil).rawValue)])
            },
            route(.put, "/mode") { request, actor throws(SubjectError) in
                let mode = try SubjectMode(name: try request.field("mode", invalid: .invalidMode))
                try registry.setSubjectMode(mode, subject: nil, actor: actor)
                return ConfluentResponse.json(["mode": .string(mode.rawValue)])
            },
            route(.get, "/mode/{subject}") { request, _ throws(SubjectError) in
                ConfluentResponse.json(["mode": .string(try registry.subjectMode(subject: request.subject()).rawValue)])
            },
            route(.put, "/mode/{subject}") { request, actor throws(SubjectError) in
                let mode = try SubjectMode(name: try request.field("mode", invalid: .invalidMode))
                try registry.setSubjectMode(mode, subject: request.subject(), actor: actor)
                return ConfluentResponse.json(["mode": .string(mode.rawValue)])
            },
            route(.delete, "/mode/{subject}") { request, actor throws(SubjectError) in
                let removed = try registry.deleteSubjectMode(subject: request.subject(), actor: actor)
                return ConfluentResponse.json(["mode": .string(removed.rawValue)])
            },
        ]
    }

    /// `{"compatibility": "FULL"}` (also accepted: `compatibilityLevel`), any case; else 42203.
    private static func compatibilityLevel(_ request: ConfluentRequest) throws(SubjectError) -> CompatibilityMode {
        let body = try request.body()
        let name = body["compatibility"]?.stringValue ?? body["compatibilityLevel"]?.stringValue ?? ""
        guard let level = CompatibilityMode(name: name) else {
            throw SubjectError(.invalidCompatibilityLevel, "Invalid compatibility level '\(name)'. Valid values are: \(CompatibilityMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }

    /// A route under the prefix whose refusals are Confluent error bodies; a store failure is the
    /// API's to conceal and log, and reaches the client as 50001 with the request id.
    private static func route(_ method: HTTPMethod, _ path: String,
                              _ handler: @escaping @Sendable (ConfluentRequest, Principal) throws(SubjectError) -> HTTPResponse) -> Route {
        Route(method, prefix + path) { context in
            guard let actor = context.principal else {
                return ConfluentResponse.error(code: 401, status: 401, message: "this endpoint needs a token")
            }
            do throws(SubjectError) {
                return try handler(ConfluentRequest(context: context), actor)
            } catch where error.code == .storeError {
                throw ServerFailure(cause: error)
            } catch {
                return ConfluentResponse.error(error)
            }
        }
    }
}
