import Testing
@testable import JSON

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingKeyOrder() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, null, -2.5e3, "x\u00e9\n"], "c": {}}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["a"] == [true, nil, .double(-2500), "xé\n"])
        #expect(value["b"] == .integer(1))
    }

    @Test func tellsIntegersFromDoubles() throws {
        #expect(try JSONParser.parse("10") == .integer(10))
        #expect(try JSONParser.parse("10.0") == .double(10))
        #expect(try JSONParser.parse("-9223372036854775808") == .integer(.min))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == "😀")
    }

    @Test(arguments: [
        ("", 1, 1, "empty"),
        ("{\"a\":1,}", 1, 8, "expected a string key"),
        ("[1,2", 1, 5, "unexpected end of input"),
        ("{\"a\":1,\n \"a\":2}", 2, 2, "duplicate key"),
        ("01", 1, 1, "leading zeros"),
        ("\"abc", 1, 1, "unterminated"),
        ("\"a\tb\"", 1, 3, "control character"),
        ("1e400", 1, 1, "out of range"),
        ("[1] x", 1, 5, "after the JSON value"),
        ("\"\\x\"", 1, 3, "invalid escape"),
        ("\"\\udc00\"", 1, 8, "lone low surrogate"),
        ("tru", 1, 1, "expected a value"),
    ])
    func reportsWhereTheProblemIs(input: String, line: Int, column: Int, fragment: String) {
        #expect {
            try JSONParser.parse(input)
        } throws: { error in
            let error = error as! JSONSyntaxError
            return error.line == line && error.column == column && error.message.contains(fragment)
        }
    }

    @Test(arguments: [
        (#""""#, ""),
        (#""plain é""#, "plain é"),
        (#""\"a\\b\/c""#, "\"a\\b/c"),
        (#""run \n run \u00e9 run""#, "run \n run é run"),
        (#""é\tü""#, "é\tü"),
    ])
    func decodesStringsWithAndWithoutEscapes(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
        #expect(try JSONParser.parse("{\(text): 1}").objectValue?.keys == [expected])
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22]) }
    }

    @Test(arguments: [
        (#""aaaaaaaa""#, true),
        (#""a\\a\\a\\a\\""#, true),
        (#""aaaaaaaaa""#, false),
        (#""a\\a\\a\\a\\a""#, false),
    ])
    func refusesAStringLongerThanTheLimit(text: String, fits: Bool) throws {
        let limits = JSONLimits(maxStringBytes: 8)
        if fits {
            #expect(try JSONParser.parse(text, limits: limits).stringValue?.utf8.count == 8)
        } else {
            #expect { try JSONParser.parse(text, limits: limits) } throws: { ($0 as! JSONSyntaxError).message.contains("longer than 8 bytes") }
        }
    }

    @Test func enforcesDepthAndSizeLimits() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect { try JSONParser.parse(deep) } throws: { ($0 as! JSONSyntaxError).message.contains("deeper than 64") }
        let limits = JSONLimits(maxBytes: 10)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("\"01234567890\"", limits: limits) }
        let longNumber = String(repeating: "9", count: 101)
        #expect { try JSONParser.parse(longNumber) } throws: { ($0 as! JSONSyntaxError).message.contains("longer than 100") }
    }

    @Test func neverCrashesOnTruncatedOrMutatedInput() {
        let document = Array(#"{"k": [1, -2.5e-3, "s\"\u0041", {"n": null, "t": true}], "f": false}"#.utf8)
        var generator = SystemRandomNumberGenerator()
        for length in 0...document.count {
            _ = try? JSONParser.parse(document[..<length])
        }
        for _ in 0..<2_000 {
            var mutated = document
            mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? JSONParser.parse(mutated)
        }
    }
}

@Suite struct JSONEncodingTests {
    @Test func roundTripsThroughTheParser() throws {
        let text = #"{"z":[1,2.5,"a\"b\\c\u0001"],"a":{"n":null,"t":true}}"#
        let value = try JSONParser.parse(text)
        #expect(value.encoded() == text)
        #expect(try JSONParser.parse(value.encoded(.prettyPrinted)) == value)
    }

    @Test func canonicalFormSortsKeys() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": {"d": 2.0, "c": 1e2}}"#)
        #expect(String(decoding: value.canonicalBytes, as: UTF8.self) == #"{"a":{"c":100.0,"d":2.0},"b":1}"#)
    }

    @Test func objectEqualityIgnoresKeyOrder() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) == JSONParser.parse(#"{"b":2,"a":1}"#))
    }

    @Test func pointersEscapeAndResolve() throws {
        let value = try JSONParser.parse(#"{"a/b": [{"m~n": 7}]}"#)
        let pointer = JSONPointer.root / "a/b" / 0 / "m~n"
        #expect(pointer.description == "/a~1b/0/m~0n")
        #expect(JSONPointer(pointer.description) == pointer)
        #expect(value.value(at: pointer) == 7)
        #expect(value.value(at: .root / "missing") == nil)
    }
}
