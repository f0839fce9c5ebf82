import JSON

extension JSONSchemaDiff {
    /// Confluent's `ObjectSchemaDiff`: `required`, properties under the content models, dependencies,
    /// additional properties and property counts.
    mutating func compareObjects(_ original: JSONSchemaObjectKeywords, _ update: JSONSchemaObjectKeywords) {
        compareRequired(original, update)
        compareProperties(original, update)
        compareDependencies(original, update)
        compareAdditionalProperties(original, update)
        compareBound("maxProperties", original.maxProperties, update.maxProperties,
                     (.maxPropertiesAdded, .maxPropertiesRemoved, .maxPropertiesIncreased, .maxPropertiesDecreased))
        compareBound("minProperties", original.minProperties, update.minProperties,
                     (.minPropertiesAdded, .minPropertiesRemoved, .minPropertiesIncreased, .minPropertiesDecreased))
    }

    private mutating func compareRequired(_ original: JSONSchemaObjectKeywords, _ update: JSONSchemaObjectKeywords) {
        inPath("required") { diff in
            for name in original.propertyNames {
                guard let updateSchema = update.properties[name] else { continue }
                let wasRequired = original.required.contains(name)
                let isRequired = update.required.contains(name)
                guard wasRequired != isRequired else { continue }
                let pointers = (original: diff.originalPointer.map { $0 / "required" }, update: diff.updatePointer.map { $0 / "required" })
                if wasRequired {
                    diff.add(.requiredAttributeRemoved, name, original: pointers.original, update: pointers.update)
                } else {
                    diff.add(updateSchema.defaultValue != nil ? .requiredAttributeWithDefaultAdded : .requiredAttributeAdded, name,
                             original: pointers.original, update: pointers.update)
                }
            }
        }
    }

    private mutating func compareProperties(_ original: JSONSchemaObjectKeywords, _ update: JSONSchemaObjectKeywords) {
        let names = original.propertyNames + update.propertyNames.filter { original.properties[$0] == nil }
        inPath("properties") { diff in
            for name in names {
                diff.inPath(name) { diff in
                    switch (original.properties[name], update.properties[name]) {
                    case (let originalSchema?, let updateSchema?):
                        diff.compare(originalSchema, updateSchema)
                    case (let originalSchema?, nil):
                        diff.propertyRemoved(originalSchema, name: name, from: update)
                    case (nil, let updateSchema?):
                        diff.propertyAdded(updateSchema, name: name, to: original, required: update.required.contains(name))
                    case (nil, nil):
                        break
                    }
                }
            }
        }
    }

    /// Only the update's content model matters: it must still accept the removed property's values.
    private mutating func propertyRemoved(_ originalSchema: JSONSchemaNode, name: String, from update: JSONSchemaObjectKeywords) {
        if update.isOpenContentModel {
            add(.propertyRemovedFromOpenContentModel, original: originalSchema.pointer, update: nil)
        } else if let partial = update.partialSchema(for: name) {
            var trial = subcontext
            trial.compare(originalSchema, partial)
            adopt(trial)
            add(trial.isCompatible ? .propertyRemovedIsCoveredByPartiallyOpenContentModel : .propertyRemovedNotCoveredByPartiallyOpenContentModel,
                original: originalSchema.pointer, update: partial.pointer)
        } else if case .never = originalSchema.kind {
            add(.propertyWithFalseRemovedFromClosedContentModel, original: originalSchema.pointer, update: nil)
        } else {
            add(.propertyRemovedFromClosedContentModel, original: originalSchema.pointer, update: nil)
        }
    }

    /// Only the original's content model matters: the added property's values must have been accepted before.
    private mutating func propertyAdded(_ updateSchema: JSONSchemaNode, name: String, to original: JSONSchemaObjectKeywords, required: Bool) {
        if original.isOpenContentModel {
            if case .empty = updateSchema.kind {
                add(.propertyWithEmptySchemaAddedToOpenContentModel, original: nil, update: updateSchema.pointer)
            } else {
                add(required ? .requiredPropertyAddedToOpenContentModel : .optionalPropertyAddedToOpenContentModel,
                    original: nil, update: updateSchema.pointer)
            }
            return
        }
        if let partial = original.partialSchema(for: name) {
            var trial = subcontext
            trial.compare(partial, updateSchema)
            adopt(trial)
            add(trial.isCompatible ? .propertyAddedIsCoveredByPartiallyOpenContentModel : .propertyAddedNotCoveredByPartiallyOpenContentModel,
                original: partial.pointer, update: updateSchema.pointer)
        }
        if !required {
            add(.optionalPropertyAddedToUnopenContentModel, original: nil, update: updateSchema.pointer)
        } else if updateSchema.defaultValue != nil {
            add(.requiredPropertyWithDefaultAddedToUnopenContentModel, original: nil, update: updateSchema.pointer)
        } else {
            add(.requiredPropertyAddedToUnopenContentModel, original: nil, update: updateSchema.pointer)
        }
    }

    private mutating func compareDependencies(_ original: JSONSchemaObjectKeywords, _ update: JSONSchemaObjectKeywords) {
        inPath("dependencies") { diff in
            for name in Set(original.propertyDependencies.keys).union(update.propertyDependencies.keys).sorted() {
                switch (original.propertyDependencies[name], update.propertyDependencies[name]) {
                case (_?, nil): diff.add(.dependencyArrayRemoved, name)
                case (nil, _?): diff.add(.dependencyArrayAdded, name)
                case (let before?, let after?) where before != after:
                    if after.isSuperset(of: before) {
                        diff.add(.dependencyArrayExtended, name)
                    } else if before.isSuperset(of: after) {
                        diff.add(.dependencyArrayNarrowed, name)
                    } else {
                        diff.add(.dependencyArrayChanged, name)
                    }
                default: break
                }
            }
            for name in Set(original.schemaDependencies.keys).union(update.schemaDependencies.keys).sorted() {
                switch (original.schemaDependencies[name], update.schemaDependencies[name]) {
                case (_?, nil): diff.add(.dependencySchemaRemoved, name)
                case (nil, _?): diff.add(.dependencySchemaAdded, name)
                case (let before?, let after?): diff.inPath(name) { $0.compare(before, after) }
                case (nil, nil): break
                }
            }
        }
    }

    private mutating func compareAdditionalProperties(_ original: JSONSchemaObjectKeywords, _ update: JSONSchemaObjectKeywords) {
        let keyword = "additionalProperties"
        if original.permitsAdditionalProperties != update.permitsAdditionalProperties {
            add(update.permitsAdditionalProperties ? .additionalPropertiesAdded : .additionalPropertiesRemoved, keyword)
        } else if original.additionalProperties == nil, update.additionalProperties != nil {
            add(.additionalPropertiesNarrowed, keyword)
        } else if original.additionalProperties != nil, update.additionalProperties == nil {
            add(.additionalPropertiesExtended, keyword)
        } else {
            inPath(keyword) { $0.compare(original.additionalProperties, update.additionalProperties) }
        }
    }
}
