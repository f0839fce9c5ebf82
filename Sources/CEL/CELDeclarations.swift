/// The variables an expression may use and their types, for the type checker.
///
/// `.dynamic` turns checking off: any name may be used and mistakes surface as error values at
/// evaluation. Declared variables switch the checker on; declare a variable `.dyn` when its
/// shape is not known (JSON documents), which never rejects a valid program.
public struct CELDeclarations: Sendable {
    /// Declared types by variable name; `.dyn` for values of unknown shape.
    public let variables: [String: CELType]
    /// False only for `.dynamic`.
    public let isChecked: Bool

    /// Checks expressions against these variables.
    public init(variables: [String: CELType]) {
        self.variables = variables
        self.isChecked = true
    }

    private init(unchecked: Void) {
        variables = [:]
        isChecked = false
    }

    /// No declarations and no type checking.
    public static let dynamic = CELDeclarations(unchecked: ())
}
