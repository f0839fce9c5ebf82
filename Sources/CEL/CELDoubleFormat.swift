/// Formats doubles as Go's `strconv.FormatFloat(x, 'g', -1, 64)` does, which CEL's `string(double)` uses:
/// shortest round-trip digits, exponent form below 1e-4 and from 1e6 (`1e+06`).
enum CELDoubleFormat {
    static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let description = value.magnitude.description
        let parts = description.split(separator: "e")
        let mantissa = parts[0]
        var exponent = parts.count > 1 ? Int(parts[1])! : 0
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(pieces[0])
        let fractionPart = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = integerPart + fractionPart
        exponent += integerPart.count - 1
        let leadingZeros = digits.prefix { $0 == "0" }.count
        digits.removeFirst(leadingZeros)
        exponent -= leadingZeros
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
            let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
            return sign + digits.prefix(1) + fraction + "e" + exponentText
        }
        if exponent < 0 { return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits }
        if digits.count <= exponent + 1 { return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count) }
        return sign + digits.prefix(exponent + 1) + "." + digits.dropFirst(exponent + 1)
    }
}
