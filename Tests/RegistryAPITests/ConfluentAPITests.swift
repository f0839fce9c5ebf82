import Foundation
import HTTPProtocol
import JSON
import Registry
import Testing

/// The Confluent-compatible schema registry under /apis/ccompat/v7, called through the router.
@Suite struct ConfluentAPITests {
    /// A subject whose topic is a Kafka topic of the orders contract: owned by order-platform, and
    /// driven by the contract, whose versions 1.0.0 and 1.1.0 are its versions 1 and 2.
    static let ordersSubject = "orders.order-events.v1-value"
    /// A subject no contract names: only an admin writes it, and any schema goes.
    static let scratchSubject = "scratch.order-events-value"
    /// The subjects the shipped mesh's Kafka contracts drive from the start: each topic's value,
    /// and the key of the three that mark theirs.
    static let shippedSubjects: [String] = [
        "catalog.product-changes.v1-value", "clickstream.page-views.v2-key", "clickstream.page-views.v2-value",
        "customers.consent-events.v1-key", "customers.consent-events.v1-value", "orders.order-events.v1-key",
        "orders.order-events.v1-value", "recommendations.served.v1-value", "recommendations.user-features.v1-value",
    ]

    /// What a team registers by hand on the orders subject: the contract's projection with a doc
    /// of its own, which the contract allows (only fields, types and nullability must agree).
    static func ordersSchemaFollowingTheContract(_ fixture: APIFixture) throws -> String {
        let projected = try JSONParser.parse(fixture.ccompat(.get, "/subjects/\(ordersSubject)/versions/latest").json["schema"]?.stringValue ?? "")
        var record = try #require(projected.objectValue, "the projection is an Avro record")
        record["doc"] = "Order events, as the order-platform team registers them."
        return JSONValue.object(record).encoded()
    }

    static func record(_ fields: [String]) -> String {
        #"{"type":"record","name":"OrderEvent","namespace":"com.retail.orders","fields":["# + fields.joined(separator: ",") + "]}"
    }

