/// A parsed CEL expression (the abstract syntax of CEL langdef "Syntax"), macros already expanded.
struct CELExpression: Sendable {
    indirect enum Kind: Sendable {
        case literal(CELValue)
        case identifier(String)
        /// `operand.field`, or `has(operand.field)` when `testOnly`.
        case select(CELExpression, field: String, testOnly: Bool)
        case index(CELExpression, CELExpression)
        case unary(UnaryOperator, CELExpression)
        case binary(BinaryOperator, CELExpression, CELExpression)
        case conditional(CELExpression, CELExpression, CELExpression)
        /// `function(arguments)` or `target.function(arguments)`.
        case call(function: String, target: CELExpression?, arguments: [CELExpression])
        case list([CELExpression])
        case map([(key: CELExpression, value: CELExpression)])
        case comprehension(Comprehension)
    }

    enum UnaryOperator: String, Sendable {
        case negate = "-"
        case not = "!"
    }

    enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case `in` = "in", and = "&&", or = "||"
    }

    /// A macro over the elements of a list or the keys of a map (CEL langdef "Macros").
    struct Comprehension: Sendable {
        enum Macro: String, Sendable {
            case all, exists, existsOne = "exists_one", map, filter
        }

        var macro: Macro
        var range: CELExpression
        var variable: String
        /// The predicate of all/exists/exists_one/filter, or the filter of the 3-argument map.
        var predicate: CELExpression?
        /// The transform of map.
        var transform: CELExpression?
    }

    var kind: Kind
    /// Byte offset of the token that starts (or, for operators, names) the expression.
    var offset: Int
    /// Longest path from this node to a leaf, bounded by `CELLimits.maxNestingDepth`.
    var height: Int

    init(_ kind: Kind, offset: Int, children: [CELExpression] = []) {
        self.kind = kind
        self.offset = offset
        self.height = 1 + (children.map(\.height).max() ?? 0)
    }
}
