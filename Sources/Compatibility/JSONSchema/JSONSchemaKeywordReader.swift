import JSON

/// Reads the type-specific keywords of one schema object into keyword structs.
struct JSONSchemaKeywordReader {
    let draft: JSONSchemaDraft
    let object: JSONObject
    let pointer: JSONPointer
    let depth: Int

    func typed(_ name: String, at typePointer: JSONPointer, loader: inout JSONSchemaLoader) throws(JSONSchemaError) -> JSONSchemaKind {
        switch name {
        case "string": return .string(string())
        case "number": return .number(number(integer: false))
        case "integer": return .number(number(integer: true))
        case "boolean": return .boolean
        case "null": return .null
        case "object": return try object(loader: &loader)
        case "array": return try array(loader: &loader)
        default:
            throw JSONSchemaError(
                code: .invalidSchema, pointer: typePointer,
                message: "'\(name)' is not a JSON Schema type; use string, number, integer, boolean, null, object or array")
        }
    }

    func string() -> JSONSchemaStringKeywords {
        JSONSchemaStringKeywords(
            minLength: object["minLength"]?.integerValue, maxLength: object["maxLength"]?.integerValue,
            pattern: object["pattern"]?.stringValue)
    }

    /// Draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` are not limits and are ignored.
    func number(integer: Bool) -> JSONSchemaNumberKeywords {
        JSONSchemaNumberKeywords(
            minimum: object["minimum"]?.numberValue, maximum: object["maximum"]?.numberValue,
            exclusiveMinimum: object["exclusiveMinimum"]?.numberValue, exclusiveMaximum: object["exclusiveMaximum"]?.numberValue,
            multipleOf: object["multipleOf"]?.numberValue, requiresInteger: integer)
    }

    func object(loader: inout JSONSchemaLoader) throws(JSONSchemaError) -> JSONSchemaKind {
        var keywords = JSONSchemaObjectKeywords()
        if let properties = object["properties"]?.objectValue {
            for (name, value) in properties {
                keywords.propertyNames.append(name)
                keywords.properties[name] = try loader.load(value, at: pointer / "properties" / name, depth: depth + 1)
            }
        }
        keywords.required = Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        if let patterns = object["patternProperties"]?.objectValue {
            for (pattern, value) in patterns {
                keywords.patternProperties.append((pattern, try loader.load(value, at: pointer / "patternProperties" / pattern, depth: depth + 1)))
            }
        }
        let additionalKeyword = object["additionalProperties"] != nil ? "additionalProperties" : "unevaluatedProperties"
        switch object[additionalKeyword] {
        case .bool(let permits)?: keywords.permitsAdditionalProperties = permits
        case let schema?: keywords.additionalProperties = try loader.load(schema, at: pointer / additionalKeyword, depth: depth + 1)
        case nil: break
        }
        keywords.minProperties = object["minProperties"]?.integerValue
        keywords.maxProperties = object["maxProperties"]?.integerValue
        for keyword in ["dependencies", "dependentRequired", "dependentSchemas"] {
            for (name, value) in object[keyword]?.objectValue ?? JSONObject() {
                if let names = value.arrayValue {
                    keywords.propertyDependencies[name] = Set(names.compactMap(\.stringValue))
                } else {
                    keywords.schemaDependencies[name] = try loader.load(value, at: pointer / keyword / name, depth: depth + 1)
                }
            }
        }
        return .object(keywords)
    }

    /// Draft-07 and 2019-09 spell tuples `items: [...]` + `additionalItems`; 2020-12 spells them
    /// `prefixItems` + `items`. `unevaluatedItems` stands in for the additional items when absent.
    func array(loader: inout JSONSchemaLoader) throws(JSONSchemaError) -> JSONSchemaKind {
        var keywords = JSONSchemaArrayKeywords()
        let tupleKeyword = draft == .draft2020 ? "prefixItems" : "items"
        if let tuple = object[tupleKeyword]?.arrayValue {
            for (index, element) in tuple.enumerated() {
                keywords.itemSchemas.append(try loader.load(element, at: pointer / tupleKeyword / index, depth: depth + 1))
            }
        }
        var additionalKeyword = draft == .draft2020 && object["prefixItems"] != nil ? "items" : "additionalItems"
        if object[additionalKeyword] == nil { additionalKeyword = "unevaluatedItems" }
        if additionalKeyword != "items", let items = object["items"], items.arrayValue == nil {
            keywords.allItems = try loader.load(items, at: pointer / "items", depth: depth + 1)
        }
        switch object[additionalKeyword] {
        case .bool(let permits)?: keywords.permitsAdditionalItems = permits
        case let schema?: keywords.additionalItems = try loader.load(schema, at: pointer / additionalKeyword, depth: depth + 1)
        case nil: break
        }
        keywords.minItems = object["minItems"]?.integerValue
        keywords.maxItems = object["maxItems"]?.integerValue
        keywords.uniqueItems = object["uniqueItems"]?.boolValue ?? false
        return .array(keywords)
    }
}
