import CEL
import JSON
import Testing

@Suite("Result JSON for `meshreg cel` and binding JSON variables")
struct CELResultJSONTests {
    @Test("results render as {\"value\": V, \"type\": T}", arguments: [
        ("42", #"{"value":42,"type":"int"}"#),
        ("42u", #"{"value":42,"type":"uint"}"#),
        ("1.0", #"{"value":1.0,"type":"double"}"#),
        ("1e100", #"{"value":1e+100,"type":"double"}"#),
        ("0.0 / 0.0", #"{"value":"NaN","type":"double"}"#),
        ("-1.0 / 0.0", #"{"value":"-Infinity","type":"double"}"#),
        ("'é\\n'", #"{"value":"é\n","type":"string"}"#),
        ("b'hi!'", #"{"value":"aGkh","type":"bytes"}"#),
        ("true", #"{"value":true,"type":"bool"}"#),
        ("null", #"{"value":null,"type":"null"}"#),
        ("[1, 'a', [2.5]]", #"{"value":[1,"a",[2.5]],"type":"list"}"#),
        ("{'b': 1, 'a': {'c': null}}", #"{"value":{"b":1,"a":{"c":null}},"type":"map"}"#),
        ("{1: 'x', true: 'y', 2u: 'z'}", #"{"value":{"1":"x","true":"y","2":"z"},"type":"map"}"#),
        ("timestamp('2024-01-02T03:04:05Z')", #"{"value":"2024-01-02T03:04:05Z","type":"timestamp"}"#),
        ("timestamp('2024-01-02T03:04:05.5Z')", #"{"value":"2024-01-02T03:04:05.5Z","type":"timestamp"}"#),
        ("duration('1h')", #"{"value":"3600s","type":"duration"}"#),
        ("duration('1.5s')", #"{"value":"1.5s","type":"duration"}"#),
        ("type(1)", #"{"value":"int","type":"type"}"#),
        ("type(timestamp(0))", #"{"value":"google.protobuf.Timestamp","type":"type"}"#),
    ])
    func shape(_ source: String, _ expected: String) throws {
        #expect(try evaluate(source).resultJSON.encoded() == expected)
    }

    @Test("errors render as {\"error\": message} with a stable code")
    func errorShape() throws {
        let json = try evaluate("{'a': 1}.b").resultJSON
        #expect(json.encoded() == #"{"error":"1:9: no_such_key: no such key: 'b'"}"#)
        #expect(try evaluate("1 / 0").resultJSON["error"] == "1:3: divide_by_zero: division by zero")
    }

    @Test("an error carries the position of the subexpression that failed, not of its callers", arguments: [
        ("request.purpose &&\n  (1 / 0 == 1)", 1, 8, CELError.Code.noSuchKey),
        ("true &&\n  (1 / 0 == 1)", 2, 6, .divideByZero),
        ("size(request.purpose) > 2", 1, 13, .noSuchKey),
        ("[1, 2].map(x, x / (x - 1))", 1, 17, .divideByZero),
        ("[1].all(x, x)", 1, 4, .noSuchOverload),
        ("nothing + 1", 1, 1, .undeclaredReference),
        ("'a'.frob()", 1, 4, .noSuchOverload),
        ("{1: 1, 1: 2}", 1, 1, .invalidArgument),
    ])
    func errorPositions(_ source: String, _ line: Int, _ column: Int, _ code: CELError.Code) throws {
        let error = try evaluate(source, ["request": .map(CELMap())]).error
        #expect(error?.code == code)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("string() of doubles uses the shortest round-trip form", arguments: [
        ("string(123.456)", "123.456"), ("string(1.0)", "1"), ("string(-0.5)", "-0.5"), ("string(1e6)", "1e+06"),
        ("string(123456.0)", "123456"), ("string(0.0001)", "0.0001"), ("string(0.00001)", "1e-05"), ("string(-0.0)", "-0"),
        ("string(1.0/0.0)", "+Inf"), ("string(2.5e-300)", "2.5e-300"),
    ])
    func doubleStrings(_ source: String, _ expected: String) throws {
        #expect(try evaluate(source) == .string(expected))
    }

    @Test("JSON variables bind integers as int, other numbers as double, objects as maps")
    func jsonActivation() throws {
        let document = try JSONParser.parse(#"{"port": {"public": false, "pii": true, "replicas": 3, "ratio": 0.5, "big": 1e3, "tags": ["a"]}, "grant": {"approved": true, "purpose": "audit"}}"#)
        let activation = CELActivation(json: Dictionary(uniqueKeysWithValues: document.objectValue!.map { ($0.key, $0.value) }))
        let cases: [(String, CELValue)] = [
            ("port.public || (grant.approved && (!port.pii || size(grant.purpose) > 0))", .bool(true)),
            ("type(port.replicas) == int && port.replicas == 3", .bool(true)),
            ("type(port.ratio) == double && type(port.big) == double && port.big == 1000", .bool(true)),
            ("port.tags[0] + grant.purpose", .string("aaudit")),
        ]
        for (source, expected) in cases {
            #expect(try CELProgram.compile(source).evaluate(activation) == expected, "\(source)")
        }
    }

    @Test("one compiled program evaluates concurrently")
    func concurrentEvaluation() async throws {
        let program = try CELProgram.compile("xs.map(x, x * factor).all(y, y % factor == 0)")
        let results = await withTaskGroup(of: CELValue.self) { group in
            for factor in 1...16 {
                group.addTask {
                    program.evaluate(CELActivation(variables: ["xs": .list((1...100).map { CELValue.int($0) }), "factor": .int(Int64(factor))]))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: .bool(true), count: 16))
    }
}
