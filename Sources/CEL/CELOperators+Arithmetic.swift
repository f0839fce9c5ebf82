/// Arithmetic (CEL langdef "Arithmetic"): int and uint overflow and division by zero are
/// errors, double follows IEEE 754, `+` also concatenates strings, bytes and lists, and
/// timestamps and durations combine within their ranges.
extension CELOperators {
    static func add(_ left: CELValue, _ right: CELValue, limits: CELLimits) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)): checked(a.addingReportingOverflow(b), "+", "int")
        case (.uint(let a), .uint(let b)): checked(a.addingReportingOverflow(b), "+", "uint")
        case (.double(let a), .double(let b)): .double(a + b)
        case (.string(let a), .string(let b)):
            a.utf8.count + b.utf8.count > limits.maxStringBytes ? tooLarge("string", limits.maxStringBytes, "bytes") : .string(a + b)
        case (.bytes(let a), .bytes(let b)):
            a.count + b.count > limits.maxStringBytes ? tooLarge("bytes", limits.maxStringBytes, "bytes") : .bytes(a + b)
        case (.list(let a), .list(let b)):
            a.count + b.count > limits.maxListCount ? tooLarge("list", limits.maxListCount, "elements") : .list(a + b)
        case (.timestamp(let a), .duration(let b)), (.duration(let b), .timestamp(let a)):
            time { () throws(CELError) in .timestamp(try a.adding(b)) }
        case (.duration(let a), .duration(let b)):
            time { () throws(CELError) in .duration(try a.adding(b)) }
        default: CELValue.noSuchOverload("_+_", left, right)
        }
    }

    static func subtract(_ left: CELValue, _ right: CELValue) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)): checked(a.subtractingReportingOverflow(b), "-", "int")
        case (.uint(let a), .uint(let b)): checked(a.subtractingReportingOverflow(b), "-", "uint")
        case (.double(let a), .double(let b)): .double(a - b)
        case (.timestamp(let a), .timestamp(let b)): time { () throws(CELError) in .duration(try a.subtracting(b)) }
        case (.timestamp(let a), .duration(let b)): time { () throws(CELError) in .timestamp(try a.adding(try b.negated())) }
        case (.duration(let a), .duration(let b)): time { () throws(CELError) in .duration(try a.adding(try b.negated())) }
        default: CELValue.noSuchOverload("_-_", left, right)
        }
    }

    static func multiply(_ left: CELValue, _ right: CELValue) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)): checked(a.multipliedReportingOverflow(by: b), "*", "int")
        case (.uint(let a), .uint(let b)): checked(a.multipliedReportingOverflow(by: b), "*", "uint")
        case (.double(let a), .double(let b)): .double(a * b)
        default: CELValue.noSuchOverload("_*_", left, right)
        }
    }

    static func divide(_ left: CELValue, _ right: CELValue) -> CELValue {
        switch (left, right) {
        case (.int, .int(0)), (.uint, .uint(0)): .error(CELError(.divideByZero, "division by zero"))
        case (.int(let a), .int(let b)): checked(a.dividedReportingOverflow(by: b), "/", "int")
        case (.uint(let a), .uint(let b)): .uint(a / b)
        case (.double(let a), .double(let b)): .double(a / b)
        default: CELValue.noSuchOverload("_/_", left, right)
        }
    }

    static func remainder(_ left: CELValue, _ right: CELValue) -> CELValue {
        switch (left, right) {
        case (.int, .int(0)), (.uint, .uint(0)): .error(CELError(.moduloByZero, "modulus by zero"))
        case (.int(let a), .int(let b)): checked(a.remainderReportingOverflow(dividingBy: b), "%", "int")
        case (.uint(let a), .uint(let b)): .uint(a % b)
        default: CELValue.noSuchOverload("_%_", left, right)
        }
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool), _ operation: String, _ type: String) -> CELValue {
        result.overflow ? overflow(operation, type) : .int(result.partialValue)
    }

    private static func checked(_ result: (partialValue: UInt64, overflow: Bool), _ operation: String, _ type: String) -> CELValue {
        result.overflow ? overflow(operation, type) : .uint(result.partialValue)
    }

    private static func tooLarge(_ kind: String, _ limit: Int, _ unit: String) -> CELValue {
        .error(CELError(.limitExceeded, "\(kind) result would exceed the limit of \(limit) \(unit)"))
    }

    private static func time(_ operation: () throws(CELError) -> CELValue) -> CELValue {
        do throws(CELError) { return try operation() } catch { return .error(error) }
    }
}
