/// A recursive-descent parser for `.proto` files (Protocol Buffers language specification,
/// proto2 and proto3). It builds the file with type names as written; `ProtobufTypeResolver`
/// resolves and checks them.
struct ProtobufParser {
    let tokens: [ProtobufToken]
    var index = 0
    let limits: ProtobufLimits
    var depth = 0
    var definitions = 0
    private(set) var syntax = ProtobufSyntax.proto2

    init(_ text: String, limits: ProtobufLimits) throws(ProtobufSchemaError) {
        guard text.utf8.count <= limits.maxBytes else {
            throw ProtobufSchemaError(.limitExceeded, at: ProtobufPosition(line: 1, column: 1), "the schema is \(text.utf8.count) bytes; at most \(limits.maxBytes) are accepted")
        }
        var lexer = ProtobufLexer(text)
        tokens = try lexer.tokens()
        self.limits = limits
    }

    /// The whole file.
    mutating func parseFile() throws(ProtobufSchemaError) -> ProtobufFile {
        var file = ProtobufFile(syntax: .proto2, package: "", imports: [], options: [], types: [], services: [])
        if isKeyword("syntax") {
            advance()
            try expect("=")
            let value = try expectString()
            guard let declared = ProtobufSyntax(rawValue: value.text) else {
                throw ProtobufSchemaError(.syntax, at: value.position, "syntax must be \"proto2\" or \"proto3\", not \"\(value.text)\"")
            }
            syntax = declared
            try expect(";")
        } else if isKeyword("edition") {
            throw ProtobufSchemaError(.syntax, at: current.position, "editions are not supported; declare syntax = \"proto3\" or \"proto2\"")
        }
        file.syntax = syntax
        var sawPackage = false
        while current.kind != .end {
            let token = current
            switch (token.kind, token.text) {
            case (.symbol, ";"): advance()
            case (.identifier, "import"):
                advance()
                var kind = ProtobufImport.Kind.plain
                if isKeyword("public") || isKeyword("weak") {
                    kind = ProtobufImport.Kind(rawValue: current.text) ?? .plain
                    advance()
                }
                let path = try expectString()
                file.imports.append(ProtobufImport(path: path.text, kind: kind, position: path.position))
                try expect(";")
            case (.identifier, "package"):
                guard !sawPackage else { throw ProtobufSchemaError(.syntax, at: token.position, "a file declares at most one package") }
                sawPackage = true
                advance()
                file.package = try fullIdentifier()
                try expect(";")
            case (.identifier, "option"): file.options.append(try option())
            case (.identifier, "message"): file.types.append(.message(try message()))
            case (.identifier, "enum"): file.types.append(.enumeration(try enumeration()))
            case (.identifier, "service"): file.services.append(try service())
            case (.identifier, "extend"): try skipExtend()
            default:
                throw ProtobufSchemaError(.syntax, at: token.position, "expected import, package, option, message, enum, service or extend, found \(describe(token))")
            }
        }
        return file
    }

    // MARK: Definitions

    private mutating func message() throws(ProtobufSchemaError) -> ProtobufMessage {
        advance()
        let name = try expectIdentifier()
        try countDefinition(at: name.position)
        try enter(name.position)
        defer { depth -= 1 }
        try expect("{")
        var message = ProtobufMessage(name: name.text, fields: [], oneofs: [], nestedTypes: [], reservedNumbers: [], reservedNames: [], extensionRanges: [], options: [], position: name.position)
        try messageBody(into: &message)
        return message
    }

    /// The statements between a message's braces, up to and including the closing brace.
    private mutating func messageBody(into message: inout ProtobufMessage) throws(ProtobufSchemaError) {
        while !isSymbol("}") {
            let token = current
            switch (token.kind, token.text) {
            case (.end, _): throw ProtobufSchemaError(.syntax, at: token.position, "message \(message.name) is not closed; add }")
            case (.symbol, ";"): advance()
            case (.identifier, "message") where peek(1).kind == .identifier: message.nestedTypes.append(.message(try self.message()))
            case (.identifier, "enum") where peek(1).kind == .identifier: message.nestedTypes.append(.enumeration(try enumeration()))
            case (.identifier, "option") where peek(1).kind == .identifier || peek(1).text == "(": message.options.append(try option())
            case (.identifier, "oneof") where peek(1).kind == .identifier: message.oneofs.append(try oneof(&message))
            case (.identifier, "reserved") where peek(1).kind != .symbol || peek(1).text == "-":
                advance()
                try reserved(numbers: &message.reservedNumbers, names: &message.reservedNames, maximum: ProtobufField.maximumNumber)
            case (.identifier, "extensions") where peek(1).kind == .integer:
                advance()
                var ignoredNames: [String] = []
                try reserved(numbers: &message.extensionRanges, names: &ignoredNames, maximum: ProtobufField.maximumNumber)
            case (.identifier, "extend") where peek(1).kind == .identifier || peek(1).text == ".": try skipExtend()
            default: message.fields.append(try field(in: &message, oneof: false))
            }
        }
        advance()
    }

