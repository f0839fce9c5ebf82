import CEL
import JSON

/// Compiling `CEL` and `CEL_FIELD` rules at registration, so a rule that would fail in every
/// client is refused up front with its position. Confluent's executors take `expr` as one
/// expression or as `guard ; expression`; both parts are compiled.
extension SchemaRule {
    /// What a `CEL` rule sees: the message, of any shape.
    static let messageDeclarations = CELDeclarations(variables: ["message": .dyn])
    /// What a `CEL_FIELD` rule sees for each field: its value, name, type name and tags, and the message.
    static let fieldDeclarations = CELDeclarations(variables: [
        "message": .dyn, "value": .dyn, "name": .string, "typeName": .string, "tags": .list,
    ])

    /// Throws 42201 naming the rule and the line:column inside `expr` when a CEL rule's
    /// expression is missing or does not compile; other rule types are stored as given.
    func compile(at pointer: JSONPointer) throws(SubjectError) {
        let declarations: CELDeclarations
        switch type.uppercased() {
        case "CEL": declarations = Self.messageDeclarations
        case "CEL_FIELD": declarations = Self.fieldDeclarations
        default: return
        }
        guard let expr, !expr.isEmpty else {
            throw Self.invalid(pointer / "expr", "of \(type) rule '\(name)' is missing; a \(type) rule needs a CEL expression")
        }
        for part in Self.parts(of: expr) {
            do throws(CELCompileError) {
                _ = try CELProgram.compile(part.text, declarations: declarations)
            } catch {
                let line = error.line + part.line - 1
                let column = error.line == 1 ? error.column + part.column - 1 : error.column
                throw SubjectError(.invalidSchema, "Invalid rule: \(pointer / "expr") of rule '\(name)' does not compile at \(line):\(column): \(error.message)")
            }
        }
    }

    /// The guard and expression of `guard ; expression` (split at the first `;`, as Confluent
    /// does), each with the line and column where it starts in `expr`.
    static func parts(of expr: String) -> [(text: String, line: Int, column: Int)] {
        guard let separator = expr.firstIndex(of: ";") else { return [(expr, 1, 1)] }
        let head = expr[..<separator]
        let tail = expr[expr.index(after: separator)...]
        let line = head.count(where: { $0 == "\n" }) + 1
        let column = (head.lastIndex(of: "\n").map { head[head.index(after: $0)...].count } ?? head.count) + 2
        return [(String(head), 1, 1), (String(tail), line, column)]
    }
}
