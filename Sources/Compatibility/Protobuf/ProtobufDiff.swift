import Protobuf

/// One walk over an original (writer) and an update (reader) Protobuf schema, collecting the
/// differences as Confluent Schema Registry's `SchemaDiff` defines them: types matched by name
/// in each scope, fields by number, enum values by number.
///
/// Message pairs are compared once: a pair met again (a recursive type, or a type reached both as
/// a nested definition and through a field) reuses the first verdict; a pair still being compared
/// counts as compatible, so recursion ends. Following message-typed fields goes at most
/// `maximumFieldDepth` deep, so a long chain of types cannot exhaust the stack; a file's own types
/// are all compared through its definitions anyway.
struct ProtobufDiff {
    let original: ProtobufSchema
    let update: ProtobufSchema
    private(set) var differences: [ProtobufDifference] = []
    /// Verdicts of message pairs by their full names; nil while in progress.
    private var comparedPairs: [MessagePair: Bool?] = [:]
    /// How many message-typed fields the walk is inside.
    private var fieldDepth = 0
    static let maximumFieldDepth = 32

    private struct MessagePair: Hashable {
        let original: String
        let update: String
    }

    init(original: ProtobufSchema, update: ProtobufSchema) {
        self.original = original
        self.update = update
    }

    mutating func compareFiles() {
        if original.file.package != update.file.package { add(.packageChanged, [], original: true, update: true) }
        compareTypes(original.file.types, update.file.types, originalScope: original.file.package, updateScope: update.file.package, path: [])
    }

    private mutating func add(_ change: ProtobufChange, _ path: [String], original inOriginal: Bool, update inUpdate: Bool) {
        differences.append(ProtobufDifference(change: change, path: path, inOriginal: inOriginal, inUpdate: inUpdate))
    }

    private static func join(_ scope: String, _ name: String) -> String { scope.isEmpty ? name : scope + "." + name }

    // MARK: Types

    private mutating func compareTypes(_ originalTypes: [ProtobufType], _ updateTypes: [ProtobufType],
                                       originalScope: String, updateScope: String, path: [String]) {
        guard !originalTypes.isEmpty || !updateTypes.isEmpty else { return }
        let originalMessages = Self.messages(originalTypes)
        let updateMessages = Self.messages(updateTypes)
        for name in Self.names(originalMessages.map(\.name), updateMessages.map(\.name)) {
            let before = originalMessages.firstIndex { $0.name == name }
            let after = updateMessages.firstIndex { $0.name == name }
            switch (before, after) {
            case (let before?, let after?):
                let originalFullName = Self.join(originalScope, name)
                let updateFullName = Self.join(updateScope, name)
                // A pair already compared (through a field) is not copied out of its file again.
                if comparedPairs[MessagePair(original: originalFullName, update: updateFullName)] == nil,
                   case .message(let originalMessage) = originalTypes[originalMessages[before].type],
                   case .message(let updateMessage) = updateTypes[updateMessages[after].type] {
                    compareMessages(originalMessage, updateMessage, originalFullName: originalFullName, updateFullName: updateFullName, path: path + [name])
                }
                if before != after { add(.messageMoved, path + [name], original: true, update: true) }
            case (_?, nil): add(.messageRemoved, path + [name], original: true, update: false)
            case (nil, _?): add(.messageAdded, path + [name], original: false, update: true)
            case (nil, nil): break
            }
        }
        let originalEnums = Self.enums(originalTypes)
        let updateEnums = Self.enums(updateTypes)
        for name in Self.names(originalEnums.map(\.name), updateEnums.map(\.name)) {
            switch (originalEnums.first { $0.name == name }, updateEnums.first { $0.name == name }) {
            case (let before?, let after?): compareEnums(before, after, path: path + [name])
            case (_?, nil): add(.enumRemoved, path + [name], original: true, update: false)
            case (nil, _?): add(.enumAdded, path + [name], original: false, update: true)
            case (nil, nil): break
            }
        }
    }

