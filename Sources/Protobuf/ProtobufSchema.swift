/// A `.proto` schema with the files it imports: what the registry stores and compares.
public struct ProtobufSchema: Sendable, Hashable {
    /// The schema's own file.
    public let file: ProtobufFile
    /// Every type the file can see, by full name (no leading dot), with the package of the file that
    /// defines it and whether that is this file.
    public let types: [String: ProtobufTypeInfo]
    /// The messages numbered, for compatibility checks.
    package let messageIndex: ProtobufMessageIndex

    /// Parses `text`: `.proto` source, or a base64 `FileDescriptorProto` as Confluent's serializers
    /// send it. `dependencies` maps import paths to the text of those files (schema
    /// references); `google/protobuf/*.proto` and Confluent's built-in files need no entry.
    public init(parsing text: String, dependencies: [String: String] = [:], limits: ProtobufLimits = ProtobufLimits()) throws(ProtobufSchemaError) {
        var loading: Set<String> = []
        var loaded: [String: ProtobufSchema] = [:]
        self = try Self.load(text, path: nil, dependencies: dependencies, limits: limits, loading: &loading, loaded: &loaded)
    }

    private init(file: ProtobufFile, types: [String: ProtobufTypeInfo]) {
        self.file = file
        self.types = types
        self.messageIndex = ProtobufMessageIndex(file: file, types: types)
    }

    private static func load(
        _ text: String, path: String?, dependencies: [String: String], limits: ProtobufLimits,
        loading: inout Set<String>, loaded: inout [String: ProtobufSchema]
    ) throws(ProtobufSchemaError) -> ProtobufSchema {
        let parsed: ProtobufFile
        if ProtobufDescriptorDecoder.looksLikeBase64(text) {
            parsed = try ProtobufDescriptorDecoder.decode(base64: text, limits: limits)
        } else {
            var parser = try ProtobufParser(text, limits: limits)
            parsed = try parser.parseFile()
        }
        var types: [String: ProtobufTypeInfo] = [:]
        for imported in parsed.imports {
            let schema: ProtobufSchema
            if let done = loaded[imported.path] {
                schema = done
            } else {
                guard let source = dependencies[imported.path] ?? ProtobufWellKnownTypes.sources[imported.path] else {
                    throw ProtobufSchemaError(.unknownImport, at: imported.position,
                                              "import \"\(imported.path)\" is neither a well-known type nor a given reference; add a reference named \"\(imported.path)\"")
                }
                guard loading.insert(imported.path).inserted else {
                    throw ProtobufSchemaError(.unknownImport, at: imported.position, "import \"\(imported.path)\" imports this file again (a cycle)")
                }
                do {
                    schema = try load(source, path: imported.path, dependencies: dependencies, limits: limits, loading: &loading, loaded: &loaded)
                } catch {
                    throw ProtobufSchemaError(error.code, at: imported.position, "in \"\(imported.path)\" at \(error.line):\(error.column): \(error.message)")
                }
                loading.remove(imported.path)
                loaded[imported.path] = schema
            }
            for (name, info) in schema.types {
                types[name] = ProtobufTypeInfo(type: info.type, package: info.package, importPath: info.importPath ?? imported.path)
            }
        }
        for (name, type) in parsed.definitions {
            types[name] = ProtobufTypeInfo(type: type, package: parsed.package, importPath: path)
        }
        let resolver = ProtobufTypeResolver(visible: types.mapValues(\.type), syntax: parsed.syntax)
        let file = try resolver.resolve(parsed)
        for (name, type) in file.definitions {
            types[name] = ProtobufTypeInfo(type: type, package: file.package, importPath: path)
        }
        return ProtobufSchema(file: file, types: types)
    }

    /// The schema as text in a stable layout: declaration order, two-space indentation, one
    /// statement per line, comments dropped. Equal texts mean equal schemas.
    public var formattedText: String { ProtobufTextWriter(file: file, normalized: false).text }

    /// The normalized text (`normalize=true`): also imports and options sorted, fields sorted by
    /// number, type names fully qualified.
    public var canonicalText: String { ProtobufTextWriter(file: file, normalized: true).text }

    /// Whether `text` is a base64 `FileDescriptorProto` rather than `.proto` source.
    public static func isDescriptor(_ text: String) -> Bool { ProtobufDescriptorDecoder.looksLikeBase64(text) }

    /// The schema as a base64 `FileDescriptorProto`, as Confluent serves `?format=serialized`.
    public var descriptorBase64: String { Base64.encode(ProtobufDescriptorEncoder(schema: self).encode()) }

    public static func == (lhs: ProtobufSchema, rhs: ProtobufSchema) -> Bool { lhs.file == rhs.file }

    public func hash(into hasher: inout Hasher) { hasher.combine(file) }
}

/// A type visible to a schema and where it comes from.
public struct ProtobufTypeInfo: Sendable, Hashable {
    public var type: ProtobufType
    /// The package of the file that defines it.
    public var package: String
    /// The import path of that file, nil when the schema defines it itself.
    public var importPath: String?

    /// Whether the type is an enum.
    public var isEnum: Bool {
        if case .enumeration = type { return true }
        return false
    }
}
