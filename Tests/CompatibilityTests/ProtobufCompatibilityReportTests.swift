import JSON
import Protobuf
import Testing
@testable import Compatibility

/// Protobuf findings under Confluent's seven modes: direction, paths, verdicts and explanations.
struct ProtobufCompatibilityReportTests {
    static let v1 = """
        syntax = "proto3";
        package shop;
        message Order {
          string id = 1;
          int32 quantity = 2;
          Customer buyer = 3;
          message Customer { string name = 1; }
        }
        """
    /// Adds a field and widens int32 to int64: compatible both ways.
    static let v2 = """
        syntax = "proto3";
        package shop;
        message Order {
          string id = 1;
          int64 quantity = 2;
          Customer buyer = 3;
          string note = 4;
          message Customer { string name = 1; }
        }
        """
    /// Changes quantity to a string and the customer's name to a number: breaking both ways.
    static let v3 = """
        syntax = "proto3";
        package shop;
        message Order {
          string id = 1;
          string quantity = 2;
          Customer buyer = 3;
          string note = 4;
          message Customer { int64 name = 1; }
        }
        """

    static func parse(_ text: String) throws -> ProtobufSchema { try ProtobufSchema(parsing: text) }

    @Test func compatibleChangesAreAdditiveFindings() throws {
        let report = ProtobufCompatibilityChecker().check(new: try Self.parse(Self.v2), against: [try Self.parse(Self.v1)], mode: .full)
        #expect(report.isCompatible)
        #expect(report.changeClass == .additive)
        let backward = report.findings.filter { $0.direction == .backward }
        #expect(backward.map(\.rule) == ["protobuf.field-added"])
        #expect(backward.first?.newPath == JSONPointer(tokens: ["Order", "4"]))
        #expect(backward.first?.oldPath == nil)
        let forward = report.findings.filter { $0.direction == .forward }
        #expect(forward.map(\.rule) == ["protobuf.field-removed"])
        #expect(forward.first?.newPath == JSONPointer(tokens: ["Order", "4"]), "the field exists in the new version only")
    }

    @Test func breakingChangesNameTheFieldAndExplainTheEncoding() throws {
        let report = ProtobufCompatibilityChecker().check(new: try Self.parse(Self.v3), against: [try Self.parse(Self.v2)], mode: .backward)
        #expect(!report.isCompatible)
        let breaking = report.breakingFindings.map { "\($0.rule) \($0.newPath?.description ?? "-")" }.sorted()
        #expect(breaking == [
            "protobuf.field-named-type-changed /Order/3",
            "protobuf.field-scalar-kind-changed /Order/2",
            "protobuf.field-scalar-kind-changed /Order/Customer/1",
        ])
        #expect(report.breakingFindings.allSatisfy { $0.message.contains("field") })
    }

    @Test(arguments: CompatibilityMode.allCases)
    func everyModeChecksItsDirectionsAndVersions(_ mode: CompatibilityMode) throws {
        // v1 → v3 directly: v3 cannot read v1's quantity and v1 cannot read v3's.
        let history = [try Self.parse(Self.v1), try Self.parse(Self.v2)]
        let report = ProtobufCompatibilityChecker().check(new: try Self.parse(Self.v3), against: history, mode: mode)
        #expect(report.isCompatible == (mode == .none))
        let compared = Set(report.findings.map(\.previousIndex))
        #expect(compared == (mode.isTransitive ? [0, 1] : [1]))
        #expect(Set(report.findings.map(\.direction)) == Set(mode.directions))
    }

    @Test func removingARequiredFieldOrAMessageBreaksAndLayoutDoesNot() throws {
        let old = try ProtobufSchema(parsing: "syntax = \"proto2\";\nmessage A { required int32 x = 1; optional B b = 2; }\nmessage B { optional int32 y = 1; }")
        let new = try ProtobufSchema(parsing: "syntax = \"proto2\";\nmessage A { optional B b = 2; }\nmessage B { optional int32 y = 1; }\nmessage C { optional int32 z = 1; }")
        let report = ProtobufCompatibilityChecker().check(new: new, against: [old], mode: .forward)
        // FORWARD: the old version reads the new one's data; it needs x, which new data lacks, and it
        // lacks message C, which Confluent counts as a removed message.
        #expect(report.breakingFindings.map(\.rule) == ["protobuf.required-field-added", "protobuf.message-removed"])
        #expect(report.breakingFindings.map(\.newPath) == [nil, JSONPointer(tokens: ["C"])])
        let relaid = try ProtobufSchema(parsing: "syntax = \"proto2\"; message A { required int32 x = 1; optional .B b = 2; } message B { optional int32 y = 1; }")
        let same = ProtobufCompatibilityChecker().check(new: relaid, against: [old], mode: .full)
        #expect(same.isCompatible)
        #expect(same.findings.map(\.verdict) == [.metadata, .metadata])
    }

    @Test func recursiveMessagesTerminate() throws {
        let old = try ProtobufSchema(parsing: "syntax = \"proto3\";\nmessage Node { int32 value = 1; repeated Node children = 2; }")
        let new = try ProtobufSchema(parsing: "syntax = \"proto3\";\nmessage Node { string value = 1; repeated Node children = 2; }")
        let report = ProtobufCompatibilityChecker().check(new: new, against: [old], mode: .backward)
        #expect(report.breakingFindings.map(\.rule) == ["protobuf.field-scalar-kind-changed"])
    }

    @Test func aLongChainOfMessageTypesIsComparedWithoutExhaustingTheStack() throws {
        func chain(last: String) -> String {
            let links = (0..<3_000).map { "message M\($0) { M\($0 + 1) next = 1; }" }
            return "syntax = \"proto3\";\n" + links.joined(separator: "\n") + "\nmessage M3000 { \(last) value = 1; }"
        }
        let old = try ProtobufSchema(parsing: chain(last: "int32"))
        let new = try ProtobufSchema(parsing: chain(last: "string"))
        let report = ProtobufCompatibilityChecker().check(new: new, against: [old], mode: .backward)
        #expect(!report.isCompatible)
        #expect(report.breakingFindings.contains { $0.rule == "protobuf.field-scalar-kind-changed" && $0.newPath == JSONPointer(tokens: ["M3000", "1"]) })
    }
}
