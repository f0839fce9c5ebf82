import JSON

/// Reads parts of an OpenLineage event, collecting problems instead of stopping at the first.
struct OpenLineageReader {
    private(set) var issues: [OpenLineageValidationError.Issue] = []

    mutating func report(_ code: String, at pointer: JSONPointer, _ message: String) {
        issues.append(OpenLineageValidationError.Issue(pointer: pointer, code: code, message: message))
    }

    /// The object at `pointer`, reporting a missing (when `required`) or non-object value.
    mutating func object(_ value: JSONValue?, at pointer: JSONPointer, required: Bool) -> JSONObject? {
        switch value {
        case .object(let object)?: return object
        case nil:
            if required { report("missing-field", at: pointer, "'\(pointer.tokens.last ?? "")' is required; add an object") }
            return nil
        case let other?:
            report("wrong-type", at: pointer, "must be an object, found \(other.typeName)")
            return nil
        }
    }

    /// The array at `pointer`, reporting a non-array value; nil when absent.
    mutating func array(_ value: JSONValue?, at pointer: JSONPointer) -> [JSONValue]? {
        switch value {
        case .array(let elements)?: return elements
        case nil: return nil
        case let other?:
            report("wrong-type", at: pointer, "must be an array, found \(other.typeName)")
            return nil
        }
    }

    /// The string member `key`, reporting a missing (when `required`), non-string or empty value.
    mutating func string(_ key: String, in object: JSONObject, at pointer: JSONPointer, required: Bool = true) -> String? {
        switch object[key] {
        case .string(let text)? where !text.isEmpty: return text
        case .string?:
            report("invalid-value", at: pointer / key, "'\(key)' must not be empty")
            return nil
        case nil:
            if required { report("missing-field", at: pointer / key, "'\(key)' is required; add a string") }
            return nil
        case let other?:
            report("wrong-type", at: pointer / key, "'\(key)' must be a string, found \(other.typeName)")
            return nil
        }
    }

    /// The facets object `key` of `object`; each facet must be an object with `_producer` and
    /// `_schemaURL` strings (OpenLineage 2-0-2 `BaseFacet`).
    mutating func facets(_ key: String, in object: JSONObject, at pointer: JSONPointer) -> JSONObject {
        guard let facets = self.object(object[key], at: pointer / key, required: false) else { return JSONObject() }
        for (name, value) in facets {
            let facetPointer = pointer / key / name
            guard let facet = self.object(value, at: facetPointer, required: true) else { continue }
            _ = string("_producer", in: facet, at: facetPointer)
            _ = string("_schemaURL", in: facet, at: facetPointer)
        }
        return facets
    }
}
