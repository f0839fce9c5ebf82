import JSON
import Testing
import YAML

/// Each construct of the supported YAML subset, read from a small document.
///
/// `JSONValue` equality tells `.integer(1)` from `.double(1)`, so these cases also pin number types.
@Suite struct YAMLConstructTests {
    static let collections: [(String, JSONValue)] = [
        ("a: 1\nb: two\n", ["a": 1, "b": "two"]),
        ("outer:\n  inner:\n    leaf: x\n", ["outer": ["inner": ["leaf": "x"]]]),
        ("- a\n- b\n", ["a", "b"]),
        ("- name: x\n  version: 1\n- name: y\n", [["name": "x", "version": 1], ["name": "y"]]),
        ("inputPorts:\n- name: x\n- name: y\nnext: 1\n", ["inputPorts": [["name": "x"], ["name": "y"]], "next": 1]),
        ("list:\n  - a\n  -\n    - b\n", ["list": ["a", ["b"]]]),
        ("- - a\n  - b\n- c\n", [["a", "b"], "c"]),
        ("-   key: v\n    other: w\n", [["key": "v", "other": "w"]]),
        ("- a:\n  - b\n", [["a": ["b"]]]),
        ("empty:\nnext: 1\n", ["empty": nil, "next": 1]),
        ("items:\n-\n- x\n", ["items": [nil, "x"]]),
        ("flow: [a, 'b', \"c\", 1, [2, 3], {k: v}]\n", ["flow": ["a", "b", "c", 1, [2, 3], ["k": "v"]]]),
        ("map: {a: 1, b: [x, y], c: {d: null}}\n", ["map": ["a": 1, "b": ["x", "y"], "c": ["d": nil]]]),
        ("multi: [\n  one,\n  two, # comment\n  three,\n]\n", ["multi": ["one", "two", "three"]]),
        ("m: {\n  a: 1,\n  b:\n    2\n}\n", ["m": ["a": 1, "b": 2]]),
        ("j: {\"a\":1, \"b\":[true,false]}\n", ["j": ["a": 1, "b": [true, false]]]),
        ("e: [[], {}]\n", ["e": [[], [:]]]),
        ("p: [a: 1, b]\n", ["p": [["a": 1], "b"]]),
        ("k: {a, b: 2}\n", ["k": ["a": nil, "b": 2]]),
        ("u: [http://x.io/a, a:b]\n", ["u": ["http://x.io/a", "a:b"]]),
        ("z: 1\na: 2\nm: 3\n", ["z": 1, "a": 2, "m": 3]),
        ("1: x\ntrue: y\nnull: z\n0x1F: w\n1.5: v\n", ["1": "x", "true": "y", "null": "z", "31": "w", "1.5": "v"]),
        ("\"quoted key\": 1\n'single': 2\n", ["quoted key": 1, "single": 2]),
        ("a b c: with spaces\nurl: http://x:80/p\n", ["a b c": "with spaces", "url": "http://x:80/p"]),
    ]

