import Testing
import JSON

@Suite struct JSONObjectTests {
    /// Objects from a handful of keys (found by scanning) to many (found through an index).
    @Test(arguments: [3, 16, 17, 40])
    func keepsOrderAndFindsEveryKey(count: Int) {
        var object = JSONObject()
        for number in (0..<count).reversed() { object["key\(number)"] = .integer(Int64(number)) }
        #expect(object.keys == (0..<count).reversed().map { "key\($0)" })
        #expect((0..<count).allSatisfy { object["key\($0)"] == .integer(Int64($0)) })
        #expect(object["missing"] == nil)

        object["key0"] = "replaced"
        #expect(object.keys.last == "key0")
        #expect(object["key0"] == "replaced")

        object["key1"] = nil
        #expect(object.count == count - 1)
        #expect(object["key1"] == nil)
        #expect(!object.keys.contains("key1"))
        #expect(object["key2"] == .integer(2))
        object["new"] = true
        #expect(object.keys.last == "new")
        #expect(object["new"] == true)
    }

    @Test(arguments: [2, 30])
    func equalityAndHashingIgnoreOrder(count: Int) {
        let members = (0..<count).map { (key: "k\($0)", value: JSONValue.integer(Int64($0))) }
        let forward = JSONObject(members)
        let backward = JSONObject(members.reversed())
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        var changed = backward
        changed["k0"] = .integer(-1)
        #expect(forward != changed)
        var extra = forward
        extra["another"] = .null
        #expect(forward != extra)
    }

    @Test func parserRefusesADuplicateKeyInALargeObject() {
        let members = (0..<30).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
        #expect { try JSONParser.parse("{" + members.joined(separator: ", ") + "}") } throws: {
            ($0 as! JSONSyntaxError).message.contains("duplicate key \"k7\"")
        }
    }
}
