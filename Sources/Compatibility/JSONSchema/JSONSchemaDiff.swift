import JSON

/// Compares an original schema with an update as Confluent's `SchemaDiff` does: the update is
/// compatible (BACKWARD) when it accepts every value the original accepted, as Confluent decides it.
///
/// A value type: a subcontext is a copy with no differences, so trial comparisons cost nothing to undo.
struct JSONSchemaDiff {
    let originalDocument: JSONSchemaDocument
    let updateDocument: JSONSchemaDocument
    private(set) var differences: [JSONSchemaDifference] = []
    /// Confluent's path of the current position.
    private var path: [String] = []
    /// Pointers of the current original and update schemas.
    private(set) var originalPointer: JSONPointer?
    private(set) var updatePointer: JSONPointer?
    /// Pairs being compared further up, so recursive `$ref`s terminate.
    private var entered: Set<[JSONPointer]> = []

    init(original: JSONSchemaDocument, update: JSONSchemaDocument) {
        self.originalDocument = original
        self.updateDocument = update
    }

    var isCompatible: Bool { differences.allSatisfy { JSONSchemaChange.compatible.contains($0.change) } }

    /// A copy at the same position with no differences, for trial comparisons.
    var subcontext: JSONSchemaDiff {
        var copy = self
        copy.differences = []
        return copy
    }

    mutating func adopt(_ other: JSONSchemaDiff) { differences += other.differences }

    /// Records `change` at the current position, under `attribute` when given.
    mutating func add(_ change: JSONSchemaChange, _ attribute: String? = nil) {
        add(change, attribute, original: originalPointer.map { pointer in attribute.map { pointer / $0 } ?? pointer },
            update: updatePointer.map { pointer in attribute.map { pointer / $0 } ?? pointer })
    }

    /// Records `change` with explicit pointers (nil where the schema part does not exist).
    mutating func add(_ change: JSONSchemaChange, _ attribute: String? = nil, original: JSONPointer?, update: JSONPointer?) {
        let tokens = attribute.map { path + [$0] } ?? path
        differences.append(JSONSchemaDifference(change: change, path: "#/" + tokens.joined(separator: "/"), originalPointer: original, updatePointer: update))
    }

    /// Runs `body` with `token` appended to the path.
    mutating func inPath(_ token: String, _ body: (inout JSONSchemaDiff) -> Void) {
        path.append(token)
        body(&self)
        path.removeLast()
    }

    mutating func compare(_ originalNode: JSONSchemaNode?, _ updateNode: JSONSchemaNode?) {
        guard let originalNode, let updateNode else {
            if let originalNode { add(.schemaRemoved, original: originalNode.pointer, update: nil) }
            if let updateNode { add(.schemaAdded, original: nil, update: updateNode.pointer) }
            return
        }
        if originalNode.json == updateNode.json && Self.meansTheSameInBothDocuments(originalNode.json) { return }
        let original = originalDocument.resolved(originalNode)
        let update = updateDocument.resolved(updateNode)
        let savedPointers = (originalPointer, updatePointer)
        defer { (originalPointer, updatePointer) = savedPointers }
        (originalPointer, updatePointer) = (original.pointer, update.pointer)
        if compareAcrossCombination(original, update) { return }
        guard original.className == update.className else {
            if case .never = original.kind { return }
            if case .empty = update.kind { return }
            add(.typeChanged)
            return
        }
        let pair = [original.pointer, update.pointer]
        guard entered.insert(pair).inserted else { return }
        defer { entered.remove(pair) }
        if original.id != update.id { add(.idChanged) }
        if original.title != update.title { add(.titleChanged) }
        if original.description != update.description { add(.descriptionChanged) }
        if original.defaultValue != update.defaultValue { add(.defaultChanged) }
        switch (original.kind, update.kind) {
        case (.string(let originalKeywords), .string(let updateKeywords)):
            compareStrings(originalKeywords, updateKeywords)
        case (.number(let originalKeywords), .number(let updateKeywords)):
            compareNumbers(originalKeywords, updateKeywords)
        case (.enumeration(let originalValues), .enumeration(let updateValues)):
            compareEnumerations(originalValues, updateValues)
        case (.combined(let originalCriterion, let originalSubschemas), .combined(let updateCriterion, let updateSubschemas)):
            compareCombined(originalCriterion, originalSubschemas, updateCriterion, updateSubschemas)
        case (.not(let originalNegated), .not(let updateNegated)):
            var reversed = JSONSchemaDiff(original: updateDocument, update: originalDocument)
            reversed.compare(updateNegated, originalNegated)
            add(reversed.isCompatible ? .notTypeNarrowed : .notTypeExtended, "not")
        case (.object(let originalKeywords), .object(let updateKeywords)):
            compareObjects(originalKeywords, updateKeywords)
        case (.array(let originalKeywords), .array(let updateKeywords)):
            compareArrays(originalKeywords, updateKeywords)
        default:
            break
        }
    }