    /// The original's names in order, then the update's new ones.
    private static func names(_ original: [String], _ update: [String]) -> [String] {
        original + update.filter { !original.contains($0) }
    }

    /// The messages among `types`, in order: their names and where they are in `types`.
    private static func messages(_ types: [ProtobufType]) -> [(name: String, type: Int)] {
        types.indices.compactMap { index in
            if case .message(let message) = types[index] { return (message.name, index) }
            return nil
        }
    }

    private static func enums(_ types: [ProtobufType]) -> [ProtobufEnum] {
        types.compactMap { type -> ProtobufEnum? in
            if case .enumeration(let enumeration) = type { return enumeration }
            return nil
        }
    }

    private mutating func compareEnums(_ original: ProtobufEnum, _ update: ProtobufEnum, path: [String]) {
        let numbers = Self.sortedUnion(original.values.map(\.number), update.values.map(\.number))
        for number in numbers {
            let before = original.values.first { $0.number == number }
            let after = update.values.first { $0.number == number }
            switch (before, after) {
            case (let before?, let after?) where before.name != after.name:
                add(.enumConstantChanged, path + [String(number)], original: true, update: true)
            case (_?, nil): add(.enumConstantRemoved, path + [String(number)], original: true, update: false)
            case (nil, _?): add(.enumConstantAdded, path + [String(number)], original: false, update: true)
            default: break
            }
        }
    }

    private static func sortedUnion(_ one: [Int], _ two: [Int]) -> [Int] { Array(Set(one).union(two)).sorted() }

    // MARK: Messages

    /// Compares two messages; true when no incompatible difference was found in them.
    @discardableResult
    private mutating func compareMessages(_ original: ProtobufMessage, _ update: ProtobufMessage,
                                          originalFullName: String, updateFullName: String, path: [String]) -> Bool {
        let key = MessagePair(original: originalFullName, update: updateFullName)
        if let known = comparedPairs[key] { return known ?? true }
        comparedPairs[key] = .some(nil)
        let start = differences.count
        compareFields(original, update, path: path)
        compareTypes(original.nestedTypes, update.nestedTypes, originalScope: originalFullName, updateScope: updateFullName, path: path)
        let compatible = differences[start...].allSatisfy(\.change.isCompatible)
        comparedPairs[key] = compatible
        return compatible
    }

    private mutating func compareFields(_ original: ProtobufMessage, _ update: ProtobufMessage, path: [String]) {
        // Fields moved into a oneof are compared through the oneof, not as top-level fields.
        var movedIntoOneof: Set<Int> = []
        if !update.oneofs.isEmpty || !original.oneofs.isEmpty {
            movedIntoOneof = compareOneofs(original, update, path: path)
        }
        var originalOrder = Self.byNumber(original.fields)
        if !movedIntoOneof.isEmpty { originalOrder.removeAll { movedIntoOneof.contains(original.fields[$0].number) } }
        let updateOrder = Self.byNumber(update.fields)
        // Fields are read in place by index: binding one to a name would copy it.
        var next = (original: 0, update: 0)
        while next.original < originalOrder.count || next.update < updateOrder.count {
            let oldNumber = next.original < originalOrder.count ? original.fields[originalOrder[next.original]].number : Int.max
            let newNumber = next.update < updateOrder.count ? update.fields[updateOrder[next.update]].number : Int.max
            if oldNumber == newNumber {
                compareField(original.fields[originalOrder[next.original]], update.fields[updateOrder[next.update]],
                             at: FieldLocation(message: path, oneof: nil, number: oldNumber))
                next.original += 1
                next.update += 1
            } else if oldNumber < newNumber {
                let required = original.fields[originalOrder[next.original]].label == .required
                add(required ? .requiredFieldRemoved : .fieldRemoved, path + [String(oldNumber)], original: true, update: false)
                next.original += 1
            } else {
                let required = update.fields[updateOrder[next.update]].label == .required
                add(required ? .requiredFieldAdded : .fieldAdded, path + [String(newNumber)], original: false, update: true)
                next.update += 1
            }
        }
    }

