/// Type conversions `int`, `uint`, `double`, `string`, `bytes`, `bool`, `type`, `dyn`
/// (CEL langdef "Type Conversions"); out-of-range and malformed input are errors.
extension CELFunctions {
    static let conversions: [String: CELFunction] = [
        "int": conversion("int", from: [.int, .uint, .double, .string, .timestamp], to: .int) { value in
            switch value {
            case .int: return value
            case .uint(let unsigned): return Int64(exactly: unsigned).map(CELValue.int) ?? rangeError("int", value)
            case .double(let double):
                guard double.isFinite, double >= -9.223372036854775808e18, double < 9.223372036854775808e18 else {
                    return rangeError("int", value)
                }
                return .int(Int64(double))
            case .string(let text): return Int64(text).map(CELValue.int) ?? conversionError("int", value)
            case .timestamp(let timestamp): return .int(timestamp.seconds)
            default: return nil
            }
        },
        "uint": conversion("uint", from: [.int, .uint, .double, .string], to: .uint) { value in
            switch value {
            case .uint: return value
            case .int(let signed): return UInt64(exactly: signed).map(CELValue.uint) ?? rangeError("uint", value)
            case .double(let double):
                guard double.isFinite, double > -1, double < 1.8446744073709551616e19 else { return rangeError("uint", value) }
                return .uint(UInt64(double))
            case .string(let text): return UInt64(text).map(CELValue.uint) ?? conversionError("uint", value)
            default: return nil
            }
        },
        "double": conversion("double", from: [.int, .uint, .double, .string], to: .double) { value in
            switch value {
            case .double: return value
            case .int(let signed): return .double(Double(signed))
            case .uint(let unsigned): return .double(Double(unsigned))
            case .string(let text): return Double(text).map(CELValue.double) ?? conversionError("double", value)
            default: return nil
            }
        },
        "string": conversion("string", from: [.string, .int, .uint, .double, .bool, .bytes, .timestamp, .duration, .type], to: .string) { value in
            switch value {
            case .string: return value
            case .int(let signed): return .string(String(signed))
            case .uint(let unsigned): return .string(String(unsigned))
            case .double(let double): return .string(CELDoubleFormat.shortest(double))
            case .bool(let bool): return .string(String(bool))
            case .bytes(let bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else { return conversionError("string", value) }
                return .string(text)
            case .timestamp(let timestamp): return .string(timestamp.rfc3339)
            case .duration(let duration): return .string(duration.text)
            case .type(let type): return .string(type.name)
            default: return nil
            }
        },
        "bytes": conversion("bytes", from: [.bytes, .string], to: .bytes) { value in
            switch value {
            case .bytes: return value
            case .string(let text): return .bytes(Array(text.utf8))
            default: return nil
            }
        },
        "bool": conversion("bool", from: [.bool, .string], to: .bool) { value in
            switch value {
            case .bool: return value
            case .string(let text):
                switch text {
                case "1", "t", "true", "TRUE", "True": return .bool(true)
                case "0", "f", "false", "FALSE", "False": return .bool(false)
                default: return conversionError("bool", value)
                }
            default: return nil
            }
        },
        "type": CELFunction(signatures: [CELFunction.global([.dyn], .type)], unary: { .type($0.type) }),
        "dyn": CELFunction(signatures: [CELFunction.global([.dyn], .dyn)], unary: { $0 }),
    ]

    /// A global one-argument conversion; `convert` returns nil for types it does not accept.
    static func conversion(_ name: String, from types: [CELType], to result: CELType,
                           _ convert: @escaping @Sendable (CELValue) -> CELValue?) -> CELFunction {
        CELFunction(signatures: types.map { CELFunction.global([$0], result) }, unary: { value in
            convert(value) ?? CELValue.noSuchOverload(name, value)
        })
    }

    static func rangeError(_ name: String, _ value: CELValue) -> CELValue {
        .error(CELError(.range, "\(name)(\(value.debugText)) is out of range"))
    }

    static func conversionError(_ name: String, _ value: CELValue) -> CELValue {
        .error(CELError(.conversion, "\(name)(\(value.debugText)) cannot convert the value"))
    }
}
