import CEL
import JSON
import YAML

/// A policy with every expression compiled once, at load time, and each expression's variable
/// dependencies resolved to indices, so evaluation neither re-parses nor looks names up.
struct CompiledPolicy: Sendable {
    /// A compiled expression and the variables (indices, ascending, dependencies included) it reads.
    struct Expression: Sendable {
        let program: CELProgram
        let variables: [Int]
    }

    struct Validation: Sendable {
        let source: PolicyDocument.Validation
        let expression: Expression
        let messageExpression: Expression?
    }

    let document: PolicyDocument
    let digest: String
    let severity: PolicySeverity
    let matchConditions: [(name: String, expression: Expression)]
    let variableNames: [String]
    let variables: [Expression]
    let validations: [Validation]
    /// The document variables (product, contract, port, …) the policy's expressions read; on
    /// `audit` the policy applies only to inputs that bind all of them.
    let documentVariables: [PolicyInput.Variable]

    /// Compiles `document`'s expressions, type-checked against the variables of its events;
    /// problems are recorded in `reader` at the file position of the offending character.
    static func compile(_ document: PolicyDocument, reader: inout StrictReader) -> CompiledPolicy? {
        let before = reader.problems.count
        var declared: [String: CELType] = ["variables": .map]
        for event in document.events {
            for variable in event.variables { declared[variable.rawValue] = variable == .now ? .timestamp : .dyn }
        }
        var compiler = ExpressionCompiler(declarations: CELDeclarations(variables: declared),
                                          variableNames: document.variables.map(\.name))
        let spec = JSONPointer.root / "spec"
        var variables: [Expression?] = []
        for (index, variable) in document.variables.enumerated() {
            let compiled = compiler.compile(variable.expression, at: spec / "variables" / index / "expression", reader: &reader,
                                            visibleVariables: index, expecting: nil)
            variables.append(compiled)
            compiler.dependencies.append(compiled?.variables ?? [])
        }
        let allVariables = document.variables.count
        let matchConditions = document.matchConditions.enumerated().compactMap { index, condition in
            compiler.compile(condition.expression, at: spec / "matchConditions" / index / "expression", reader: &reader,
                             visibleVariables: allVariables, expecting: .bool).map { (name: condition.name, expression: $0) }
        }
        let validations = document.validations.enumerated().compactMap { index, validation -> Validation? in
            let pointer = spec / "validations" / index
            let expression = compiler.compile(validation.expression, at: pointer / "expression", reader: &reader,
                                              visibleVariables: allVariables, expecting: .bool)
            let message = validation.messageExpression.flatMap {
                compiler.compile($0, at: pointer / "messageExpression", reader: &reader, visibleVariables: allVariables, expecting: .string)
            }
            return expression.map { Validation(source: validation, expression: $0, messageExpression: message) }
        }
        guard reader.problems.count == before else { return nil }
        return CompiledPolicy(document: document, digest: document.digest, severity: document.severity, matchConditions: matchConditions,
                              variableNames: document.variables.map(\.name), variables: variables.compactMap { $0 }, validations: validations,
                              documentVariables: documentVariables(readBy: document, declared: declared))
    }

    /// The document variables some expression reads: those whose removal from the declarations
    /// makes the checker report an undeclared reference (the checker knows comprehension scopes).
    private static func documentVariables(readBy document: PolicyDocument, declared: [String: CELType]) -> [PolicyInput.Variable] {
        let texts = document.matchConditions.map(\.expression) + document.variables.map(\.expression)
            + document.validations.flatMap { [$0.expression] + ($0.messageExpression.map { [$0] } ?? []) }
        return PolicyInput.Variable.documentVariables.filter { variable in
            guard declared[variable.rawValue] != nil else { return false }
            var reduced = declared
            reduced[variable.rawValue] = nil
            let declarations = CELDeclarations(variables: reduced)
            return texts.contains { text in
                do throws(CELCompileError) {
                    _ = try CELProgram.compile(text, declarations: declarations)
                    return false
                } catch {
                    return error.code == .undeclaredReference
                }
            }
        }
    }
}

/// Compiles one policy's expressions, mapping CEL's positions into the file.
private struct ExpressionCompiler {
    let declarations: CELDeclarations
    let variableNames: [String]
    /// For each variable compiled so far, the variables it reads (dependencies included).
    var dependencies: [[Int]] = []

    init(declarations: CELDeclarations, variableNames: [String]) {
        self.declarations = declarations
        self.variableNames = variableNames
    }

    /// The compiled expression, or nil with problems recorded; `visibleVariables` is how many
    /// declared variables it may read (a variable reads only those declared before it).
    func compile(_ text: String, at pointer: JSONPointer, reader: inout StrictReader, visibleVariables: Int,
                 expecting expected: CELType?) -> CompiledPolicy.Expression? {
        let field = pointer.tokens.suffix(3).joined(separator: ".")
        let program: CELProgram
        do {
            program = try CELProgram.compile(text, declarations: declarations)
        } catch {
            reader.report(.celCompile, at: location(of: error.line, error.column, in: text, at: pointer, reader: reader),
                          "\(field), expression \(error.line):\(error.column): \(error.message)")
            return nil
        }
        if let expected, program.resultType != expected, program.resultType != .dyn {
            reader.report(.celCompile, at: pointer, "\(field) evaluates to \(program.resultType.name); it must evaluate to \(expected.name)")
            return nil
        }
        var needed = Set<Int>()
        for reference in VariableReferenceScanner.references(in: text) {
            guard let name = reference.name else {
                needed.formUnion(0..<visibleVariables)
                continue
            }
            guard let index = variableNames.firstIndex(of: name) else {
                let declared = variableNames.isEmpty ? "the policy declares none in spec.variables" : "declared: " + variableNames.joined(separator: ", ")
                reader.report(.unknownVariable, at: location(of: reference.line, reference.column, in: text, at: pointer, reader: reader),
                              "\(field) reads variables.\(name), which is not declared (\(declared)); declare it in spec.variables or fix the name")
                return nil
            }
            guard index < visibleVariables else {
                reader.report(.unknownVariable, at: location(of: reference.line, reference.column, in: text, at: pointer, reader: reader),
                              "\(field) reads variables.\(name), which is declared at or after it; a variable may read only the variables declared before it")
                return nil
            }
            needed.insert(index)
        }
        for index in needed { needed.formUnion(dependencies[index]) }
        return CompiledPolicy.Expression(program: program, variables: needed.sorted())
    }

    private func location(of line: Int, _ column: Int, in text: String, at pointer: JSONPointer, reader: StrictReader) -> SourceLocation {
        reader.source.location(inScalarAt: reader.location(of: pointer), line: line, column: column, scalarText: text)
    }
}
