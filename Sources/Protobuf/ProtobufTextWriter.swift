/// Writes a parsed file back as `.proto` text, formatted or normalized (see `ProtobufSchema`).
struct ProtobufTextWriter {
    let file: ProtobufFile
    let normalized: Bool
    private var lines: [String] = []

    init(file: ProtobufFile, normalized: Bool) {
        self.file = file
        self.normalized = normalized
    }

    var text: String {
        var writer = self
        writer.writeFile()
        return writer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func writeFile() {
        lines.append("syntax = \"\(file.syntax.rawValue)\";")
        if !file.package.isEmpty { lines.append("package \(file.package);") }
        let imports = normalized ? file.imports.sorted { $0.path < $1.path } : file.imports
        for imported in imports {
            lines.append("import " + (imported.kind == .plain ? "" : "\(imported.kind.rawValue) ") + ProtobufParser.quoted(imported.path) + ";")
        }
        for option in sorted(file.options) { lines.append("option \(option.name) = \(option.value);") }
        for type in file.types { write(type, indent: "", scope: file.package) }
        for service in file.services {
            lines.append("service \(service.name) {")
            for option in sorted(service.options) { lines.append("  option \(option.name) = \(option.value);") }
            for method in service.methods {
                let input = (method.inputStreams ? "stream " : "") + method.input
                let output = (method.outputStreams ? "stream " : "") + method.output
                if method.options.isEmpty {
                    lines.append("  rpc \(method.name)(\(input)) returns (\(output));")
                } else {
                    lines.append("  rpc \(method.name)(\(input)) returns (\(output)) {")
                    for option in sorted(method.options) { lines.append("    option \(option.name) = \(option.value);") }
                    lines.append("  }")
                }
            }
            lines.append("}")
        }
    }

    private mutating func write(_ type: ProtobufType, indent: String, scope: String) {
        switch type {
        case .enumeration(let enumeration):
            lines.append("\(indent)enum \(enumeration.name) {")
            for option in sorted(enumeration.options) { lines.append("\(indent)  option \(option.name) = \(option.value);") }
            writeReserved(enumeration.reservedNumbers, enumeration.reservedNames, indent: indent + "  ", keyword: "reserved")
            for value in enumeration.values {
                lines.append("\(indent)  \(value.name) = \(value.number)\(optionList(value.options));")
            }
            lines.append("\(indent)}")
        case .message(let message):
            let inner = scope.isEmpty ? message.name : "\(scope).\(message.name)"
            lines.append("\(indent)message \(message.name) {")
            for option in sorted(message.options) { lines.append("\(indent)  option \(option.name) = \(option.value);") }
            writeReserved(message.reservedNumbers, message.reservedNames, indent: indent + "  ", keyword: "reserved")
            writeReserved(message.extensionRanges, [], indent: indent + "  ", keyword: "extensions")
            let fields = normalized ? message.fields.sorted { $0.number < $1.number } : message.fields
            for field in fields { lines.append("\(indent)  \(declaration(field))") }
            for oneof in message.oneofs {
                lines.append("\(indent)  oneof \(oneof.name) {")
                for option in sorted(oneof.options) { lines.append("\(indent)    option \(option.name) = \(option.value);") }
                let members = normalized ? oneof.fields.sorted { $0.number < $1.number } : oneof.fields
                for field in members { lines.append("\(indent)    \(declaration(field))") }
                lines.append("\(indent)  }")
            }
            for nested in message.nestedTypes { write(nested, indent: indent + "  ", scope: inner) }
            lines.append("\(indent)}")
        }
    }

    private func declaration(_ field: ProtobufField) -> String {
        let label = field.label == .none ? "" : "\(field.label.rawValue) "
        return "\(label)\(typeName(field.type)) \(field.name) = \(field.number)\(optionList(field.options));"
    }

    private func typeName(_ type: ProtobufFieldType) -> String {
        switch type {
        case .scalar(let scalar): scalar.rawValue
        case .named(let written, let fullName): normalized ? ".\(fullName)" : written
        case .map(let key, let value): "map<\(key.rawValue), \(typeName(value))>"
        }
    }

    private mutating func writeReserved(_ ranges: [ClosedRange<Int>], _ names: [String], indent: String, keyword: String) {
        if !ranges.isEmpty {
            let parts = ranges.map { range in
                range.lowerBound == range.upperBound ? "\(range.lowerBound)"
                    : range.upperBound == ProtobufField.maximumNumber ? "\(range.lowerBound) to max" : "\(range.lowerBound) to \(range.upperBound)"
            }
            lines.append("\(indent)\(keyword) \(parts.joined(separator: ", "));")
        }
        if !names.isEmpty { lines.append("\(indent)\(keyword) \(names.map(ProtobufParser.quoted).joined(separator: ", "));") }
    }

    private func optionList(_ options: [ProtobufOption]) -> String {
        options.isEmpty ? "" : " [" + sorted(options).map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + "]"
    }

    private func sorted(_ options: [ProtobufOption]) -> [ProtobufOption] {
        normalized ? options.sorted { $0.name < $1.name } : options
    }
}