    /// The indices of `fields` in order of field number; fields are usually declared in that order
    /// already, and the numbers are read once so sorting copies no field.
    private static func byNumber(_ fields: [ProtobufField]) -> [Int] {
        let numbers = fields.map { $0.number }
        if zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) { return Array(numbers.indices) }
        return numbers.indices.sorted { numbers[$0] < numbers[$1] }
    }

    /// The `oneof` rules; returns the numbers of original top-level fields the update moved into a oneof.
    private mutating func compareOneofs(_ original: ProtobufMessage, _ update: ProtobufMessage, path: [String]) -> Set<Int> {
        let originalTopLevel = Set(original.fields.map(\.number))
        let updateNumbers = Set(update.allFields.map(\.number))
        let originalOneofOf = Dictionary(original.oneofs.flatMap { oneof in oneof.fields.map { ($0.number, oneof.name) } }, uniquingKeysWith: { first, _ in first })
        let updateOneofOf = Dictionary(update.oneofs.flatMap { oneof in oneof.fields.map { ($0.number, oneof.name) } }, uniquingKeysWith: { first, _ in first })
        var movedIntoOneof: Set<Int> = []

        // At most one existing field per oneof, and only into a new oneof.
        for oneof in update.oneofs {
            var moved = 0
            var existing = 0
            for field in oneof.fields {
                if originalTopLevel.contains(field.number) {
                    movedIntoOneof.insert(field.number)
                    moved += 1
                } else if originalOneofOf[field.number] != nil {
                    existing += 1
                }
            }
            if moved > 1 {
                add(.multipleFieldsMovedToOneof, path + [oneof.name], original: false, update: true)
            } else if moved == 1, existing > 0 {
                add(.fieldMovedToExistingOneof, path + [oneof.name], original: false, update: true)
            }
        }
        for name in Self.names(original.oneofs.map(\.name), update.oneofs.map(\.name)) {
            let before = original.oneofs.first { $0.name == name }
            let after = update.oneofs.first { $0.name == name }
            switch (before, after) {
            case (let before?, let after?):
                for number in Self.sortedUnion(before.fields.map(\.number), after.fields.map(\.number)) {
                    let location = FieldLocation(message: path, oneof: name, number: number)
                    let fieldPath = location.path
                    switch (before.fields.first { $0.number == number }, after.fields.first { $0.number == number }) {
                    case (let old?, let new?): compareField(old, new, at: location)
                    case (_?, nil) where !updateNumbers.contains(number): add(.oneofFieldRemoved, fieldPath, original: true, update: false)
                    case (nil, _?): add(.oneofFieldAdded, fieldPath, original: false, update: true)
                    default: break
                    }
                }
            case (_?, nil): add(.oneofRemoved, path + [name], original: true, update: false)
            case (nil, _?): add(.oneofAdded, path + [name], original: false, update: true)
            case (nil, nil): break
            }
        }
        // Fields whose oneof membership changed are compared by number too.
        for old in original.allFields.sorted(by: { $0.number < $1.number }) {
            let before = originalOneofOf[old.number]
            let after = updateOneofOf[old.number]
            guard before != nil || after != nil, before != after, let new = update.allFields.first(where: { $0.number == old.number }) else { continue }
            compareField(old, new, at: FieldLocation(message: path, oneof: nil, number: old.number))
        }
        return movedIntoOneof
    }

    // MARK: Fields

    /// Where a field is: its message's path, its oneof if any, and its number; the path is built
    /// only when a difference is recorded there.
    private struct FieldLocation {
        let message: [String]
        let oneof: String?
        let number: Int

        var path: [String] { oneof.map { message + [$0, String(number)] } ?? message + [String(number)] }
    }

    private mutating func compareField(_ original: ProtobufField, _ update: ProtobufField, at location: FieldLocation) {
        if original.name != update.name { add(.fieldNameChanged, location.path, original: true, update: true) }
        compareTypes(original.type, update.type, at: location)
        if (original.label == .repeated) != (update.label == .repeated) {
            switch (scalarKind(original.type, in: self.original), scalarKind(update.type, in: self.update)) {
            case (.stringOrBytes?, .stringOrBytes?): add(.fieldStringOrBytesLabelChanged, location.path, original: true, update: true)
            case (_?, _?): add(.fieldNumericLabelChanged, location.path, original: true, update: true)
            default: break
            }
        }
    }

    private enum Kind { case scalar, message, map }

    private func kind(_ type: ProtobufFieldType, in schema: ProtobufSchema) -> Kind {
        switch type {
        case .scalar: .scalar
        case .map: .map
        case .named(_, let fullName): schema.enumNames.contains(fullName) ? .scalar : .message
        }
    }

    private mutating func compareTypes(_ original: ProtobufFieldType, _ update: ProtobufFieldType, at location: FieldLocation) {
        let originalKind = kind(original, in: self.original)
        guard originalKind == kind(update, in: self.update) else {
            return add(.fieldKindChanged, location.path, original: true, update: true)
        }
        switch (original, update) {
        case (.map(let originalKey, let originalValue), .map(let updateKey, let updateValue)):
            compareTypes(.scalar(originalKey), .scalar(updateKey), at: location)
            compareTypes(originalValue, updateValue, at: location)
        case (.named(_, let originalName), .named(_, let updateName)) where originalKind == .message:
            compareMessageTypes(originalName, updateName, at: location)
        default:
            if scalarKind(original, in: self.original) != scalarKind(update, in: self.update) {
                add(.fieldScalarKindChanged, location.path, original: true, update: true)
            }
        }
    }

    /// Message-typed fields: the types' names relative to their packages must match, and the
    /// messages themselves must be compatible.
    private mutating func compareMessageTypes(_ originalName: String, _ updateName: String, at location: FieldLocation) {
        if let known = comparedPairs[MessagePair(original: originalName, update: updateName)] {
            if known == false { add(.fieldNamedTypeChanged, location.path, original: true, update: true) }
            return
        }
        guard let before = original.types[originalName], let after = update.types[updateName],
              case .message(let originalMessage) = before.type, case .message(let updateMessage) = after.type else { return }
        guard Self.localName(originalName, package: before.package).elementsEqual(Self.localName(updateName, package: after.package)) else {
            return add(.fieldNamedTypeChanged, location.path, original: true, update: true)
        }
        guard fieldDepth < Self.maximumFieldDepth else { return }
        fieldDepth += 1
        defer { fieldDepth -= 1 }
        let compatible = compareMessages(originalMessage, updateMessage, originalFullName: originalName, updateFullName: updateName,
                                         path: Self.localName(originalName, package: before.package).split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) })
        if !compatible { add(.fieldNamedTypeChanged, location.path, original: true, update: true) }
    }

    /// A full name without its package, as UTF-8, without copying.
    private static func localName(_ fullName: String, package: String) -> Substring.UTF8View {
        let name = fullName.utf8
        let length = package.utf8.count
        guard length > 0, name.count > length, fullName.hasPrefix(package) else { return fullName[...].utf8 }
        let dot = name.index(name.startIndex, offsetBy: length)
        guard name[dot] == UInt8(ascii: ".") else { return fullName[...].utf8 }
        return fullName[name.index(after: dot)...].utf8
    }

    /// Confluent's groups of scalar types that share an encoding (language guide "Updating A Message Type").
    enum ScalarKind { case generalNumber, signedNumber, stringOrBytes, fixed32, fixed64, float, double }

    private func scalarKind(_ type: ProtobufFieldType, in schema: ProtobufSchema) -> ScalarKind? {
        switch type {
        case .map: return nil
        case .named(_, let fullName): return schema.enumNames.contains(fullName) ? .generalNumber : nil
        case .scalar(let scalar):
            switch scalar {
            case .int32, .int64, .uint32, .uint64, .bool: return .generalNumber
            case .sint32, .sint64: return .signedNumber
            case .string, .bytes: return .stringOrBytes
            case .fixed32, .sfixed32: return .fixed32
            case .fixed64, .sfixed64: return .fixed64
            case .float: return .float
            case .double: return .double
            }
        }
    }
}
