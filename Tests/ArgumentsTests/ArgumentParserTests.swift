import Testing
@testable import Arguments

private let apply = CommandSpecification(
    name: "apply", summary: "Apply documents.", usage: "<dir|file>...",
    options: [
        .flag("dry-run", short: "n", help: "Validate only."),
        .option("db", value: "PATH", help: "Database."),
        .option("format", short: "f", value: "FORMAT", help: "table or json."),
        .option("against", value: "FILE", help: "Older schema.", repeatable: true),
    ],
    arguments: 1...1, unlimitedArguments: true)

@Suite struct ArgumentParserTests {
    @Test(arguments: [
        (["Domains", "--dry-run", "--db", "x.sqlite"], ["Domains"], "x.sqlite", true),
        (["--db=x.sqlite", "a", "b"], ["a", "b"], "x.sqlite", false),
        (["-n", "a", "--", "--db"], ["a", "--db"], nil, true),
        (["-nfjson", "a"], ["a"], nil, true),
    ] as [([String], [String], String?, Bool)])
    func parsesOptionsFlagsAndArguments(input: [String], arguments: [String], database: String?, dryRun: Bool) throws {
        let parsed = try ArgumentParser(apply).parse(input)
        #expect(parsed.arguments == arguments)
        #expect(parsed.value("db") == database)
        #expect(parsed.flag("dry-run") == dryRun)
    }

    @Test(arguments: [
        ["a", "--db", "-1"],
        ["a", "--db=-1"],
        ["a", "--format", "json", "--db", "-1"],
    ])
    func takesAValueThatStartsWithADashForAnOptionThatNeedsOne(input: [String]) throws {
        let parsed = try ArgumentParser(apply).parse(input)
        #expect(parsed.value("db") == "-1")
        #expect(parsed.arguments == ["a"])
    }

    @Test func takesEverythingAfterTheDoubleDashAsArguments() throws {
        let parsed = try ArgumentParser(apply).parse(["--", "-1 + 2", "--help", "--db", "-n"])
        #expect(parsed.arguments == ["-1 + 2", "--help", "--db", "-n"])
        #expect(!parsed.wantsHelp)
        #expect(parsed.value("db") == nil)
        #expect(!parsed.flag("dry-run"))
    }

    @Test func collectsRepeatableOptionsInOrder() throws {
        let parsed = try ArgumentParser(apply).parse(["new", "--against", "v1", "--against", "v2"])
        #expect(parsed.allValues("against") == ["v1", "v2"])
    }

    @Test(arguments: [
        (["a", "--dryrun"], "did you mean --dry-run?"),
        (["a", "--db"], "--db needs a value"),
        (["a", "--db", "x", "--db", "y"], "given twice"),
        (["a", "--dry-run=yes"], "takes no value"),
        ([] as [String], "apply needs <dir|file>..."),
        (["a", "-z"], "unknown option '-z'; to pass a value that starts with '-', put it after '--'"),
        (["a", "-nz"], "unknown option '-nz'"),
        (["a", "--zzzzzzzzzz=1"], "unknown option '--zzzzzzzzzz=1'; to pass a value that starts with '-', put it after '--'"),
        (["-1 + 2"], "unknown option '-1 + 2'; to pass a value that starts with '-', put it after '--'"),
    ])
    func refusesBadCommandLinesWithAHint(input: [String], fragment: String) {
        #expect {
            try ArgumentParser(apply).parse(input)
        } throws: { error in
            (error as? ArgumentError)?.message.contains(fragment) == true
        }
    }

    @Test func helpWinsOverMissingArguments() throws {
        #expect(try ArgumentParser(apply).parse(["--help"]).wantsHelp)
        let help = HelpFormatter.help(for: apply)
        #expect(help.contains("USAGE: meshreg apply <dir|file>..."))
        #expect(help.contains("--db <PATH>"))
        #expect(help.contains("-n, --dry-run"))
    }

    @Test func neverTrapsOnRandomArguments() {
        let pieces = ["--db", "--db=", "-", "--", "-n", "-f", "--format", "x", "", "--against", "-nf", "=", "--=x", "-h"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...6, using: &generator)
            let input = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
            _ = try? ArgumentParser(apply).parse(input)
        }
    }
}