    /// A field, map field or proto2 group; a group also adds its nested message.
    private mutating func field(in message: inout ProtobufMessage, oneof: Bool) throws(ProtobufSchemaError) -> ProtobufField {
        let start = current
        var label = ProtobufLabel.none
        if !oneof, current.kind == .identifier, let written = ProtobufLabel(rawValue: current.text), written != .none,
           peek(1).kind == .identifier || peek(1).text == "." {
            label = written
            advance()
        }
        if label == .required, syntax == .proto3 {
            throw ProtobufSchemaError(.syntax, at: start.position, "required fields are not allowed in proto3; drop the label")
        }
        if label == .none, !oneof, syntax == .proto2, !isKeyword("map") {
            throw ProtobufSchemaError(.syntax, at: start.position, "a proto2 field needs a label: optional, required or repeated")
        }
        if label != .none, oneof {
            throw ProtobufSchemaError(.syntax, at: start.position, "fields in a oneof take no label")
        }
        try countDefinition(at: start.position)
        let type: ProtobufFieldType
        if isKeyword("map"), peek(1).text == "<" {
            guard label == .none else { throw ProtobufSchemaError(.syntax, at: start.position, "map fields take no label; they are repeated already") }
            advance()
            advance()
            let keyToken = current
            guard let key = ProtobufScalar(rawValue: try fullIdentifier()), key.isMapKey else {
                throw ProtobufSchemaError(.syntax, at: keyToken.position, "a map key must be an integral type or string, not \(describe(keyToken))")
            }
            try expect(",")
            let value = try typeReference()
            if case .map = value { throw ProtobufSchemaError(.syntax, at: keyToken.position, "a map value cannot be a map") }
            try expect(">")
            type = .map(key: key, value: value)
        } else if isKeyword("group"), syntax == .proto2 {
            return try group(label: label, in: &message, start: start.position)
        } else {
            type = try typeReference()
        }
        let name = try expectIdentifier()
        try expect("=")
        let number = try integer()
        let options = try fieldOptions()
        try expect(";")
        return ProtobufField(name: name.text, number: number.value, label: label, type: type, options: options, position: name.position)
    }

    /// `optional group Result = 1 { … }` (proto2): a nested message `Result` and a field `result`.
    private mutating func group(label: ProtobufLabel, in message: inout ProtobufMessage, start: ProtobufPosition) throws(ProtobufSchemaError) -> ProtobufField {
        advance()
        let name = try expectIdentifier()
        guard name.text.first?.isUppercase == true else {
            throw ProtobufSchemaError(.syntax, at: name.position, "a group's name must start with a capital letter")
        }
        try expect("=")
        let number = try integer()
        let options = try fieldOptions()
        try enter(name.position)
        defer { depth -= 1 }
        try expect("{")
        var nested = ProtobufMessage(name: name.text, fields: [], oneofs: [], nestedTypes: [], reservedNumbers: [], reservedNames: [], extensionRanges: [], options: [], position: name.position)
        try messageBody(into: &nested)
        message.nestedTypes.append(.message(nested))
        return ProtobufField(name: name.text.lowercased(), number: number.value, label: label, type: .named(written: name.text, fullName: ""), options: options, position: name.position)
    }

    private mutating func oneof(_ message: inout ProtobufMessage) throws(ProtobufSchemaError) -> ProtobufOneof {
        advance()
        let name = try expectIdentifier()
        try expect("{")
        var oneof = ProtobufOneof(name: name.text, fields: [], options: [])
        while !isSymbol("}") {
            if current.kind == .end { throw ProtobufSchemaError(.syntax, at: current.position, "oneof \(name.text) is not closed; add }") }
            if isSymbol(";") {
                advance()
            } else if isKeyword("option") {
                oneof.options.append(try option())
            } else {
                oneof.fields.append(try field(in: &message, oneof: true))
            }
        }
        advance()
        guard !oneof.fields.isEmpty else { throw ProtobufSchemaError(.syntax, at: name.position, "oneof \(name.text) has no fields") }
        return oneof
    }

