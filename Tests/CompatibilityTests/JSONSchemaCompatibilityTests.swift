import JSON
import Testing
@testable import Compatibility

/// JSON Schema checks beyond Confluent's vectors: modes, paths, references and refusals.
struct JSONSchemaCompatibilityTests {
    let checker = JSONSchemaCompatibilityChecker()

    static func schema(_ text: String) throws -> JSONSchemaDocument { try JSONSchemaDocument(parsing: text) }

    @Test func removingAPropertyFromAClosedModelBreaksWithPointers() throws {
        let old = try Self.schema(#"{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"additionalProperties":false}"#)
        let new = try Self.schema(#"{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}"#)
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(report.findings.map(\.rule) == ["json.property-removed-from-closed-content-model"])
        #expect(report.findings[0].oldPath == JSONPointer("/properties/b"))
        #expect(report.findings[0].newPath == nil)
        #expect(report.findings[0].expected == #"{"type":"integer"}"#)
    }

    @Test func fullModeChecksBothDirections() throws {
        let old = try Self.schema(#"{"type":"integer"}"#)
        let new = try Self.schema(#"{"type":"number"}"#)
        let report = checker.check(new: new, against: [old], mode: .full)
        #expect(report.findings.map { "\($0.direction.rawValue) \($0.rule) \($0.verdict.rawValue)" } == [
            "backward json.type-extended additive", "forward json.type-narrowed breaking",
        ])
    }

    @Test func recursiveReferencesTerminate() throws {
        let text = ##"{"$defs":{"node":{"type":"object","properties":{"value":{"type":"TYPE"},"next":{"$ref":"#/$defs/node"}}}},"$ref":"#/$defs/node"}"##
        let old = try Self.schema(text.replacing("TYPE", with: "integer"))
        let new = try Self.schema(text.replacing("TYPE", with: "number"))
        #expect(checker.canRead(reader: new, writer: old))
        #expect(!checker.canRead(reader: old, writer: new))
    }

    /// Unchanged parts are skipped by an equality test, but not when they refer elsewhere: the same
    /// `$ref` text may point to a definition that changed.
    @Test func anUnchangedReferenceToAChangedDefinitionStillBreaks() throws {
        let text = ##"{"type":"object","properties":{"customer":{"type":"object","properties":{"id":{"$ref":"#/definitions/id"}}}},"definitions":{"id":{"type":"TYPE"}}}"##
        let old = try Self.schema(text.replacing("TYPE", with: "string"))
        let new = try Self.schema(text.replacing("TYPE", with: "integer"))
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(report.findings.map(\.rule) == ["json.type-changed"])
        #expect(report.findings.first?.newPath == JSONPointer("/definitions/id"))
    }

    /// Confluent reports an unchanged `not` as narrowed; skipping unchanged parts keeps that finding.
    @Test func anUnchangedNegationIsReportedAsConfluentDoes() throws {
        let text = #"{"type":"object","properties":{"code":{"not":{"type":"null"}},"name":{"type":"NAME"}}}"#
        let old = try Self.schema(text.replacing("NAME", with: "string"))
        let new = try Self.schema(text.replacing("NAME", with: "string"))
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(report.findings.map(\.rule) == ["json.not-type-narrowed"])
        #expect(report.isCompatible)
    }

    @Test(arguments: [
        (##"{"$ref":"#/definitions/missing"}"##, JSONSchemaError.Code.unresolvableReference, "/$ref"),
        (#"{"$ref":"https://example.com/schema.json"}"#, .unresolvableReference, "/$ref"),
        (#"{"type":"text"}"#, .invalidSchema, "/type"),
        (#"{"properties":{"a":42}}"#, .invalidSchema, "/properties/a"),
        (#"{"anyOf":[]}"#, .invalidSchema, "/anyOf"),
    ])
    func invalidSchemasAreRefused(text: String, code: JSONSchemaError.Code, pointer: String) {
        do {
            _ = try JSONSchemaDocument(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.code == code)
            #expect(error.pointer.description == pointer)
        }
    }

    @Test func enumValuesAddedAreAdditiveAndRemovedAreBreaking() throws {
        let old = try Self.schema(#"{"enum":["red","green"]}"#)
        let more = try Self.schema(#"{"enum":["red","green","blue"]}"#)
        let fewer = try Self.schema(#"{"enum":["red"]}"#)
        #expect(checker.check(new: more, against: [old], mode: .backward).changeClass == .additive)
        let narrowed = checker.check(new: fewer, against: [old], mode: .backward)
        #expect(narrowed.findings.map(\.rule) == ["json.enum-array-narrowed"])
        #expect(narrowed.findings[0].newPath == JSONPointer("/enum"))
    }

    @Test func descriptionChangesAreMetadata() throws {
        let old = try Self.schema(#"{"type":"string","description":"a"}"#)
        let new = try Self.schema(#"{"type":"string","description":"b"}"#)
        #expect(checker.check(new: new, against: [old], mode: .fullTransitive).changeClass == .metadata)
    }

    /// Every truncation is refused cleanly; random mutations that still load compare without trapping
    /// and are compatible with themselves.
    @Test func truncatedAndMutatedSchemasNeverTrap() throws {
        let text = Array(##"{"type":"object","properties":{"a":{"anyOf":[{"type":"string","maxLength":3},{"$ref":"#/$defs/n"}]},"b":{"type":"array","items":[{"enum":[1,2]}],"additionalItems":false}},"required":["a"],"$defs":{"n":{"type":"integer","minimum":0}}}"##.utf8)
        let original = try JSONSchemaDocument(parsing: String(decoding: text, as: UTF8.self))
        for length in 0..<text.count {
            #expect((try? JSONSchemaDocument(parsing: String(decoding: text[..<length], as: UTF8.self))) == nil)
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(##"{}[]",:0123456789abfnrtyp#/$"##.utf8)
        for _ in 0..<300 {
            var mutated = text
            mutated[Int.random(in: 0..<mutated.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            guard let document = try? JSONSchemaDocument(parsing: String(decoding: mutated, as: UTF8.self)) else { continue }
            _ = checker.check(new: document, against: [original], mode: .full)
            #expect(checker.check(new: document, against: [document], mode: .full).findings.isEmpty)
        }
    }
}
