import Protobuf

/// One walk over an original (writer) and an update (reader) Protobuf schema, collecting the
/// differences as Confluent Schema Registry's `SchemaDiff` defines them: types matched by name
/// in each scope, fields by number, enum values by number.
///
/// The walk reads each schema's ``ProtobufMessageIndex`` (messages numbered at parse time, field
/// types resolved to message numbers), so a message-typed field finds its pair's verdict by
/// integer, and paths are built only for a difference (docs/ARCHITECTURE.md, "Protobuf").
///
/// Message pairs are compared once: a pair met again (a recursive type, or a type reached both as
/// a nested definition and through a field) reuses the first verdict; a pair still being compared
/// counts as compatible, so recursion ends. Following message-typed fields goes at most
/// `maximumFieldDepth` deep, so a long chain of types cannot exhaust the stack; a file's own types
/// are all compared through its definitions anyway.
struct ProtobufDiff {
    let original: ProtobufSchema
    let update: ProtobufSchema
    /// The two schemas' indexes, read on every step.
    let originalIndex: ProtobufMessageIndex
    let updateIndex: ProtobufMessageIndex
    private(set) var differences: [ProtobufDifference] = []
    /// Verdicts of message pairs by their numbers, the update's as reader.
    private var comparedPairs: TypePairMemo
    /// How many message-typed fields the walk is inside.
    private var fieldDepth = 0
    static let maximumFieldDepth = 32

    init(original: ProtobufSchema, update: ProtobufSchema) {
        self.original = original
        self.update = update
        originalIndex = original.messageIndex
        updateIndex = update.messageIndex
        comparedPairs = TypePairMemo(readerTypes: updateIndex.messages.count, writerTypes: originalIndex.messages.count)
    }

    mutating func compareFiles() {
        if original.file.package != update.file.package { add(.packageChanged, [], original: true, update: true) }
        compareScopes(originalIndex.topLevelMessages, updateIndex.topLevelMessages, path: [])
        compareEnums(Self.enums(original.file.types), Self.enums(update.file.types), path: [])
    }

    mutating func add(_ change: ProtobufChange, _ path: [String], original inOriginal: Bool, update inUpdate: Bool) {
        differences.append(ProtobufDifference(change: change, path: path, inOriginal: inOriginal, inUpdate: inUpdate))
    }

    /// The original's names in order, then the update's new ones.
    static func names(_ original: [String], _ update: [String]) -> [String] {
        original + update.filter { !original.contains($0) }
    }

    // MARK: Types

    /// Compares the messages of a scope, given as ranges of the indexes' `scopeMessages`.
    private mutating func compareScopes(_ originalScope: Range<Int>, _ updateScope: Range<Int>, path: [String]) {
        guard !originalScope.isEmpty || !updateScope.isEmpty else { return }
        let originalMessages = originalIndex.scopeMessages[originalScope]
        let updateMessages = updateIndex.scopeMessages[updateScope]
        // Message i of the original is usually message i of the update.
        for (offset, originalNumber) in originalMessages.enumerated() {
            let name = originalIndex.messages[originalNumber].name
            let after = updateScope.count > offset && updateIndex.messages[updateMessages[updateScope.lowerBound + offset]].name == name
                ? offset : updateMessages.firstIndex { updateIndex.messages[$0].name == name }.map { $0 - updateScope.lowerBound }
            guard let after else {
                add(.messageRemoved, path + [name], original: true, update: false)
                continue
            }
            let updateNumber = updateMessages[updateScope.lowerBound + after]
            // A pair already compared (through a field) is not compared again.
            if comparedPairs[reader: updateNumber, writer: originalNumber] == .unvisited {
                compareMessages(originalNumber, updateNumber)
            }
            if offset != after { add(.messageMoved, path + [name], original: true, update: true) }
        }
        for updateNumber in updateMessages {
            let name = updateIndex.messages[updateNumber].name
            if !originalMessages.contains(where: { originalIndex.messages[$0].name == name }) {
                add(.messageAdded, path + [name], original: false, update: true)
            }
        }
    }

    static func enums(_ types: [ProtobufType]) -> [ProtobufEnum] {
        types.compactMap { type -> ProtobufEnum? in
            if case .enumeration(let enumeration) = type { return enumeration }
            return nil
        }
    }