    static let scalars: [(String, JSONValue)] = [
        ("v: plain text here", "plain text here"),
        ("v: 'it''s'", "it's"),
        (#"v: "esc \n \t \" \\ \/ \0 \x41 \u00e9 \U0001F600""#, "esc \n \t \" \\ / \u{0} A é 😀"),
        (#"v: "\a\b\e\f\r\v\N\_\L\P\ ""#, "\u{07}\u{08}\u{1B}\u{0C}\r\u{0B}\u{85}\u{A0}\u{2028}\u{2029} "),
        ("v: \"one\n  two\n\n  three  \n  four\"", "one two\nthree four"),
        ("v: \"joined\\\n   here\"", "joinedhere"),
        ("v: 'single\n  folded\n\n  lines'", "single folded\nlines"),
        ("v: first\n  second\n\n  third", "first second\nthird"),
        ("- item one\n  continues", ["item one continues"]),
        ("v: a#b c", "a#b c"),
        ("v: value # trailing comment", "value"),
        ("v: '# not a comment'", "# not a comment"),
        ("v: -5", -5),
        ("v: :colon", ":colon"),
        ("v: |\n  line 1\n  line 2\n", "line 1\nline 2\n"),
        ("v: |-\n  stripped\n\n", "stripped"),
        ("v: |+\n  kept\n\n", "kept\n\n"),
        ("v: |\n  no final break", "no final break"),
        ("v: |\n  base\n   indented\n", "base\n indented\n"),
        ("v: |2\n    two extra\n", "  two extra\n"),
        ("v: |1-\n  x\n", " x"),
        ("v: >\n  folded\n  text\n\n  para\n", "folded text\npara\n"),
        ("v: >-\n  a\n    more\n  b\n", "a\n  more\nb"),
        ("v: >\n a\n b\n\n\n", "a b\n"),
        ("v: | # comment\n  text\n# after\nw: 1", "text\n"),
        ("- |\n  in sequence\n- >+\n  kept\n\n", ["in sequence\n", "kept\n\n"]),
        ("v: |\n\n  leading empty\n", "\nleading empty\n"),
        ("v: |\n  a\n\n  b\n", "a\n\nb\n"),
        ("v: |\n\nw: 1", ""),
    ]

    static let resolution: [(String, JSONValue)] = [
        ("null", nil), ("Null", nil), ("NULL", nil), ("~", nil), ("", nil),
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
        ("0", 0), ("12", 12), ("+12", 12), ("-7", -7), ("0x1F", 31), ("0o17", 15), ("007", 7),
        ("9223372036854775807", .integer(.max)), ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("1.5", 1.5), ("1e3", .double(1000)), ("-2.5E-2", -0.025), (".5", 0.5), ("1.", .double(1)),
        (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("1_000", "1_000"), ("0x", "0x"), ("1.2.3", "1.2.3"),
        ("2024-01-02", "2024-01-02"), ("12:30", "12:30"), ("TRUE!", "TRUE!"), ("nulls", "nulls"), ("-x", "-x"),
        ("'1'", "1"), ("\"true\"", "true"), ("'null'", "null"), ("''", ""),
    ]

    static let documents: [(String, JSONValue)] = [
        ("---\na: 1\n", ["a": 1]),
        ("# heading\n---\na: 1\n...\n# trailing\n", ["a": 1]),
        ("--- text\n", "text"),
        ("--- |\n  block\n", "block\n"),
        ("---\n", nil),
        ("", nil),
        ("# only a comment\n", nil),
        ("plain top\nlevel", "plain top level"),
        ("[1, 2]", [1, 2]),
        ("a: 1\n\n\n   \n# c\n  # indented comment\nb: 2", ["a": 1, "b": 2]),
        ("a:\tb\n", ["a": "b"]),
        ]

    @Test("block and flow collections", arguments: collections)
    func readsCollections(yaml: String, expected: JSONValue) throws {
        #expect(try YAMLReader.parse(yaml).value == expected)
    }

    @Test("plain, quoted and block scalars", arguments: scalars)
    func readsScalars(yaml: String, expected: JSONValue) throws {
        let value = try YAMLReader.parse(yaml).value
        #expect((value["v"] ?? value) == expected)
    }

    @Test("core schema resolution of plain scalars (YAML 1.2 §10.3.2)", arguments: resolution)
    func resolvesScalars(text: String, expected: JSONValue) throws {
        #expect(try YAMLReader.parse("v: \(text)\n").value["v"] == expected)
        if !text.isEmpty { #expect(try YAMLReader.parse("[\(text)]").value[0] == expected) }
    }

    @Test func readsNotANumber() throws {
        for text in [".nan", ".NaN", ".NAN"] {
            let value = try YAMLReader.parse("v: \(text)").value["v"]
            #expect(value?.numberValue?.isNaN == true)
        }
    }

    @Test func keepsKeyOrder() throws {
        let value = try YAMLReader.parse("zeta: 1\nalpha: 2\nmid: {y: 1, b: 2}\n").value
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(value["mid"]?.objectValue?.keys == ["y", "b"])
    }

    @Test("document markers, comments and top-level nodes", arguments: documents)
    func readsDocumentMarkersAndComments(yaml: String, expected: JSONValue) throws {
        #expect(try YAMLReader.parse(yaml).value == expected)
    }

    @Test func expandsAnchorsAndAliases() throws {
        let yaml = """
            base: &base
              host: db
              port: 5432
            copy: *base
            list: [&x 1, *x]
            seq:
            - &item {a: 1}
            - *item
            empty: &nothing
            again: *nothing
            """
        let value = try YAMLReader.parse(yaml).value
        #expect(value["copy"] == ["host": "db", "port": 5432])
        #expect(value["list"] == [1, 1])
        #expect(value["seq"] == [["a": 1], ["a": 1]])
        #expect(value["again"] == .null)
    }

    @Test func laterAnchorReplacesEarlierOne() throws {
        let value = try YAMLReader.parse("- &a 1\n- *a\n- &a 2\n- *a\n").value
        #expect(value == [1, 1, 2, 2])
    }
}