    static let v1 = record([#"{"name":"event_id","type":"string"}"#])
    static let v2 = record([#"{"name":"event_id","type":"string"}"#, #"{"name":"note","type":"string","default":""}"#])
    /// Reads v2's data but not v1's: `note` lost its default.
    static let v3 = record([#"{"name":"event_id","type":"string"}"#, #"{"name":"note","type":"string"}"#])

    static func body(_ schema: String, type: String? = nil, references: JSONValue? = nil) -> String {
        var object: JSONObject = ["schema": .string(schema)]
        if let type { object["schemaType"] = .string(type) }
        if let references { object["references"] = references }
        return JSONValue.object(object).encoded()
    }

    /// On a subject no contract drives, as the ccompat mechanics need no contract.
    @Test func registersReadsAndReRegistersIdempotently() throws {
        let fixture = try APIFixture()
        let registered = fixture.ccompat(.post, "/subjects/\(Self.scratchSubject)/versions", token: fixture.adminToken, body: Self.body(Self.v1))
        #expect(registered.status.code == 200)
        #expect(registered.headers["Content-Type"] == "application/vnd.schemaregistry.v1+json")
        let id = try #require(registered.json["id"]?.integerValue)
        let again = fixture.ccompat(.post, "/subjects/\(Self.scratchSubject)/versions", token: fixture.adminToken,
                                    headers: [("Content-Type", "application/json")], body: Self.body(Self.v1))
        #expect(again.json == ["id": .integer(id)])
        #expect(fixture.ccompat(.get, "/subjects/\(Self.scratchSubject)/versions").json == [1])
        for version in ["1", "latest", "-1"] {
            let read = fixture.ccompat(.get, "/subjects/\(Self.scratchSubject)/versions/\(version)").json
            #expect(read["subject"] == .string(Self.scratchSubject))
            #expect(read["version"] == 1)
            #expect(read["id"] == .integer(id))
            #expect(read["schemaType"] == nil, "AVRO is omitted, as Confluent does")
            #expect(try JSONParser.parse(read["schema"]?.stringValue ?? "") == JSONParser.parse(Self.v1))
        }
        #expect(fixture.ccompat(.get, "/subjects/\(Self.scratchSubject)/versions/1/schema").json == (try JSONParser.parse(Self.v1)))
        #expect(fixture.ccompat(.get, "/subjects").json == .array((Self.shippedSubjects + [Self.scratchSubject]).sorted().map { .string($0) }))
        #expect(fixture.ccompat(.get, "/subjects?subjectPrefix=scratch.").json == [.string(Self.scratchSubject)])
        #expect(fixture.ccompat(.get, "/subjects?subjectPrefix=clicks").json == ["clickstream.page-views.v2-key", "clickstream.page-views.v2-value"])
        #expect(fixture.ccompat(.get, "/subjects?subjectPrefix=nobody.").json == [])
        let byID = fixture.ccompat(.get, "/schemas/ids/\(id)?subject=\(Self.scratchSubject)")
        #expect(byID.json["schema"]?.stringValue.map { try? JSONParser.parse($0) } == (try JSONParser.parse(Self.v1)))
        #expect(byID.json["schemaType"] == nil)
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id)/schema").json == (try JSONParser.parse(Self.v1)))
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id)/subjects").json == [.string(Self.scratchSubject)])
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id)/versions").json == [["subject": .string(Self.scratchSubject), "version": 1]])
        #expect(fixture.ccompat(.get, "/schemas/types").json == ["AVRO", "JSON", "PROTOBUF"])
        let lookup = fixture.ccompat(.post, "/subjects/\(Self.scratchSubject)", body: Self.body(Self.v1))
        #expect(lookup.json["id"] == .integer(id))
        #expect(lookup.json["version"] == 1)
    }

    @Test func theSameSchemaHasTheSameIdInEverySubject() throws {
        let fixture = try APIFixture()
        let compact = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#
        let reordered = #"{ "fields": [ { "type": "int", "name": "a" } ], "name": "R", "type": "record" }"#
        let first = fixture.ccompat(.post, "/subjects/shared-a/versions", body: Self.body(compact)).json["id"]
        let second = fixture.ccompat(.post, "/subjects/shared-b/versions", body: Self.body(reordered)).json["id"]
        #expect(first != nil && first == second)
        let json = fixture.ccompat(.post, "/subjects/shared-c/versions", body: Self.body(#"{"type":"object"}"#, type: "JSON")).json["id"]
        #expect(json != nil && json != first)
        #expect(fixture.ccompat(.get, "/schemas/ids/\(json?.integerValue ?? 0)").json["schemaType"] == "JSON")
        #expect(fixture.ccompat(.get, "/subjects/shared-c/versions/1").json["schemaType"] == "JSON")
        let subjects = fixture.ccompat(.get, "/schemas/ids/\(first?.integerValue ?? 0)/subjects").json
        #expect(subjects == ["shared-a", "shared-b"])
        // With normalize=true, an Avro schema matches by Parsing Canonical Form (doc ignored).
        let documented = #"{"type":"record","name":"R","doc":"a record","fields":[{"name":"a","type":"int"}]}"#
        #expect(fixture.ccompat(.post, "/subjects/shared-d/versions?normalize=TRUE", body: Self.body(documented)).json["id"] == first)
        #expect(fixture.ccompat(.post, "/subjects/shared-e/versions", body: Self.body(documented)).json["id"] != first)
    }

    @Test func refusesIncompatibleVersionsAndTestsCompatibility() throws {
        let fixture = try APIFixture()
        let subject = Self.scratchSubject
        _ = fixture.ccompat(.post, "/subjects/\(subject)/versions", token: fixture.adminToken, body: Self.body(Self.v1))
        let breaking = Self.record([#"{"name":"event_id","type":"string"}"#, #"{"name":"total","type":"double"}"#])
        let refused = fixture.ccompat(.post, "/subjects/\(subject)/versions", token: fixture.adminToken, body: Self.body(breaking))
        #expect(refused.status.code == 409)
        #expect(refused.json["error_code"] == 409)
        let message = refused.json["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Schema being registered is incompatible with an earlier schema for subject \"\(subject)\", details: "))
        #expect(message.contains("/fields/1"))

        let test = fixture.ccompat(.post, "/compatibility/subjects/\(subject)/versions/latest?verbose=true", body: Self.body(breaking)).json
        #expect(test["is_compatible"] == false)
        #expect((test["messages"]?.arrayValue ?? []).contains { $0.stringValue?.contains("total") == true })
        #expect(fixture.ccompat(.post, "/compatibility/subjects/\(subject)/versions/1", body: Self.body(Self.v2)).json == ["is_compatible": true])
        #expect(fixture.ccompat(.post, "/compatibility/subjects/\(subject)/versions?verbose=true", body: Self.body(Self.v2)).json
            == ["is_compatible": true, "messages": []])
        #expect(fixture.ccompat(.post, "/compatibility/subjects/\(subject)/versions/7", body: Self.body(Self.v2)).json["error_code"] == 40402)
        #expect(fixture.ccompat(.post, "/compatibility/subjects/nobody-value/versions/latest", body: Self.body(Self.v2)).json["error_code"] == 40401)

        let accepted = fixture.ccompat(.post, "/subjects/\(subject)/versions", token: fixture.adminToken, body: Self.body(Self.v2))
        #expect(accepted.status.code == 200)
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions").json == [1, 2])
        // A different schema type is never compatible.
        let json = fixture.ccompat(.post, "/subjects/\(subject)/versions", token: fixture.adminToken, body: Self.body(#"{"type":"object"}"#, type: "JSON"))
        #expect(json.json["error_code"] == 409)
    }

    @Test func transitiveLevelsCheckEveryEarlierVersion() throws {
        let fixture = try APIFixture()
        let subject = "transitive-value"
        let put = fixture.ccompat(.put, "/config/\(subject)", body: #"{"compatibility":"BACKWARD_TRANSITIVE"}"#)
        #expect(put.json == ["compatibility": "BACKWARD_TRANSITIVE"])
        #expect(fixture.ccompat(.get, "/config/\(subject)").json == ["compatibilityLevel": "BACKWARD_TRANSITIVE"])
        _ = fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v1))
        _ = fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v2))
        #expect(fixture.ccompat(.post, "/compatibility/subjects/\(subject)/versions/latest", body: Self.body(Self.v3)).json == ["is_compatible": true],
                "against one version the pair check applies")
        #expect(fixture.ccompat(.post, "/compatibility/subjects/\(subject)/versions", body: Self.body(Self.v3)).json == ["is_compatible": false])
        #expect(fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v3)).json["error_code"] == 409)
        #expect(fixture.ccompat(.delete, "/config/\(subject)").json == ["compatibilityLevel": "BACKWARD_TRANSITIVE"])
        #expect(fixture.ccompat(.delete, "/config/\(subject)").json["error_code"] == 40408)
        #expect(fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v3)).json["id"] != nil, "BACKWARD compares with the latest only")
    }

    @Test func softThenPermanentDeletes() throws {
        let fixture = try APIFixture()
        let subject = "deletes-value"
        _ = fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v1))
        _ = fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v2))
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)/versions/1?permanent=true").json["error_code"] == 40407)
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)/versions/1").json == 1)
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)/versions/1").json["error_code"] == 40402)
        let hidden = fixture.ccompat(.get, "/subjects/\(subject)/versions/1")
        #expect(hidden.status.code == 404)
        #expect(hidden.json["error_code"] == 40402)
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions/1?deleted=true").json["version"] == 1)
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions").json == [2])
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions?deleted=True").json == [1, 2])
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)/versions/1?permanent=true").json == 1)
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions?deleted=true").json == [2])

        #expect(fixture.ccompat(.delete, "/subjects/\(subject)?permanent=true").json["error_code"] == 40405)
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)").json == [2])
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)").json["error_code"] == 40404)
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions").json["error_code"] == 40401)
        let shipped = JSONValue.array(Self.shippedSubjects.map { .string($0) })
        #expect(fixture.ccompat(.get, "/subjects").json == shipped)
        #expect(fixture.ccompat(.get, "/subjects?deleted=true").json == .array((Self.shippedSubjects + [subject]).sorted().map { .string($0) }))
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)?permanent=true").json == [2])
        #expect(fixture.ccompat(.get, "/subjects?deleted=true").json == shipped)
        #expect(fixture.ccompat(.delete, "/subjects/\(subject)").json["error_code"] == 40401)
        // The id survives in the schema table: registering again reuses it.
        let id = fixture.ccompat(.post, "/subjects/\(subject)/versions", body: Self.body(Self.v2)).json["id"]
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id?.integerValue ?? 0)").status.code == 200)
        #expect(fixture.ccompat(.get, "/subjects/\(subject)/versions").json == [1])
    }

    @Test func globalAndSubjectConfigAndMode() throws {
        let fixture = try APIFixture()
        #expect(fixture.ccompat(.get, "/config").json == ["compatibilityLevel": "BACKWARD"])
        let notAdmin = fixture.ccompat(.put, "/config", token: fixture.ordersOwnerToken, body: #"{"compatibility":"FULL"}"#)
        #expect(notAdmin.status.code == 403)
        #expect(notAdmin.json["error_code"] == 40301)
        #expect(fixture.ccompat(.put, "/config", body: #"{"compatibility":"full"}"#).json == ["compatibility": "FULL"])
        #expect(fixture.ccompat(.get, "/config").json == ["compatibilityLevel": "FULL"])
        let invalid = fixture.ccompat(.put, "/config", body: #"{"compatibility":"SIDEWAYS"}"#)
        #expect(invalid.status.code == 422)
        #expect(invalid.json["error_code"] == 42203)
        let unset = fixture.ccompat(.get, "/config/\(Self.ordersSubject)")
        #expect(unset.status.code == 404)
        #expect(unset.json["error_code"] == 40408)
        #expect(fixture.ccompat(.get, "/config/\(Self.ordersSubject)?defaultToGlobal=true").json == ["compatibilityLevel": "FULL"])
        #expect(fixture.ccompat(.put, "/config/\(Self.ordersSubject)", token: fixture.ordersOwnerToken, body: #"{"compatibility":"NONE"}"#).json
            == ["compatibility": "NONE"])

        #expect(fixture.ccompat(.get, "/mode").json == ["mode": "READWRITE"])
        let importMode = fixture.ccompat(.put, "/mode", body: #"{"mode":"IMPORT"}"#)
        #expect(importMode.json["error_code"] == 42204)
        #expect(importMode.json["message"]?.stringValue?.contains("not supported") == true)
        #expect(fixture.ccompat(.put, "/mode/\(Self.ordersSubject)", token: fixture.ordersOwnerToken, body: #"{"mode":"READONLY"}"#).json == ["mode": "READONLY"])
        #expect(fixture.ccompat(.get, "/mode/\(Self.ordersSubject)").json == ["mode": "READONLY"])
        let readOnly = fixture.ccompat(.post, "/subjects/\(Self.ordersSubject)/versions", token: fixture.ordersOwnerToken, body: Self.body(Self.v1))
        #expect(readOnly.status.code == 422)
        #expect(readOnly.json["error_code"] == 42205)
        #expect(fixture.ccompat(.delete, "/mode/\(Self.ordersSubject)", token: fixture.ordersOwnerToken).json == ["mode": "READONLY"])
        let following = try Self.ordersSchemaFollowingTheContract(fixture)
        #expect(fixture.ccompat(.post, "/subjects/\(Self.ordersSubject)/versions", token: fixture.ordersOwnerToken, body: Self.body(following)).json["id"] != nil)
        #expect(fixture.ccompat(.put, "/mode", token: fixture.outsiderToken, body: #"{"mode":"READONLY"}"#).json["error_code"] == 40301)
        #expect(fixture.ccompat(.put, "/mode", body: #"{"mode":"READONLY"}"#).json == ["mode": "READONLY"])
        #expect(fixture.ccompat(.get, "/mode").json == ["mode": "READONLY"])
        #expect(fixture.ccompat(.post, "/subjects/\(Self.ordersSubject)/versions", token: fixture.ordersOwnerToken, body: Self.body(Self.v1)).json["error_code"] == 42205)
    }

    @Test func anotherTeamsTopicSubjectIsForbiddenAndAudited() throws {
        let fixture = try APIFixture()
        let following = try Self.ordersSchemaFollowingTheContract(fixture)
        let refused = fixture.ccompat(.post, "/subjects/\(Self.ordersSubject)/versions", token: fixture.outsiderToken, body: Self.body(following))
        #expect(refused.status.code == 403)
        #expect(refused.json["error_code"] == 40301)
        #expect(refused.json["message"]?.stringValue?.contains("order-platform") == true)
        let key = fixture.ccompat(.post, "/subjects/orders.order-events.v1-key/versions", token: fixture.outsiderToken, body: Self.body(#""string""#))
        #expect(key.json["error_code"] == 40301)
        // Subjects naming no contract's topic need an admin.
        let unowned = fixture.ccompat(.post, "/subjects/scratch-value/versions", token: fixture.ordersOwnerToken, body: Self.body(Self.v1))
        #expect(unowned.json["error_code"] == 40301)
        #expect(fixture.ccompat(.post, "/subjects/\(Self.ordersSubject)/versions", token: fixture.ordersOwnerToken, body: Self.body(following)).status.code == 200)
        #expect(fixture.ccompat(.delete, "/subjects/\(Self.ordersSubject)", token: fixture.outsiderToken).json["error_code"] == 40301)
        // Reads are open to every token: the contract's two versions, then the owner's.
        #expect(fixture.ccompat(.get, "/subjects/\(Self.ordersSubject)/versions", token: fixture.outsiderToken).json == [1, 2, 3])

        let entries = try fixture.registry.auditEntries(AuditQuery(limit: 100)).entries.filter { $0.targetKind == "subject" }
        #expect(entries.contains { $0.action == "subject.register" && $0.outcome == .refused && $0.code == "40301" && $0.actor == "sam.lee" })
        #expect(entries.contains { $0.action == "subject.register" && $0.outcome == .allowed && $0.target == Self.ordersSubject && $0.actor == "david.kim" })
        #expect(entries.contains { $0.action == "subject.delete" && $0.outcome == .refused })
    }

    @Test func openSubjectsLetAnyTokenWriteUnownedSubjects() throws {
        let fixture = try APIFixture(configuration: RegistryConfiguration(openSubjects: true))
        #expect(fixture.ccompat(.post, "/subjects/scratch-value/versions", token: fixture.outsiderToken, body: Self.body(Self.v1)).status.code == 200)
        #expect(fixture.ccompat(.post, "/subjects/\(Self.ordersSubject)/versions", token: fixture.outsiderToken, body: Self.body(Self.v1)).status.code == 403)
    }

    @Test func refusesInvalidRequestsWithConfluentCodes() throws {
        let fixture = try APIFixture()
        let invalid = fixture.ccompat(.post, "/subjects/x-value/versions", body: Self.body(#"{"type":"record","name":"R","fields":[{"name":"a","type":"nope"}]}"#))
        #expect(invalid.status.code == 422)
        #expect(invalid.json["error_code"] == 42201)
        #expect(invalid.json["message"]?.stringValue?.contains("/fields/0/type") == true)
        #expect(fixture.ccompat(.post, "/subjects/x-value/versions", body: Self.body("{not json")).json["error_code"] == 42201)
        let references = fixture.ccompat(.post, "/subjects/x-value/versions",
                                         body: Self.body(Self.v1, references: [["name": "a", "subject": "b", "version": 1]]))
        #expect(references.json["error_code"] == 42201)
        #expect(references.json["message"]?.stringValue?.contains("names subject 'b' version 1, which does not exist") == true)
        #expect(fixture.ccompat(.post, "/subjects/x-value/versions", body: Self.body(Self.v1, type: "PROTOBUF")).json["error_code"] == 42201)
        #expect(fixture.ccompat(.get, "/subjects/x-value/versions/abc").json["error_code"] == 42202)
        #expect(fixture.ccompat(.get, "/subjects/x-value/versions/0").json["error_code"] == 42202)
        #expect(fixture.ccompat(.get, "/subjects/x-value/versions/1").json["error_code"] == 40401)
        #expect(fixture.ccompat(.post, "/subjects/x-value", body: Self.body(Self.v1)).json["error_code"] == 40401)
        _ = fixture.ccompat(.post, "/subjects/x-value/versions", body: Self.body(Self.v1))
        let absent = fixture.ccompat(.post, "/subjects/x-value", body: Self.body(Self.v2))
        #expect(absent.status.code == 404)
        #expect(absent.json["error_code"] == 40403)
        #expect(fixture.ccompat(.get, "/subjects/x-value/versions/9").json["error_code"] == 40402)
        #expect(fixture.ccompat(.get, "/schemas/ids/999").json["error_code"] == 40403)
        let media = fixture.ccompat(.post, "/subjects/x-value/versions", headers: [("Content-Type", "text/plain")], body: Self.body(Self.v1))
        #expect(media.status.code == 415)
        #expect(media.json["error_code"] == 415)
        #expect(fixture.ccompat(.post, "/subjects/x-value/versions", headers: [("Content-Type", "application/vnd.schemaregistry.v1+json")], body: Self.body(Self.v1)).status.code == 200)
    }

    @Test func unknownRoutesAndMethodsAnswerWithConfluentBodies() throws {
        let fixture = try APIFixture()
        let probe = fixture.ccompat(.get, "/associations/resources/default/orders.order-events.v1?association_types=value")
        #expect(probe.status.code == 404)
        #expect(probe.headers["Content-Type"] == "application/vnd.schemaregistry.v1+json")
        #expect(probe.json["error_code"] == 404)
        #expect(probe.json["message"]?.stringValue?.isEmpty == false)
        let method = fixture.ccompat(.patch, "/subjects")
        #expect(method.status.code == 405)
        #expect(method.json["error_code"] == 405)
        #expect(method.headers["Allow"] != nil)
        let anonymous = fixture.send(.get, "/apis/ccompat/v7/subjects")
        #expect(anonymous.status.code == 401)
        #expect(anonymous.json["error_code"] == 401)
        #expect(anonymous.headers.values(for: "WWW-Authenticate").count == 2)
        let basic = Data("kafka:\(fixture.outsiderToken)".utf8).base64EncodedString()
        #expect(fixture.send(.get, "/apis/ccompat/v7/subjects", headers: [("Authorization", "Basic \(basic)")]).status.code == 200)
        #expect(fixture.send(.get, "/api/v1/nothing").headers["Content-Type"] == "application/problem+json", "other prefixes keep problem+json")
    }
}

extension APIFixture {
    /// A request under /apis/ccompat/v7, by default as the admin and with no Content-Type.
    func ccompat(_ method: HTTPMethod, _ path: String, token: String? = nil, headers: [(String, String)]? = nil, body: String? = nil) -> HTTPResponse {
        send(method, "/apis/ccompat/v7" + path, token: token ?? adminToken, headers: headers ?? [], body: body)
    }
}