    /// Confluent's special cases where exactly one side is combined: a singleton combination, a
    /// union gaining the original as a branch, or an `allOf` losing all but one part. True when settled.
    private mutating func compareAcrossCombination(_ original: JSONSchemaNode, _ update: JSONSchemaNode) -> Bool {
        switch (original.kind, update.kind) {
        case (.combined, .combined):
            return false
        case (_, .combined(let criterion, let subschemas)):
            if subschemas.count == 1 {
                return adoptIfCompatible(original, subschemas[0], marking: nil)
            }
            guard criterion != .allOf else { return false }
            return subschemas.contains { adoptIfCompatible(original, $0, marking: .sumTypeExtended) }
        case (.combined(let criterion, let subschemas), _):
            if subschemas.count == 1 {
                return adoptIfCompatible(subschemas[0], update, marking: nil)
            }
            guard criterion == .allOf else { return false }
            return subschemas.contains { adoptIfCompatible($0, update, marking: .productTypeNarrowed) }
        default:
            return false
        }
    }

    private mutating func adoptIfCompatible(_ original: JSONSchemaNode, _ update: JSONSchemaNode, marking change: JSONSchemaChange?) -> Bool {
        var trial = subcontext
        trial.compare(original, update)
        guard trial.isCompatible else { return false }
        adopt(trial)
        if let change { add(change) }
        return true
    }

    private mutating func compareEnumerations(_ originalValues: [JSONValue], _ updateValues: [JSONValue]) {
        let originalSet = Set(originalValues)
        let updateSet = Set(updateValues)
        guard originalSet != updateSet else { return }
        if updateSet.isSuperset(of: originalSet) {
            add(.enumArrayExtended, "enum")
        } else if originalSet.isSuperset(of: updateSet) {
            add(.enumArrayNarrowed, "enum")
        } else {
            add(.enumArrayChanged, "enum")
        }
    }

    /// Confluent's `CombinedSchemaDiff`: criteria, sizes after collapsing duplicates, and a maximum
    /// matching of compatible original/update subschema pairs that must cover the smaller side.
    private mutating func compareCombined(
        _ originalCriterion: JSONSchemaCriterion, _ originalSubschemas: [JSONSchemaNode],
        _ updateCriterion: JSONSchemaCriterion, _ updateSubschemas: [JSONSchemaNode]
    ) {
        if originalCriterion != updateCriterion {
            let extended = updateCriterion == .anyOf
                || (originalSubschemas.count == 1 && updateSubschemas.count == 1)
                || (originalSubschemas.count == 1 && updateCriterion == .oneOf)
                || (updateSubschemas.count == 1 && originalCriterion == .allOf)
            add(extended ? .combinedTypeExtended : .combinedTypeChanged)
            guard extended else { return }
        }
        let originals = Self.distinct(originalSubschemas)
        let updates = Self.distinct(updateSubschemas)
        if originals.count < updates.count {
            add(updateCriterion == .allOf ? .productTypeExtended : .sumTypeExtended)
        } else if originals.count > updates.count {
            add(originalCriterion == .allOf ? .productTypeNarrowed : .sumTypeNarrowed)
        }
        var edges: [[Int]] = []
        var edgeDifferences: [[Int: [JSONSchemaDifference]]] = []
        for (index, originalSubschema) in originals.enumerated() {
            var neighbours: [Int] = []
            var found: [Int: [JSONSchemaDifference]] = [:]
            inPath("\(originalCriterion.rawValue)/\(index)") { diff in
                for (updateIndex, updateSubschema) in updates.enumerated() {
                    var trial = diff.subcontext
                    trial.compare(originalSubschema, updateSubschema)
                    if trial.isCompatible {
                        neighbours.append(updateIndex)
                        found[updateIndex] = trial.differences
                    }
                }
            }
            edges.append(neighbours)
            edgeDifferences.append(found)
        }
        let matching = BipartiteMatching.match(edges: edges, rightCount: updates.count)
        var matched = 0
        for (index, partner) in matching.enumerated() {
            guard let partner else { continue }
            matched += 1
            differences += edgeDifferences[index][partner] ?? []
        }
        if matched < min(originals.count, updates.count) { add(.combinedTypeSubschemasChanged) }
    }

    /// Whether a schema equal in both documents is sure to compare without differences: it refers to
    /// nothing outside itself (no `$ref`s, which may point to different definitions), and has no
    /// `not`, which Confluent reports as narrowed even when unchanged. Unchanged parts of a large
    /// schema then cost one equality test instead of a walk.
    private static func meansTheSameInBothDocuments(_ schema: JSONValue) -> Bool {
        switch schema {
        case .object(let object):
            let refersOrNegates = object.keys.contains { key in
                switch key.utf8.first {
                case UInt8(ascii: "$"): key == "$ref" || key == "$dynamicRef" || key == "$recursiveRef"
                case UInt8(ascii: "n"): key == "not"
                default: false
                }
            }
            return !refersOrNegates && object.allSatisfy { meansTheSameInBothDocuments($0.value) }
        case .array(let elements): return elements.allSatisfy(meansTheSameInBothDocuments)
        default: return true
        }
    }

    /// The subschemas with duplicates (equal JSON) removed, first occurrence kept.
    private static func distinct(_ subschemas: [JSONSchemaNode]) -> [JSONSchemaNode] {
        var seen: Set<JSONValue> = []
        return subschemas.filter { seen.insert($0.json).inserted }
    }
}
