import Protobuf

extension ProtobufDiff {
    /// The `oneof` rules; returns the numbers of original top-level fields the update moved into a oneof.
    mutating func compareOneofs(_ original: ProtobufMessageIndex.Message, _ update: ProtobufMessageIndex.Message) -> Set<Int> {
        let path = original.path
        let originalOneofs = originalIndex.oneofs[original.oneofs]
        let updateOneofs = updateIndex.oneofs[update.oneofs]
        let originalTopLevel = Set(originalIndex.fields[original.topLevelFields].map(\.number))
        let updateNumbers = Set(updateIndex.fields[update.allFields].map(\.number))
        let originalOneofOf = Self.oneofNames(originalOneofs, fields: originalIndex.fields)
        let updateOneofOf = Self.oneofNames(updateOneofs, fields: updateIndex.fields)
        var movedIntoOneof: Set<Int> = []

        // At most one existing field per oneof, and only into a new oneof.
        for oneof in updateOneofs {
            var moved = 0
            var existing = 0
            for field in updateIndex.fields[oneof.fields] {
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
        for name in Self.names(originalOneofs.map(\.name), updateOneofs.map(\.name)) {
            switch (originalOneofs.first { $0.name == name }, updateOneofs.first { $0.name == name }) {
            case (let before?, let after?):
                let beforeNumbers = originalIndex.fields[before.fields].map(\.number)
                let afterNumbers = updateIndex.fields[after.fields].map(\.number)
                for number in Self.sortedUnion(beforeNumbers, afterNumbers) {
                    let location = FieldLocation(message: path, oneof: name, number: number)
                    switch (beforeNumbers.firstIndex(of: number), afterNumbers.firstIndex(of: number)) {
                    case (let old?, let new?): compareField(before.fields.lowerBound + old, after.fields.lowerBound + new, at: location)
                    case (_?, nil) where !updateNumbers.contains(number): add(.oneofFieldRemoved, location.path, original: true, update: false)
                    case (nil, _?): add(.oneofFieldAdded, location.path, original: false, update: true)
                    default: break
                    }
                }
            case (_?, nil): add(.oneofRemoved, path + [name], original: true, update: false)
            case (nil, _?): add(.oneofAdded, path + [name], original: false, update: true)
            case (nil, nil): break
            }
        }
        // Fields whose oneof membership changed are compared by number too.
        for old in original.allFields.sorted(by: { originalIndex.fields[$0].number < originalIndex.fields[$1].number }) {
            let number = originalIndex.fields[old].number
            let before = originalOneofOf[number]
            let after = updateOneofOf[number]
            guard before != nil || after != nil, before != after,
                  let new = update.allFields.first(where: { updateIndex.fields[$0].number == number }) else { continue }
            compareField(old, new, at: FieldLocation(message: path, oneof: nil, number: number))
        }
        return movedIntoOneof
    }

    /// The name of the oneof of each field number inside one; the first oneof wins.
    private static func oneofNames(_ oneofs: ArraySlice<ProtobufMessageIndex.Oneof>, fields: ContiguousArray<ProtobufMessageIndex.Field>) -> [Int: String] {
        Dictionary(oneofs.flatMap { oneof in fields[oneof.fields].map { ($0.number, oneof.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
