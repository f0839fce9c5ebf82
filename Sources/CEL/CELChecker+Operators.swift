/// Operand types of the binary operators (CEL langdef "Standard Definitions").
extension CELChecker {
    private static let arithmetic: [CELExpression.BinaryOperator: [[CELType]: CELType]] = [
        .add: [
            [.int, .int]: .int, [.uint, .uint]: .uint, [.double, .double]: .double, [.string, .string]: .string,
            [.bytes, .bytes]: .bytes, [.list, .list]: .list, [.timestamp, .duration]: .timestamp,
            [.duration, .timestamp]: .timestamp, [.duration, .duration]: .duration,
        ],
        .subtract: [
            [.int, .int]: .int, [.uint, .uint]: .uint, [.double, .double]: .double,
            [.timestamp, .timestamp]: .duration, [.timestamp, .duration]: .timestamp, [.duration, .duration]: .duration,
        ],
        .multiply: [[.int, .int]: .int, [.uint, .uint]: .uint, [.double, .double]: .double],
        .divide: [[.int, .int]: .int, [.uint, .uint]: .uint, [.double, .double]: .double],
        .remainder: [[.int, .int]: .int, [.uint, .uint]: .uint],
    ]

    private static let ordered: Set<CELType> = [.string, .bytes, .bool, .timestamp, .duration]

    func checkBinary(_ binary: CELExpression.BinaryOperator, _ left: CELType, _ right: CELType, at offset: Int) throws(CELCompileError) -> CELType {
        let known = left != .dyn && right != .dyn
        let problem = "operator '\(binary.rawValue)' does not apply to (\(left.name), \(right.name))"
        switch binary {
        case .and, .or:
            guard [.bool, .dyn].contains(left), [.bool, .dyn].contains(right) else { throw mismatch(at: offset, problem) }
            return .bool
        case .equal, .notEqual:
            guard !known || left == right || (left.isNumeric && right.isNumeric) || left == .null || right == .null else {
                throw mismatch(at: offset, problem + "; values of different types are never equal")
            }
            return .bool
        case .less, .lessEqual, .greater, .greaterEqual:
            let comparable = { (type: CELType) in type == .dyn || type.isNumeric || Self.ordered.contains(type) }
            guard comparable(left), comparable(right), !known || left == right || (left.isNumeric && right.isNumeric) else {
                throw mismatch(at: offset, problem)
            }
            return .bool
        case .in:
            guard [.list, .map, .dyn].contains(right) else { throw mismatch(at: offset, problem + "; 'in' needs a list or map on the right") }
            return .bool
        case .add, .subtract, .multiply, .divide, .remainder:
            let table = Self.arithmetic[binary]!
            let candidates = table.filter { entry in
                (left == .dyn || entry.key[0] == left) && (right == .dyn || entry.key[1] == right)
            }
            guard let first = candidates.first else { throw mismatch(at: offset, problem) }
            return candidates.allSatisfy { $0.value == first.value } ? first.value : .dyn
        }
    }
}
