/// Resolves every field's type name to a full name and checks the definitions: field numbers,
/// duplicate names, reserved numbers and names, enum rules (Protocol Buffers language guide,
/// "Assigning Field Numbers", "Reserved Fields", "Enumerations"; protoc's scoping of names).
struct ProtobufTypeResolver {
    /// Every type the file can see, by full name: its own and its imports'.
    let visible: [String: ProtobufType]
    let syntax: ProtobufSyntax

    /// Resolves and validates `file`'s types.
    func resolve(_ file: ProtobufFile) throws(ProtobufSchemaError) -> ProtobufFile {
        var resolved = file
        resolved.types = try file.types.map { type throws(ProtobufSchemaError) in try resolve(type, scope: file.package) }
        return resolved
    }

    private func resolve(_ type: ProtobufType, scope: String) throws(ProtobufSchemaError) -> ProtobufType {
        switch type {
        case .enumeration(let enumeration):
            try validate(enumeration)
            return type
        case .message(var message):
            let inner = scope.isEmpty ? message.name : "\(scope).\(message.name)"
            try validate(message)
            message.fields = try message.fields.map { field throws(ProtobufSchemaError) in try resolve(field, scope: inner) }
            for index in message.oneofs.indices {
                message.oneofs[index].fields = try message.oneofs[index].fields.map { field throws(ProtobufSchemaError) in try resolve(field, scope: inner) }
            }
            message.nestedTypes = try message.nestedTypes.map { nested throws(ProtobufSchemaError) in try resolve(nested, scope: inner) }
            return .message(message)
        }
    }

    private func resolve(_ field: ProtobufField, scope: String) throws(ProtobufSchemaError) -> ProtobufField {
        var field = field
        field.type = try resolve(field.type, scope: scope, field: field)
        return field
    }

    private func resolve(_ type: ProtobufFieldType, scope: String, field: ProtobufField) throws(ProtobufSchemaError) -> ProtobufFieldType {
        switch type {
        case .scalar: return type
        case .map(let key, let value): return .map(key: key, value: try resolve(value, scope: scope, field: field))
        case .named(let written, _):
            guard let fullName = fullName(of: written, scope: scope) else {
                throw ProtobufSchemaError(.unknownType, at: field.position,
                                          "field \(field.name) has type \(written), which is not defined here, in an import or among the well-known types; define it or import the file that does")
            }
            return .named(written: written, fullName: fullName)
        }
    }

    /// protoc's rule: look the name up in the innermost scope first, then in each enclosing one.
    func fullName(of written: String, scope: String) -> String? {
        if written.hasPrefix(".") {
            let name = String(written.dropFirst())
            return visible[name] == nil ? nil : name
        }
        var scope = Substring(scope)
        while true {
            let candidate = scope.isEmpty ? written : "\(scope).\(written)"
            if visible[candidate] != nil { return candidate }
            guard !scope.isEmpty else { return nil }
            scope = scope.lastIndex(of: ".").map { scope[..<$0] } ?? ""
        }
    }

    private func validate(_ message: ProtobufMessage) throws(ProtobufSchemaError) {
        var numbers: [Int: String] = [:]
        var names: Set<String> = []
        for field in message.allFields {
            guard (1...ProtobufField.maximumNumber).contains(field.number) else {
                throw ProtobufSchemaError(.invalidDefinition, at: field.position, "field \(field.name) has number \(field.number); numbers run from 1 to \(ProtobufField.maximumNumber)")
            }
            guard !ProtobufField.implementationReserved.contains(field.number) else {
                throw ProtobufSchemaError(.invalidDefinition, at: field.position, "field \(field.name) uses number \(field.number); 19000 to 19999 are reserved for the Protocol Buffers implementation")
            }
            if let other = numbers[field.number] {
                throw ProtobufSchemaError(.invalidDefinition, at: field.position, "fields \(other) and \(field.name) of \(message.name) both use number \(field.number); give each field its own number")
            }
            numbers[field.number] = field.name
            guard names.insert(field.name).inserted else {
                throw ProtobufSchemaError(.invalidDefinition, at: field.position, "\(message.name) declares field \(field.name) twice")
            }
            if message.reservedNumbers.contains(where: { $0.contains(field.number) }) {
                throw ProtobufSchemaError(.invalidDefinition, at: field.position, "field \(field.name) uses number \(field.number), which \(message.name) reserves; pick another number")
            }
            if message.reservedNames.contains(field.name) {
                throw ProtobufSchemaError(.invalidDefinition, at: field.position, "field name \(field.name) is reserved in \(message.name); pick another name")
            }
        }
        var typeNames: Set<String> = []
        for nested in message.nestedTypes where !typeNames.insert(nested.name).inserted {
            throw ProtobufSchemaError(.invalidDefinition, at: message.position, "\(message.name) defines \(nested.name) twice")
        }
    }

    private func validate(_ enumeration: ProtobufEnum) throws(ProtobufSchemaError) {
        if syntax == .proto3, enumeration.values.first?.number != 0 {
            throw ProtobufSchemaError(.invalidDefinition, at: enumeration.position, "the first value of proto3 enum \(enumeration.name) must be 0")
        }
        let allowsAlias = enumeration.options.contains { $0.name == "allow_alias" && $0.value == "true" }
        var numbers: Set<Int> = []
        var names: Set<String> = []
        for value in enumeration.values {
            guard names.insert(value.name).inserted else {
                throw ProtobufSchemaError(.invalidDefinition, at: value.position, "enum \(enumeration.name) declares \(value.name) twice")
            }
            if !numbers.insert(value.number).inserted, !allowsAlias {
                throw ProtobufSchemaError(.invalidDefinition, at: value.position, "enum \(enumeration.name) uses \(value.number) twice; set option allow_alias = true for aliases")
            }
            if enumeration.reservedNumbers.contains(where: { $0.contains(value.number) }) || enumeration.reservedNames.contains(value.name) {
                throw ProtobufSchemaError(.invalidDefinition, at: value.position, "enum value \(value.name) = \(value.number) is reserved in \(enumeration.name)")
            }
        }
    }
}

extension ProtobufField {
    /// The largest field number, 2^29 - 1.
    public static let maximumNumber = 536_870_911
    /// Numbers the implementation keeps for itself.
    static let implementationReserved = 19_000...19_999
}