    private mutating func enumeration() throws(ProtobufSchemaError) -> ProtobufEnum {
        advance()
        let name = try expectIdentifier()
        try countDefinition(at: name.position)
        try expect("{")
        var result = ProtobufEnum(name: name.text, values: [], reservedNumbers: [], reservedNames: [], options: [], position: name.position)
        while !isSymbol("}") {
            let token = current
            switch (token.kind, token.text) {
            case (.end, _): throw ProtobufSchemaError(.syntax, at: token.position, "enum \(name.text) is not closed; add }")
            case (.symbol, ";"): advance()
            case (.identifier, "option") where peek(1).kind == .identifier || peek(1).text == "(": result.options.append(try option())
            case (.identifier, "reserved") where peek(1).kind != .symbol || peek(1).text == "-":
                advance()
                try reserved(numbers: &result.reservedNumbers, names: &result.reservedNames, maximum: Int(Int32.max))
            default:
                let valueName = try expectIdentifier()
                try countDefinition(at: valueName.position)
                try expect("=")
                let number = try integer()
                guard number.value >= Int(Int32.min), number.value <= Int(Int32.max) else {
                    throw ProtobufSchemaError(.invalidDefinition, at: number.position, "enum value \(valueName.text) = \(number.value) is outside the int32 range")
                }
                let options = try fieldOptions()
                try expect(";")
                result.values.append(ProtobufEnumValue(name: valueName.text, number: number.value, options: options, position: valueName.position))
            }
        }
        advance()
        guard !result.values.isEmpty else { throw ProtobufSchemaError(.invalidDefinition, at: name.position, "enum \(name.text) needs at least one value") }
        return result
    }

    private mutating func service() throws(ProtobufSchemaError) -> ProtobufService {
        advance()
        let name = try expectIdentifier()
        try expect("{")
        var service = ProtobufService(name: name.text, methods: [], options: [])
        while !isSymbol("}") {
            if current.kind == .end { throw ProtobufSchemaError(.syntax, at: current.position, "service \(name.text) is not closed; add }") }
            if isSymbol(";") {
                advance()
            } else if isKeyword("option") {
                service.options.append(try option())
            } else if isKeyword("rpc") {
                advance()
                let method = try expectIdentifier()
                let (input, inputStreams) = try methodType()
                guard isKeyword("returns") else { throw ProtobufSchemaError(.syntax, at: current.position, "expected returns, found \(describe(current))") }
                advance()
                let (output, outputStreams) = try methodType()
                var options: [ProtobufOption] = []
                if isSymbol("{") {
                    advance()
                    while !isSymbol("}") {
                        if current.kind == .end { throw ProtobufSchemaError(.syntax, at: current.position, "rpc \(method.text) is not closed; add }") }
                        if isSymbol(";") { advance() } else { options.append(try option()) }
                    }
                    advance()
                } else {
                    try expect(";")
                }
                service.methods.append(ProtobufMethod(name: method.text, input: input, inputStreams: inputStreams, output: output, outputStreams: outputStreams, options: options))
            } else {
                throw ProtobufSchemaError(.syntax, at: current.position, "expected rpc or option in service \(name.text), found \(describe(current))")
            }
        }
        advance()
        return service
    }

    private mutating func methodType() throws(ProtobufSchemaError) -> (String, Bool) {
        try expect("(")
        var streams = false
        if isKeyword("stream"), peek(1).kind == .identifier || peek(1).text == "." {
            streams = true
            advance()
        }
        let name = try dottedName()
        try expect(")")
        return (name, streams)
    }

    /// `extend Foo { … }`: extensions declare fields of other messages; they are parsed and not kept.
    private mutating func skipExtend() throws(ProtobufSchemaError) {
        advance()
        _ = try dottedName()
        try expect("{")
        var ignored = ProtobufMessage(name: "extend", fields: [], oneofs: [], nestedTypes: [], reservedNumbers: [], reservedNames: [], extensionRanges: [], options: [], position: current.position)
        try enter(current.position)
        defer { depth -= 1 }
        while !isSymbol("}") {
            if current.kind == .end { throw ProtobufSchemaError(.syntax, at: current.position, "extend is not closed; add }") }
            if isSymbol(";") { advance() } else { _ = try field(in: &ignored, oneof: false) }
        }
        advance()
    }
}
