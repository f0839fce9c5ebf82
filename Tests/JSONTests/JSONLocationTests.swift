import Testing
@testable import JSON

/// `file:line:column` for a validation error in a JSON file: the position of a JSON Pointer.
@Suite struct JSONLocationTests {
    static let document = """
        {
          "name": "orders",
          "tags": ["a", {"é": "ü"}],
          "a/b~c": {"nested": [10, 20]},
          "fields": [
            {"name": "id", "type": "long"},
            {"name": "total", "type": {"type": "bytes", "logicalType": "decimal"}}
          ]
        }
        """

    @Test(arguments: [
        ("", 1, 1),
        ("/name", 2, 11),
        ("/tags/1", 3, 17),
        ("/tags/1/é", 3, 23),
        ("/a~1b~0c/nested/1", 4, 28),
        ("/fields/1/type/logicalType", 7, 64),
        // Missing values: the nearest ancestor that exists.
        ("/fields/1/type/precision", 7, 31),
        ("/fields/2", 5, 13),
        ("/fields/01", 5, 13),
        ("/fields/-", 5, 13),
        ("/name/first", 2, 11),
        ("/missing/deeper", 1, 1),
    ])
    func pointsAtTheValueOrItsNearestAncestor(pointer: String, line: Int, column: Int) throws {
        let location = try #require(JSONParser.locations(of: [JSONPointer(pointer)!], in: Array(Self.document.utf8))[0])
        #expect(location.line == line)
        #expect(location.column == column)
    }

    @Test func everyPointerOfAOneLineDocumentStartsItsOwnValue() throws {
        let text = #"{"a":[1,{"b":[true,null,"x,]}"]},-2.5],"c":{"":{"d":"\"}"}},"e":[[],{}]}"#
        let document = try JSONParser.parse(text)
        let pointers = pointers(in: document)
        let locations = JSONParser.locations(of: pointers + pointers.reversed(), in: Array(text.utf8))
        #expect(locations.count == 2 * pointers.count)
        for (pointer, location) in zip(pointers + pointers.reversed(), locations) {
            let location = try #require(location)
            let value = try #require(document.value(at: pointer))
            #expect(location.line == 1)
            #expect(String(text.dropFirst(location.column - 1)).hasPrefix(value.encoded()), "\(pointer)")
        }
    }

    @Test(arguments: ["", "{\"a\": }", "{\"a\": 1", "[1, 2,]"])
    func hasNoLocationsInTextThatIsNotJSON(text: String) {
        let locations = JSONParser.locations(of: [.root, JSONPointer.root / "a"], in: Array(text.utf8))
        #expect(locations.count == 2)
        #expect(locations.allSatisfy { $0 == nil })
    }

    @Test func manyPointersCostOneMoreParseNotOneEach() {
        let count = 20_000
        let text = "[" + (0..<count).map { "{\"id\": \($0)}" }.joined(separator: ",\n") + "]"
        let pointers = (0..<count).map { JSONPointer.root / $0 / "id" }
        var locations: [(line: Int, column: Int)?] = []
        let elapsed = ContinuousClock().measure { locations = JSONParser.locations(of: pointers, in: Array(text.utf8)) }
        #expect(locations.last??.line == count)
        #expect(locations.last??.column == 8)
        #expect(elapsed < .seconds(5), "one pass for all pointers, not a parse per pointer")
    }

    private func pointers(in value: JSONValue, at pointer: JSONPointer = .root) -> [JSONPointer] {
        switch value {
        case .object(let object): [pointer] + object.keys.flatMap { pointers(in: object[$0]!, at: pointer / $0) }
        case .array(let elements): [pointer] + elements.indices.flatMap { pointers(in: elements[$0], at: pointer / $0) }
        default: [pointer]
        }
    }
}
