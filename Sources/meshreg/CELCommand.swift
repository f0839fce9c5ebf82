import Arguments
import CEL
import FoundationEssentials
import JSON

/// `meshreg cel`: evaluates one CEL expression, for policy authors.
enum CELCommand: Command {
    static let specification = CommandSpecification(
        name: "cel", summary: "Evaluate a CEL expression and print its value and type as JSON.",
        usage: "'<expression>' [--vars FILE.json]",
        options: [.option("vars", value: "FILE", help: "A JSON object whose members become variables (integers bind int, fractions double).")],
        arguments: 1...1,
        discussion: """
            Prints {"value": V, "type": T} or {"error": "..."}, and exits 0 either way: an evaluation
            error is a value in CEL. Exits 2 when the expression does not parse or the vars file is bad.

            EXAMPLES:
              meshreg cel '1 + 2 * 3'
              meshreg cel 'port.classification in ["pii", "restricted"]' --vars port.json
              meshreg cel 'timestamp("2026-01-01T00:00:00Z") + duration("36h")'
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        var variables: [String: JSONValue] = [:]
        if let path = arguments.value("vars") {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("cannot read --vars \(path)") }
            do {
                guard case .object(let object) = try JSONParser.parse(Array(data)) else {
                    throw CommandError("--vars \(path) must hold a JSON object, e.g. {\"port\": {\"classification\": \"pii\"}}")
                }
                for (name, value) in object { variables[name] = value }
            } catch let error as JSONSyntaxError {
                throw CommandError("--vars \(path):\(error.line):\(error.column): \(error.message)")
            }
        }
        let program: CELProgram
        do {
            program = try CELProgram.compile(arguments.arguments[0])
        } catch {
            print(JSONValue.object(["error": .string(error.description)]).encoded())
            return .usageError
        }
        print(program.evaluate(CELActivation(json: variables)).resultJSON.encoded())
        return .success
    }
}
