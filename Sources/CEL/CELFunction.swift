/// A built-in CEL function: its signatures (for the checker and arity checks) and its
/// implementation by argument count, the receiver of `x.f(y)` being the first argument.
struct CELFunction: Sendable {
    struct Signature: Sendable {
        /// True for the member form `x.f(…)`, where `parameters[0]` is the receiver.
        var receiver: Bool
        var parameters: [CELType]
        var result: CELType
    }

    var signatures: [Signature]
    var unary: (@Sendable (CELValue) -> CELValue)?
    var binary: (@Sendable (CELValue, CELValue) -> CELValue)?

    func accepts(receiver: Bool, count: Int) -> Bool {
        signatures.contains { $0.receiver == receiver && $0.parameters.count == count }
    }

    /// The accepted forms for error messages: `size(string) or string.size()`.
    func usage(_ name: String) -> String {
        signatures.map { signature in
            let types = signature.parameters.map(\.name)
            return signature.receiver
                ? "\(types[0]).\(name)(\(types.dropFirst().joined(separator: ", ")))"
                : "\(name)(\(types.joined(separator: ", ")))"
        }.joined(separator: " or ")
    }

    static func callShape(_ name: String, receiver: Bool, count: Int) -> String {
        let arguments = Array(repeating: "_", count: receiver ? count - 1 : count).joined(separator: ", ")
        return receiver ? "x.\(name)(\(arguments))" : "\(name)(\(arguments))"
    }

    static func global(_ parameters: [CELType], _ result: CELType) -> Signature {
        Signature(receiver: false, parameters: parameters, result: result)
    }

    static func member(_ parameters: [CELType], _ result: CELType) -> Signature {
        Signature(receiver: true, parameters: parameters, result: result)
    }
}

/// The table of built-in functions, assembled from the per-concern extensions.
enum CELFunctions {
    static let table: [String: CELFunction] = strings
        .merging(conversions) { first, _ in first }
        .merging(time) { first, _ in first }
}
