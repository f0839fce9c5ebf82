#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON

/// Reads the `logicalType` of a primitive or fixed and checks its parameters (Avro spec "Logical Types").
///
/// The specification lets readers ignore invalid logical types; a registry refuses them instead, so
/// a bad decimal never reaches producers.
enum AvroLogicalTypeReader {
    static func read(_ object: JSONObject, underlying: AvroKind, at pointer: JSONPointer) throws(AvroSchemaError) -> AvroLogicalType? {
        guard let name = object["logicalType"]?.stringValue else { return nil }
        let namePointer = pointer / "logicalType"
        func refuse(_ message: String, at location: JSONPointer? = nil) -> AvroSchemaError {
            AvroSchemaError(code: .invalidLogicalType, pointer: location ?? namePointer, message: message)
        }
        switch name {
        case "decimal":
            var maximumPrecision = Int.max
            switch underlying {
            case .bytes: break
            case .fixed(let fixed): maximumPrecision = maximumDecimalPrecision(size: fixed.size)
            default: throw refuse("decimal annotates bytes or fixed, not \(underlying.typeName)")
            }
            guard let precision = object["precision"]?.integerValue, precision > 0, precision <= maximumPrecision else {
                throw refuse(
                    "decimal needs an integer 'precision' from 1 to \(maximumPrecision == .max ? "any size" : String(maximumPrecision))",
                    at: pointer / "precision")
            }
            let scale = object["scale"].map { $0.integerValue ?? -1 } ?? 0
            guard scale >= 0, scale <= precision else {
                throw refuse("decimal 'scale' must be an integer from 0 to the precision \(precision)", at: pointer / "scale")
            }
            return .decimal(precision: Int(precision), scale: Int(scale))
        case "duration":
            guard case .fixed(let fixed) = underlying, fixed.size == 12 else {
                throw refuse("duration annotates a fixed of size 12")
            }
            return .duration
        case "uuid":
            if case .fixed(let fixed) = underlying, fixed.size == 16 { return .uuid }
            guard case .string = underlying else { throw refuse("uuid annotates string or a fixed of size 16") }
            return .uuid
        default:
            guard let simple = AvroLogicalType.simple[name] else { return .other(name) }
            guard underlying.typeName == simple.underlying else {
                throw refuse("\(name) annotates \(simple.underlying), not \(underlying.typeName)")
            }
            return simple.type
        }
    }

    /// The largest number of decimal digits a two's-complement value of `size` bytes holds.
    static func maximumDecimalPrecision(size: Int) -> Int {
        guard size > 0 else { return 0 }
        return Int((Double(8 * size - 1) * log10(2.0)).rounded(.down))
    }
}
