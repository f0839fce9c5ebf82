/// Every message a schema sees, numbered once when the schema is parsed, with each message's
/// fields in number order and their types resolved to message numbers: what a compatibility check
/// walks by integer, without hashing type names or copying messages out of the file.
///
/// The file stays the source of truth; the index holds only what a walk over message pairs reads.
package struct ProtobufMessageIndex: Sendable {
    /// One message, found by its number (its position in ``messages``).
    package struct Message: Sendable {
        /// The simple name, which scopes match messages by.
        package var name: String
        /// The full name without the defining file's package, split at dots: `["Order", "Line"]`.
        package var path: [String]
        /// Its fields in ``fields``: first those outside any oneof in order of number, then each
        /// oneof's in declaration order.
        package var allFields: Range<Int>
        /// The leading part of ``allFields`` outside any oneof.
        package var topLevelFields: Range<Int>
        /// Its oneofs in ``oneofs``.
        package var oneofs: Range<Int>
        /// The numbers of its nested messages in ``scopeMessages``, in declaration order.
        package var nestedMessages: Range<Int>
        /// Its nested enums, in declaration order.
        package var nestedEnums: [ProtobufEnum]
    }

    /// A `oneof` and its fields in ``fields``.
    package struct Oneof: Sendable {
        package var name: String
        package var fields: Range<Int>
    }

    /// A field as a check compares it, apart from its name: plain values, so reading one copies
    /// no reference.
    package struct Field: Sendable {
        package var number: Int
        package var label: ProtobufLabel
        /// The key of a map field, nil for any other field.
        package var mapKey: ProtobufScalar?
        /// The field's type, or a map's value type.
        package var type: ValueType
    }

    /// A field's type other than a map, resolved: a message by its number.
    package enum ValueType: Sendable {
        case scalar(ProtobufScalar)
        case enumeration
        case message(Int)
    }

    package let messages: ContiguousArray<Message>
    package let fields: ContiguousArray<Field>
    /// The name of each field in ``fields``.
    package let fieldNames: ContiguousArray<String>
    package let oneofs: ContiguousArray<Oneof>
    /// Message numbers of scopes: each message's nested messages, and the file's top-level ones.
    package let scopeMessages: ContiguousArray<Int>
    /// The file's top-level messages in ``scopeMessages``, in declaration order.
    package let topLevelMessages: Range<Int>

    /// Numbers the messages among `types` (own and imported, by full name) in order of full name,
    /// and resolves the field types of each; `file` gives the top-level scope.
    init(file: ProtobufFile, types: [String: ProtobufTypeInfo]) {
        var numbers: [String: Int] = [:]
        let messageNames = types.compactMap { $0.value.isEnum ? nil : $0.key }.sorted()
        for (number, name) in messageNames.enumerated() { numbers[name] = number }

        func resolve(_ type: ProtobufFieldType) -> ValueType {
            switch type {
            case .scalar(let scalar): return .scalar(scalar)
            // The resolver found every name among `types`, so a name that is no message is an enum.
            case .named(_, let fullName): return numbers[fullName].map(ValueType.message) ?? .enumeration
            case .map: preconditionFailure("a map's value is never a map: the parser and the descriptor decoder refuse it")
            }
        }
        func field(_ field: ProtobufField) -> Field {
            if case .map(let key, let value) = field.type {
                return Field(number: field.number, label: field.label, mapKey: key, type: resolve(value))
            }
            return Field(number: field.number, label: field.label, mapKey: nil, type: resolve(field.type))
        }
        func scope(_ types: [ProtobufType], _ fullName: String) -> [Int] {
            types.compactMap { type in
                guard case .message(let message) = type else { return nil }
                return numbers[fullName.isEmpty ? message.name : fullName + "." + message.name]
            }
        }

        var messages = ContiguousArray<Message>()
        var fields = ContiguousArray<Field>()
        var fieldNames = ContiguousArray<String>()
        var oneofs = ContiguousArray<Oneof>()
        var scopeMessages = ContiguousArray<Int>()
        messages.reserveCapacity(messageNames.count)
        for fullName in messageNames {
            guard let info = types[fullName], case .message(let message) = info.type else { continue }
            let firstField = fields.count
            let topLevel = message.fields.sortedByNumber()
            fields.append(contentsOf: topLevel.map(field))
            fieldNames.append(contentsOf: topLevel.map(\.name))
            let topLevelEnd = fields.count
            let firstOneof = oneofs.count
            for oneof in message.oneofs {
                let start = fields.count
                fields.append(contentsOf: oneof.fields.map(field))
                fieldNames.append(contentsOf: oneof.fields.map(\.name))
                oneofs.append(Oneof(name: oneof.name, fields: start..<fields.count))
            }
            let firstNested = scopeMessages.count
            scopeMessages.append(contentsOf: scope(message.nestedTypes, fullName))
            messages.append(Message(
                name: message.name, path: Self.localName(fullName, package: info.package).split(separator: ".").map(String.init),
                allFields: firstField..<fields.count, topLevelFields: firstField..<topLevelEnd, oneofs: firstOneof..<oneofs.count,
                nestedMessages: firstNested..<scopeMessages.count,
                nestedEnums: message.nestedTypes.compactMap { if case .enumeration(let enumeration) = $0 { enumeration } else { nil } }))
        }
        let firstTopLevel = scopeMessages.count
        scopeMessages.append(contentsOf: scope(file.types, file.package))
        self.messages = messages
        self.fields = fields
        self.fieldNames = fieldNames
        self.oneofs = oneofs
        self.scopeMessages = scopeMessages
        self.topLevelMessages = firstTopLevel..<scopeMessages.count
    }

    /// A full name without its package.
    private static func localName(_ fullName: String, package: String) -> Substring {
        guard !package.isEmpty, fullName.hasPrefix(package + ".") else { return fullName[...] }
        return fullName.dropFirst(package.count + 1)
    }
}

private extension [ProtobufField] {
    /// The fields in order of number; usually they are declared in that order already.
    func sortedByNumber() -> [ProtobufField] {
        if zip(self, dropFirst()).allSatisfy({ $0.number < $1.number }) { return self }
        return sorted { $0.number < $1.number }
    }
}
