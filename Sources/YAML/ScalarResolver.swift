import JSON

/// Resolves plain scalars with the YAML 1.2 core schema (YAML 1.2 §10.3.2).
///
/// Quoted and block scalars are always strings and never pass through here.
enum ScalarResolver {
    /// The value of a plain scalar: null, boolean, integer, float or string.
    static func resolve(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        default: break
        }
        let utf8 = Array(text.utf8)
        if let integer = resolvePrefixedInteger(utf8) { return integer }
        if isDecimalInteger(utf8) {
            if let integer = Int64(text) { return .integer(integer) }
            if let double = Double(text) { return .double(double) }
        }
        if isFloat(utf8), let double = Double(text) ?? Double(text + "0") { return .double(double) }
        return .string(text)
    }

    /// The text a scalar key stands for: strings as they are, other scalars in their JSON form
    /// (`1` → "1", `null` → "null"); nil for collections, which cannot be keys here.
    static func keyText(for value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let integer): String(integer)
        case .double(let double):
            double.isNaN ? "NaN" : double.isInfinite ? (double < 0 ? "-Infinity" : "Infinity") : double.description
        case .array, .object: nil
        }
    }

    /// `0x1F` and `0o17`; values past 64 bits become doubles, as in the JSON module.
    private static func resolvePrefixedInteger(_ utf8: [UInt8]) -> JSONValue? {
        guard utf8.count > 2, utf8[0] == UInt8(ascii: "0") else { return nil }
        let radix: Int
        switch utf8[1] {
        case UInt8(ascii: "x"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        default: return nil
        }
        var integer: Int64 = 0
        var double: Double = 0
        var overflowed = false
        for byte in utf8.dropFirst(2) {
            guard let digit = digitValue(byte), digit < radix else { return nil }
            double = double * Double(radix) + Double(digit)
            let (shifted, multiplyOverflow) = integer.multipliedReportingOverflow(by: Int64(radix))
            let (sum, addOverflow) = shifted.addingReportingOverflow(Int64(digit))
            overflowed = overflowed || multiplyOverflow || addOverflow
            integer = sum
        }
        return overflowed ? .double(double) : .integer(integer)
    }

    /// `[-+]?[0-9]+`
    private static func isDecimalInteger(_ utf8: [UInt8]) -> Bool {
        let digits = utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") ? utf8.dropFirst() : utf8[...]
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ utf8: [UInt8]) -> Bool {
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < utf8.count, isDigit(utf8[index]) { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        let integerDigits = skipDigits()
        var fractionDigits = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = skipDigits()
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return index == utf8.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The value of a hexadecimal digit, or nil.
    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