    private mutating func compareEnums(_ originalEnums: [ProtobufEnum], _ updateEnums: [ProtobufEnum], path: [String]) {
        guard !originalEnums.isEmpty || !updateEnums.isEmpty else { return }
        for name in Self.names(originalEnums.map(\.name), updateEnums.map(\.name)) {
            switch (originalEnums.first { $0.name == name }, updateEnums.first { $0.name == name }) {
            case (let before?, let after?): compareEnum(before, after, path: path + [name])
            case (_?, nil): add(.enumRemoved, path + [name], original: true, update: false)
            case (nil, _?): add(.enumAdded, path + [name], original: false, update: true)
            case (nil, nil): break
            }
        }
    }

    private mutating func compareEnum(_ original: ProtobufEnum, _ update: ProtobufEnum, path: [String]) {
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

    static func sortedUnion(_ one: [Int], _ two: [Int]) -> [Int] { Array(Set(one).union(two)).sorted() }

    // MARK: Messages

    /// Compares two messages by number; true when no incompatible difference was found in them.
    /// Differences inside them are at the original's path.
    @discardableResult
    private mutating func compareMessages(_ originalNumber: Int, _ updateNumber: Int) -> Bool {
        switch comparedPairs[reader: updateNumber, writer: originalNumber] {
        case .inProgress, .compatible: return true
        case .incompatible: return false
        case .unvisited: break
        }
        comparedPairs[reader: updateNumber, writer: originalNumber] = .inProgress
        let start = differences.count
        let originalMessage = originalIndex.messages[originalNumber]
        let updateMessage = updateIndex.messages[updateNumber]
        compareFields(originalMessage, updateMessage)
        compareScopes(originalMessage.nestedMessages, updateMessage.nestedMessages, path: originalMessage.path)
        compareEnums(originalMessage.nestedEnums, updateMessage.nestedEnums, path: originalMessage.path)
        let compatible = differences[start...].allSatisfy(\.change.isCompatible)
        comparedPairs[reader: updateNumber, writer: originalNumber] = compatible ? .compatible : .incompatible
        return compatible
    }

    private mutating func compareFields(_ original: ProtobufMessageIndex.Message, _ update: ProtobufMessageIndex.Message) {
        // Fields moved into a oneof are compared through the oneof, not as top-level fields.
        var movedIntoOneof: Set<Int> = []
        if !update.oneofs.isEmpty || !original.oneofs.isEmpty {
            movedIntoOneof = compareOneofs(original, update)
        }
        let path = original.path
        var next = (original: original.topLevelFields.lowerBound, update: update.topLevelFields.lowerBound)
        while next.original < original.topLevelFields.upperBound || next.update < update.topLevelFields.upperBound {
            let oldNumber = next.original < original.topLevelFields.upperBound ? originalIndex.fields[next.original].number : Int.max
            if !movedIntoOneof.isEmpty, oldNumber != Int.max, movedIntoOneof.contains(oldNumber) {
                next.original += 1
                continue
            }
            let newNumber = next.update < update.topLevelFields.upperBound ? updateIndex.fields[next.update].number : Int.max
            if oldNumber == newNumber {
                compareField(next.original, next.update, at: FieldLocation(message: path, oneof: nil, number: oldNumber))
                next.original += 1
                next.update += 1
            } else if oldNumber < newNumber {
                let required = Self.isRequired(originalIndex.fields[next.original])
                add(required ? .requiredFieldRemoved : .fieldRemoved, path + [String(oldNumber)], original: true, update: false)
                next.original += 1
            } else {
                let required = Self.isRequired(updateIndex.fields[next.update])
                add(required ? .requiredFieldAdded : .fieldAdded, path + [String(newNumber)], original: false, update: true)
                next.update += 1
            }
        }
    }

    // MARK: Fields

    /// Where a field is: its message's path, its oneof if any, and its number; the path is built
    /// only when a difference is recorded there.
    struct FieldLocation {
        let message: [String]
        let oneof: String?
        let number: Int

        var path: [String] { oneof.map { message + [$0, String(number)] } ?? message + [String(number)] }
    }

    /// Compares field `originalField` of the original's index with `updateField` of the update's.
    mutating func compareField(_ originalField: Int, _ updateField: Int, at location: FieldLocation) {
        let original = originalIndex.fields[originalField]
        let update = updateIndex.fields[updateField]
        if originalIndex.fieldNames[originalField] != updateIndex.fieldNames[updateField] {
            add(.fieldNameChanged, location.path, original: true, update: true)
        }
        switch (original.mapKey, update.mapKey) {
        case (let originalKey?, let updateKey?):
            if Self.scalarKind(originalKey) != Self.scalarKind(updateKey) { add(.fieldScalarKindChanged, location.path, original: true, update: true) }
            compareTypes(original.type, update.type, at: location)
        case (nil, nil): compareTypes(original.type, update.type, at: location)
        default: add(.fieldKindChanged, location.path, original: true, update: true)
        }
        if Self.isRepeated(original) != Self.isRepeated(update) {
            switch (Self.scalarKind(original), Self.scalarKind(update)) {
            case (.stringOrBytes?, .stringOrBytes?): add(.fieldStringOrBytesLabelChanged, location.path, original: true, update: true)
            case (_?, _?): add(.fieldNumericLabelChanged, location.path, original: true, update: true)
            default: break
            }
        }
    }

    /// Compares a field's types, or a map's value types: their kind (scalar or enum, message)
    /// must match, then their scalar encoding or their messages.
    private mutating func compareTypes(_ original: ProtobufMessageIndex.ValueType, _ update: ProtobufMessageIndex.ValueType, at location: FieldLocation) {
        switch (original, update) {
        case (.message(let originalNumber), .message(let updateNumber)): compareMessageTypes(originalNumber, updateNumber, at: location)
        case (.message, _), (_, .message): add(.fieldKindChanged, location.path, original: true, update: true)
        default:
            if Self.scalarKind(original) != Self.scalarKind(update) { add(.fieldScalarKindChanged, location.path, original: true, update: true) }
        }
    }

    /// Message-typed fields: the types' names relative to their packages must match, and the
    /// messages themselves must be compatible.
    private mutating func compareMessageTypes(_ originalNumber: Int, _ updateNumber: Int, at location: FieldLocation) {
        switch comparedPairs[reader: updateNumber, writer: originalNumber] {
        case .incompatible: return add(.fieldNamedTypeChanged, location.path, original: true, update: true)
        case .inProgress, .compatible: return
        case .unvisited: break
        }
        guard originalIndex.messages[originalNumber].path == updateIndex.messages[updateNumber].path else {
            return add(.fieldNamedTypeChanged, location.path, original: true, update: true)
        }
        guard fieldDepth < Self.maximumFieldDepth else { return }
        fieldDepth += 1
        defer { fieldDepth -= 1 }
        if !compareMessages(originalNumber, updateNumber) { add(.fieldNamedTypeChanged, location.path, original: true, update: true) }
    }

    /// Confluent's groups of scalar types that share an encoding (language guide "Updating A Message Type").
    enum ScalarKind { case generalNumber, signedNumber, stringOrBytes, fixed32, fixed64, float, double }

    /// Whether a field is `repeated` or `required`; labels are matched rather than compared, so
    /// the check calls no equality of another module.
    private static func isRepeated(_ field: ProtobufMessageIndex.Field) -> Bool {
        if case .repeated = field.label { return true }
        return false
    }

    private static func isRequired(_ field: ProtobufMessageIndex.Field) -> Bool {
        if case .required = field.label { return true }
        return false
    }

    /// A field's encoding group; nil for a map or a message.
    private static func scalarKind(_ field: ProtobufMessageIndex.Field) -> ScalarKind? {
        field.mapKey == nil ? scalarKind(field.type) : nil
    }

    private static func scalarKind(_ type: ProtobufMessageIndex.ValueType) -> ScalarKind? {
        switch type {
        case .scalar(let scalar): scalarKind(scalar)
        case .enumeration: .generalNumber
        case .message: nil
        }
    }

    private static func scalarKind(_ scalar: ProtobufScalar) -> ScalarKind {
        switch scalar {
        case .int32, .int64, .uint32, .uint64, .bool: .generalNumber
        case .sint32, .sint64: .signedNumber
        case .string, .bytes: .stringOrBytes
        case .fixed32, .sfixed32: .fixed32
        case .fixed64, .sfixed64: .fixed64
        case .float: .float
        case .double: .double
        }
    }
}
