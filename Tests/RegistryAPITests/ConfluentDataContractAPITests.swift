import Foundation
import HTTPProtocol
import JSON
import Registry
import Testing

/// Confluent data contracts under /apis/ccompat/v7: `metadata` and `ruleSet` validated, stored
/// per version, part of the schema's identity and merged with the config's defaults and
/// overrides. The validation and merge cases are the scenarios of a Confluent-compatible
/// registry's functional suite (rule-set validation and three-layer merge), replayed here.
@Suite struct ConfluentDataContractAPITests {
    static func record(_ name: String, extraField: Bool = false) -> String {
        let fields = [#"{"name":"a","type":"string"}"#] + (extraField ? [#"{"name":"b","type":"string","default":""}"#] : [])
        return #"{"type":"record","name":""# + name + #"","fields":["# + fields.joined(separator: ",") + "]}"
    }

    static func body(_ schema: String, _ extra: String = "") -> String {
        "{\"schema\":" + JSONValue.string(schema).encoded() + (extra.isEmpty ? "" : "," + extra) + "}"
    }

    static func rule(_ name: String, kind: String = "CONDITION", mode: String = "WRITE", type: String = "CEL", expr: String = "true") -> String {
        #"{"name":"\#(name)","kind":"\#(kind)","mode":"\#(mode)","type":"\#(type)","expr":\#(JSONValue.string(expr).encoded())}"#
    }

    @Test func metadataAndRuleSetAreStoredServedAndPartOfTheIdentity() throws {
        let fixture = try APIFixture()
        let contract = #""metadata":{"tags":{"a":["PII"]},"properties":{"owner":"team-a"},"sensitive":["secret"]},"ruleSet":{"domainRules":[\#(Self.rule("aNotEmpty", expr: "size(message.a) > 0"))]}"#
        let first = fixture.ccompat(.post, "/subjects/dc-value/versions", body: Self.body(Self.record("R"), contract))
        let id = try #require(first.json["id"]?.integerValue, "\(first.json)")
        let version = fixture.ccompat(.get, "/subjects/dc-value/versions/1").json
        #expect(version["metadata"] == ["properties": ["owner": "team-a"], "sensitive": ["secret"], "tags": ["a": ["PII"]]])
        #expect(version["ruleSet"]?["domainRules"]?[0]?["expr"] == "size(message.a) > 0")
        #expect(version["ruleSet"]?["domainRules"]?[0]?["kind"] == "CONDITION")
        let byID = fixture.ccompat(.get, "/schemas/ids/\(id)").json
        #expect(byID["metadata"] == version["metadata"])
        #expect(byID["ruleSet"] == version["ruleSet"])

        #expect(fixture.ccompat(.post, "/subjects/dc-value/versions", body: Self.body(Self.record("R"), contract)).json["id"] == .integer(id))
        // The same schema without metadata inherits the latest version's, so it is that version.
        #expect(fixture.ccompat(.post, "/subjects/dc-value/versions", body: Self.body(Self.record("R"))).json["id"] == .integer(id))
        // Other metadata: a new id and version, though the schema text is the same.
        let changed = fixture.ccompat(.post, "/subjects/dc-value/versions", body: Self.body(Self.record("R"), #""metadata":{"properties":{"owner":"team-b"}}"#))
        let changedID = try #require(changed.json["id"]?.integerValue)
        #expect(changedID != id)
        #expect(fixture.ccompat(.get, "/subjects/dc-value/versions").json == [1, 2])

        // A lookup without metadata finds the newest version with the schema; with metadata, the matching one.
        #expect(fixture.ccompat(.post, "/subjects/dc-value", body: Self.body(Self.record("R"))).json["version"] == 2)
        #expect(fixture.ccompat(.post, "/subjects/dc-value", body: Self.body(Self.record("R"), contract)).json["version"] == 1)

        // The latest version with given metadata properties.
        #expect(fixture.ccompat(.get, "/subjects/dc-value/metadata?key=owner&value=team-a").json["version"] == 1)
        #expect(fixture.ccompat(.get, "/subjects/dc-value/metadata?key=owner&value=team-b").json["id"] == .integer(changedID))
        #expect(fixture.ccompat(.get, "/subjects/dc-value/metadata?key=owner&value=team-c").json["error_code"] == 40403)
        #expect(fixture.ccompat(.get, "/subjects/dc-value/metadata?key=owner").json["error_code"] == 400)
        #expect(fixture.ccompat(.get, "/subjects/none-value/metadata?key=owner&value=x").json["error_code"] == 40401)
    }

    /// Recorded refusals: each rule set is 42201, with the JSON Pointer and what to fix.
    @Test(arguments: [
        (#"{"domainRules":[{"kind":"CONDITION","mode":"WRITE","type":"CEL","expr":"true"}]}"#, "/ruleSet/domainRules/0/name is missing"),
        (#"{"domainRules":[{"name":"","kind":"CONDITION","mode":"WRITE","type":"CEL","expr":"true"}]}"#, "/ruleSet/domainRules/0/name is missing"),
        (#"{"domainRules":[{"name":"9lives","kind":"CONDITION","mode":"WRITE","type":"CEL","expr":"true"}]}"#, "'9lives' is not a valid rule name"),
        (#"{"domainRules":[\#(rule("badKind", kind: "INVALID"))]}"#, "/ruleSet/domainRules/0/kind of rule 'badKind' must be CONDITION or TRANSFORM"),
        (#"{"domainRules":[\#(rule("badKindRule", kind: "FILTER"))]}"#, "must be CONDITION or TRANSFORM"),
        (#"{"domainRules":[\#(rule("badMode", mode: "INVALID"))]}"#, "/ruleSet/domainRules/0/mode of rule 'badMode' must be one of"),
        (#"{"domainRules":[\#(rule("upgradeToDomain", mode: "UPGRADE"))]}"#, "domain rules can only be WRITE, READ or WRITEREAD"),
        (#"{"migrationRules":[\#(rule("badMode", kind: "TRANSFORM", mode: "INVALID"))]}"#, "/ruleSet/migrationRules/0/mode of rule 'badMode' must be one of"),
        (#"{"migrationRules":[\#(rule("readInMigration", kind: "TRANSFORM", mode: "READ"))]}"#, "migration rules can only be UPGRADE, DOWNGRADE or UPDOWN"),
        (#"{"domainRules":[\#(rule("twice")),\#(rule("twice"))]}"#, "/ruleSet/domainRules/1/name repeats the rule name 'twice'"),
        (#"{"domainRules":[\#(rule("broken", expr: "message.a =="))]}"#, "/ruleSet/domainRules/0/expr of rule 'broken' does not compile at 1:13: expected a value"),
        (#"{"domainRules":[\#(rule("unknownVariable", expr: "msg.a == ''"))]}"#, "of rule 'unknownVariable' does not compile at 1:1"),
        (#"{"domainRules":[\#(rule("guarded", type: "CEL_FIELD", expr: "name == 'a' ;\n value ==="))]}"#, "of rule 'guarded' does not compile at 2:"),
        (#"{"domainRules":[\#(rule("noExpression", type: "CEL", expr: ""))]}"#, "of CEL rule 'noExpression' is missing"),
        (#"{"encodingRules":[\#(rule("encode"))]}"#, "/ruleSet/encodingRules are not supported"),
    ])
    func invalidRuleSetsAreRefusedWithWhereAndWhat(ruleSet: String, message: String) throws {
        let fixture = try APIFixture()
        let refused = fixture.ccompat(.post, "/subjects/rules-value/versions", body: Self.body(Self.record("R"), #""ruleSet":"# + ruleSet))
        #expect(refused.status.code == 422)
        #expect(refused.json["error_code"] == 42201)
        #expect(refused.json["message"]?.stringValue?.contains(message) == true, "\(refused.json["message"] ?? .null)")
        #expect(fixture.ccompat(.put, "/config/rules-value", body: #"{"defaultRuleSet":"# + ruleSet + "}").json["error_code"] == 42201)
    }

    /// Recorded acceptances: valid modes for each list, actions, TRANSFORM rules, other rule types stored as given.
    @Test(arguments: [
        #"{"domainRules":[\#(rule("validateEmail", expr: "message.a.contains('@')"))]}"#,
        #"{"migrationRules":[\#(rule("upgradeRule", kind: "TRANSFORM", mode: "UPGRADE", expr: "message"))]}"#,
        #"{"migrationRules":[\#(rule("downgradeRule", kind: "TRANSFORM", mode: "DOWNGRADE"))]}"#,
        #"{"migrationRules":[\#(rule("updownRule", kind: "TRANSFORM", mode: "UPDOWN"))]}"#,
        #"{"domainRules":[{"name":"ruleWithActions","kind":"CONDITION","mode":"WRITE","type":"CEL","expr":"size(message.a) > 0","onSuccess":"DLQ","onFailure":"ERROR"}]}"#,
        #"{"domainRules":[]}"#,
        #"{"domainRules":[\#(rule("rule1", expr: "message.a != ''")),\#(rule("rule2", kind: "TRANSFORM", mode: "READ", expr: "message")),\#(rule("rule3", mode: "WRITEREAD"))]}"#,
        #"{"domainRules":[\#(rule("ssn", type: "CEL_FIELD", expr: "name == 'a' ; value != ''"))]}"#,
        #"{"domainRules":[{"name":"encryptPII","kind":"TRANSFORM","mode":"WRITEREAD","type":"ENCRYPT","tags":["PII"],"params":{"encrypt.kek.name":"k1"}}]}"#,
    ])
    func validRuleSetsAreStoredAsGiven(ruleSet: String) throws {
        let fixture = try APIFixture()
        let registered = fixture.ccompat(.post, "/subjects/rules-value/versions", body: Self.body(Self.record("R"), #""ruleSet":"# + ruleSet))
        #expect(registered.status.code == 200, "\(registered.json)")
        let given = try SchemaRuleSet(json: try JSONParser.parse(ruleSet), at: .root)
        #expect(fixture.ccompat(.get, "/subjects/rules-value/versions/1").json["ruleSet"] == given.json)
        let names = (given.migrationRules + given.domainRules).map(\.name)
        let served = fixture.ccompat(.get, "/subjects/rules-value/versions/1").json["ruleSet"]
        let servedNames = ((served?["migrationRules"]?.arrayValue ?? []) + (served?["domainRules"]?.arrayValue ?? [])).compactMap { $0["name"]?.stringValue }
        #expect(servedNames == names)
    }

    /// Recorded three-layer merges: `PUT /config/{subject}` then a registration; the version then
    /// holds `contains` and none of `lacks`.
    @Test(arguments: [
        (#""defaultMetadata":{"properties":{"team":"platform","env":"prod"}}"#, "", ["platform", "prod"], [String]()),
        (#""overrideMetadata":{"properties":{"classification":"internal","team":"security"}}"#,
         #""metadata":{"properties":{"team":"data-eng","domain":"analytics"}}"#, ["security", "internal", "analytics"], ["data-eng"]),
        (#""defaultMetadata":{"properties":{"source":"default-layer","tier":"bronze"}},"overrideMetadata":{"properties":{"tier":"gold","approved":"yes"}}"#,
         #""metadata":{"properties":{"owner":"team-alpha","tier":"silver"}}"#, ["default-layer", "team-alpha", "approved", "gold"], ["bronze", "silver"]),
        (#""defaultRuleSet":{"domainRules":[\#(rule("defaultCheck"))]}"#, "", ["defaultCheck", "CONDITION"], []),
        (#""overrideRuleSet":{"domainRules":[\#(rule("enforcePolicy", expr: "message.a != ''"))]}"#,
         #""ruleSet":{"domainRules":[\#(rule("userValidation", expr: "size(message.a) > 0"))]}"#, ["enforcePolicy", "userValidation"], []),
        (#""defaultMetadata":{"properties":{"region":"us-east-1"}}"#, #""metadata":{"properties":{"service":"payments"}}"#, ["us-east-1", "payments"], []),
        (#""defaultMetadata":{"tags":{"a":["PII"]},"sensitive":["ssn"]}"#, #""metadata":{"tags":{"email":["CONTACT"]},"sensitive":["email"]}"#,
         ["PII", "CONTACT", "ssn", "email"], []),
        (#""overrideRuleSet":{"domainRules":[\#(rule("validate", expr: "message.a != 'BLOCKED'"))]}"#,
         #""ruleSet":{"domainRules":[\#(rule("validate", expr: "size(message.a) > 0")),\#(rule("extraCheck"))]}"#, ["BLOCKED", "extraCheck"], ["size(message.a)"]),
        (#""defaultRuleSet":{"domainRules":[\#(rule("baseRule"))]},"overrideRuleSet":{"domainRules":[\#(rule("enforcedRule", expr: "message.a != 'FORBIDDEN'"))]}"#,
         #""ruleSet":{"domainRules":[\#(rule("specificRule", expr: "size(message.a) < 100"))]}"#, ["baseRule", "specificRule", "enforcedRule"], []),
    ])
    func configDefaultsAndOverridesMergeAsConfluentMerges(config: String, registration: String, contains: [String], lacks: [String]) throws {
        let fixture = try APIFixture()
        #expect(fixture.ccompat(.put, "/config/merge-value", body: #"{"compatibility":"NONE","# + config + "}").status.code == 200)
        #expect(fixture.ccompat(.post, "/subjects/merge-value/versions", body: Self.body(Self.record("Merged"), registration)).status.code == 200)
        let version = fixture.ccompat(.get, "/subjects/merge-value/versions/1")
        let text = String(decoding: version.body, as: UTF8.self)
        for expected in contains { #expect(text.contains(expected), "\(expected) in \(text)") }
        for unexpected in lacks { #expect(!text.contains(unexpected), "\(unexpected) not in \(text)") }
    }

    @Test func laterVersionsInheritAndOverridesApplyAgain() throws {
        let fixture = try APIFixture()
        #expect(fixture.ccompat(.put, "/config/inherit-value", body: #"{"compatibility":"NONE","overrideMetadata":{"properties":{"status":"approved"}}}"#).status.code == 200)
        _ = fixture.ccompat(.post, "/subjects/inherit-value/versions", body: Self.body(Self.record("R"), #""metadata":{"properties":{"owner":"team-x"}},"ruleSet":{"domainRules":[\#(Self.rule("inheritedRule"))]}"#))
        _ = fixture.ccompat(.post, "/subjects/inherit-value/versions", body: Self.body(Self.record("R", extraField: true)))
        let second = fixture.ccompat(.get, "/subjects/inherit-value/versions/2").json
        #expect(second["metadata"]?["properties"] == ["owner": "team-x", "status": "approved"])
        #expect(second["ruleSet"]?["domainRules"]?[0]?["name"] == "inheritedRule")
    }

    @Test func globalAndSubjectConfigsCarryTheDataContractSettings() throws {
        let fixture = try APIFixture()
        let put = fixture.ccompat(.put, "/config", body: #"{"compatibility":"BACKWARD","defaultMetadata":{"properties":{"org":"acme-corp"}}}"#)
        #expect(put.json == ["compatibility": "BACKWARD", "defaultMetadata": ["properties": ["org": "acme-corp"]]])
        #expect(fixture.ccompat(.get, "/config").json == ["compatibilityLevel": "BACKWARD", "defaultMetadata": ["properties": ["org": "acme-corp"]]])
        _ = fixture.ccompat(.post, "/subjects/global-value/versions", body: Self.body(Self.record("G")))
        #expect(fixture.ccompat(.get, "/subjects/global-value/versions/1").json["metadata"] == ["properties": ["org": "acme-corp"]])

        // A subject config of only data-contract settings keeps the level where it is set.
        #expect(fixture.ccompat(.put, "/config/global-value", body: #"{"overrideRuleSet":{"domainRules":[\#(Self.rule("subjectRule", kind: "TRANSFORM", mode: "READ", expr: "message"))]}}"#).status.code == 200)
        let subject = fixture.ccompat(.get, "/config/global-value").json
        #expect(subject["compatibilityLevel"] == nil)
        #expect(subject["overrideRuleSet"]?["domainRules"]?[0]?["name"] == "subjectRule")
        let effective = fixture.ccompat(.get, "/config/global-value?defaultToGlobal=true").json
        #expect(effective["compatibilityLevel"] == "BACKWARD")
        #expect(effective["defaultMetadata"] == ["properties": ["org": "acme-corp"]])

        // null removes a setting; DELETE removes the subject's config.
        #expect(fixture.ccompat(.put, "/config", body: #"{"defaultMetadata":null}"#).status.code == 200)
        #expect(fixture.ccompat(.get, "/config").json == ["compatibilityLevel": "BACKWARD"])
        #expect(fixture.ccompat(.delete, "/config/global-value").json["overrideRuleSet"] != nil)
        #expect(fixture.ccompat(.get, "/config/global-value").json["error_code"] == 40408)
        #expect(fixture.ccompat(.put, "/config", body: #"{}"#).json["error_code"] == 42203)
        #expect(fixture.ccompat(.put, "/config/global-value", token: fixture.outsiderToken, body: #"{"defaultMetadata":{}}"#).json["error_code"] == 40301)
    }

    @Test(arguments: [
        (#""metadata":{"properties":{"a":1}}"#, "/metadata/properties/a must be a string"),
        (#""metadata":{"tags":{"a":"PII"}}"#, "/metadata/tags/a must be an array"),
        (#""metadata":{"owner":"x"}"#, "/metadata/owner is not a metadata field"),
        (#""metadata":[]"#, "/metadata must be an object"),
    ])
    func invalidMetadataIsRefusedWithItsPointer(metadata: String, message: String) throws {
        let fixture = try APIFixture()
        let refused = fixture.ccompat(.post, "/subjects/meta-value/versions", body: Self.body(Self.record("R"), metadata))
        #expect(refused.json["error_code"] == 42201)
        #expect(refused.json["message"]?.stringValue?.contains(message) == true, "\(refused.json["message"] ?? .null)")
    }
}
