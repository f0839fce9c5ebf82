import JSON

extension JSONSchemaDiff {
    /// Confluent's `ArraySchemaDiff`: the all-items schema, tuple items under the content models,
    /// additional items and the item counts.
    mutating func compareArrays(_ original: JSONSchemaArrayKeywords, _ update: JSONSchemaArrayKeywords) {
        inPath("items") { $0.compare(original.allItems, update.allItems) }
        compareTupleItems(original, update)
        let keyword = "additionalItems"
        if original.permitsAdditionalItems != update.permitsAdditionalItems {
            add(original.permitsAdditionalItems ? .additionalItemsRemoved : .additionalItemsAdded, keyword)
        } else if original.additionalItems == nil, update.additionalItems != nil {
            add(.additionalItemsNarrowed, keyword)
        } else if original.additionalItems != nil, update.additionalItems == nil {
            add(.additionalItemsExtended, keyword)
        } else {
            inPath(keyword) { $0.compare(original.additionalItems, update.additionalItems) }
        }
        compareBound("maxItems", original.maxItems, update.maxItems, (.maxItemsAdded, .maxItemsRemoved, .maxItemsIncreased, .maxItemsDecreased))
        compareBound("minItems", original.minItems, update.minItems, (.minItemsAdded, .minItemsRemoved, .minItemsIncreased, .minItemsDecreased))
        if original.uniqueItems != update.uniqueItems {
            add(original.uniqueItems ? .uniqueItemsRemoved : .uniqueItemsAdded, "uniqueItems")
        }
    }

    private mutating func compareTupleItems(_ original: JSONSchemaArrayKeywords, _ update: JSONSchemaArrayKeywords) {
        let shared = min(original.itemSchemas.count, update.itemSchemas.count)
        for index in 0..<shared {
            inPath("items/\(index)") { $0.compare(original.itemSchemas[index], update.itemSchemas[index]) }
        }
        for index in shared..<max(shared, original.itemSchemas.count) {
            let originalSchema = original.itemSchemas[index]
            inPath("items/\(index)") { diff in
                if update.isOpenContentModel {
                    diff.add(.itemRemovedFromOpenContentModel, original: originalSchema.pointer, update: nil)
                } else if let partial = update.additionalItems {
                    var trial = diff.subcontext
                    trial.compare(originalSchema, partial)
                    diff.adopt(trial)
                    diff.add(trial.isCompatible ? .itemRemovedIsCoveredByPartiallyOpenContentModel : .itemRemovedNotCoveredByPartiallyOpenContentModel,
                             original: originalSchema.pointer, update: partial.pointer)
                } else if case .never = originalSchema.kind {
                    diff.add(.itemWithFalseRemovedFromClosedContentModel, original: originalSchema.pointer, update: nil)
                } else {
                    diff.add(.itemRemovedFromClosedContentModel, original: originalSchema.pointer, update: nil)
                }
            }
        }
        for index in shared..<max(shared, update.itemSchemas.count) {
            let updateSchema = update.itemSchemas[index]
            inPath("items/\(index)") { diff in
                if original.isOpenContentModel {
                    if case .empty = updateSchema.kind {
                        diff.add(.itemWithEmptySchemaAddedToOpenContentModel, original: nil, update: updateSchema.pointer)
                    } else {
                        diff.add(.itemAddedToOpenContentModel, original: nil, update: updateSchema.pointer)
                    }
                } else if let partial = original.additionalItems {
                    var trial = diff.subcontext
                    trial.compare(partial, updateSchema)
                    diff.adopt(trial)
                    diff.add(trial.isCompatible ? .itemAddedIsCoveredByPartiallyOpenContentModel : .itemAddedNotCoveredByPartiallyOpenContentModel,
                             original: partial.pointer, update: updateSchema.pointer)
                } else {
                    diff.add(.itemAddedToClosedContentModel, original: nil, update: updateSchema.pointer)
                }
            }
        }
    }
}
