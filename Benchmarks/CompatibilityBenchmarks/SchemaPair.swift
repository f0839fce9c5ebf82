import JSON

/// The benchmark's schema pairs: a nested record of 200 leaf fields and its evolution to 205
/// (five fields added with defaults), in Avro, as a JSON Schema and as Protobuf of the same shape.
enum SchemaPair {
    static let groups = 10
    static let fieldsPerGroup = 19
    static let rootFields = 10

    /// Avro: a root record of 10 primitive fields and 10 sub-records of 19 fields each.
    static func avro(evolved: Bool) -> JSONValue {
        var rootFields = (0..<Self.rootFields).map { avroField("root_\($0)", index: $0) }
        for group in 0..<groups {
            var fields = (0..<fieldsPerGroup).map { avroField("g\(group)_f\($0)", index: $0 + group) }
            if evolved && group < 4 { fields.append(["name": .string("g\(group)_added"), "type": ["null", "string"], "default": .null]) }
            rootFields.append(["name": .string("group_\(group)"),
                               "type": ["type": "record", "name": .string("Group\(group)"), "fields": .array(fields)]])
        }
        if evolved { rootFields.append(["name": "root_added", "type": "long", "default": 0]) }
        return ["type": "record", "name": "Wide", "namespace": "com.retail.bench", "fields": .array(rootFields)]
    }

    private static func avroField(_ name: String, index: Int) -> JSONValue {
        let types: [JSONValue] = ["int", "long", "string", "double", "boolean", ["null", "string"], ["type": "array", "items": "string"]]
        var field: JSONObject = ["name": .string(name), "type": types[index % types.count]]
        if index % types.count == 5 { field["default"] = .null }
        return .object(field)
    }

    /// JSON Schema: the same tree as objects with typed properties, closed content models, and
    /// the five added properties optional.
    static func jsonSchema(evolved: Bool) -> JSONValue {
        var properties = JSONObject()
        for index in 0..<rootFields { properties["root_\(index)"] = jsonProperty(index) }
        for group in 0..<groups {
            var inner = JSONObject()
            for index in 0..<fieldsPerGroup { inner["g\(group)_f\(index)"] = jsonProperty(index + group) }
            if evolved && group < 4 { inner["g\(group)_added"] = ["type": ["null", "string"]] }
            properties["group_\(group)"] = ["type": "object", "properties": .object(inner), "additionalProperties": false,
                                            "required": .array((0..<fieldsPerGroup).map { .string("g\(group)_f\($0)") })]
        }
        if evolved { properties["root_added"] = ["type": "integer"] }
        return ["$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": .object(properties), "additionalProperties": false,
                "required": .array((0..<rootFields).map { .string("root_\($0)") })]
    }

    private static func jsonProperty(_ index: Int) -> JSONValue {
        let types: [JSONValue] = [["type": "integer"], ["type": "integer", "minimum": 0], ["type": "string", "maxLength": 64],
                                  ["type": "number"], ["type": "boolean"], ["type": ["null", "string"]],
                                  ["type": "array", "items": ["type": "string"]]]
        return types[index % types.count]
    }

    /// Protobuf: the same tree as a message of 10 scalar fields and 10 nested messages of 19 fields
    /// each, evolving by five added fields; the field types cycle through the scalar encodings.
    static func protobuf(evolved: Bool) -> String {
        let types = ["int32", "int64", "string", "double", "bool", "bytes", "repeated string"]
        var lines = ["syntax = \"proto3\";", "package com.retail.bench;", "message Wide {"]
        for index in 0..<rootFields { lines.append("  \(types[index % types.count]) root_\(index) = \(index + 1);") }
        for group in 0..<groups {
            lines.append("  Group\(group) group_\(group) = \(rootFields + group + 1);")
            lines.append("  message Group\(group) {")
            for index in 0..<fieldsPerGroup { lines.append("    \(types[(index + group) % types.count]) g\(group)_f\(index) = \(index + 1);") }
            if evolved && group < 4 { lines.append("    string g\(group)_added = \(fieldsPerGroup + 1);") }
            lines.append("  }")
        }
        if evolved { lines.append("  int64 root_added = 100;") }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
