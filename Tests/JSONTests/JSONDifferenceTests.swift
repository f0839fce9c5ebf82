import Testing
@testable import JSON

@Suite struct JSONDifferenceTests {
    @Test func equalDocumentsHaveNoDifferenceWhateverTheKeyOrder() throws {
        let old = try JSONParser.parse(#"{"a": 1, "b": [1, {"c": true}]}"#)
        let new = try JSONParser.parse(#"{"b": [1, {"c": true}], "a": 1}"#)
        #expect(JSONDifference.between(old, new).isEmpty)
    }

    @Test func namesEachChangedAddedAndRemovedFieldByPointer() throws {
        let old = try JSONParser.parse(#"{"version": "1.0.0", "schema": [{"name": "id", "type": "string"}, {"name": "x"}], "gone": 1}"#)
        let new = try JSONParser.parse(#"{"version": "1.1.0", "schema": [{"name": "id", "type": "integer"}], "tags": ["a/b"]}"#)
        let differences = JSONDifference.between(old, new)
        #expect(differences == [
            JSONDifference(pointer: JSONPointer("/version")!, old: "1.0.0", new: "1.1.0"),
            JSONDifference(pointer: JSONPointer("/schema/0/type")!, old: "string", new: "integer"),
            JSONDifference(pointer: JSONPointer("/schema/1")!, old: ["name": "x"], new: .none),
            JSONDifference(pointer: JSONPointer("/gone")!, old: 1, new: .none),
            JSONDifference(pointer: JSONPointer("/tags")!, old: .none, new: ["a/b"]),
        ])
    }

    @Test func aChangeOfTypeIsOneDifferenceAndItsJSONLeavesOutTheAbsentSide() throws {
        let differences = JSONDifference.between(["a": ["b": 1]], ["a": "text"])
        #expect(differences == [JSONDifference(pointer: JSONPointer("/a")!, old: ["b": 1], new: "text")])
        #expect(JSONDifference.between(nil, ["a": 1]).map(\.json) == [["pointer": "", "new": ["a": 1]]])
    }
}
