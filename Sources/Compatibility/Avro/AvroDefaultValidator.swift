import JSON

/// Checks a default value against its type (Avro spec "Records", field `default`).
struct AvroDefaultValidator {
    let nodes: [AvroNode]

    func isValid(_ value: JSONValue, for index: Int) -> Bool {
        switch nodes[index].kind {
        case .null: value == .null
        case .boolean: value.boolValue != nil
        case .int: value.integerValue.map { Int32(exactly: $0) != nil } ?? false
        case .long: value.integerValue != nil
        case .float, .double: value.numberValue != nil
        case .bytes, .string: value.stringValue != nil
        case .fixed(let fixed): value.stringValue.map { $0.unicodeScalars.count == fixed.size } ?? false
        case .enumeration(let enumeration): value.stringValue.map(enumeration.symbols.contains) ?? false
        case .array(let items): value.arrayValue?.allSatisfy { isValid($0, for: items) } ?? false
        case .map(let values): value.objectValue?.allSatisfy { isValid($0.value, for: values) } ?? false
        case .union(let branches): branches.first.map { isValid(value, for: $0) } ?? false
        case .record(let record): isValid(value, for: record)
        }
    }

    /// A record default is an object whose members are valid for their fields; absent members need field defaults.
    private func isValid(_ value: JSONValue, for record: AvroRecord) -> Bool {
        guard let object = value.objectValue else { return false }
        return record.fields.allSatisfy { field in
            if let member = object[field.name] { return isValid(member, for: field.type) }
            return field.defaultValue != nil
        }
    }
}
