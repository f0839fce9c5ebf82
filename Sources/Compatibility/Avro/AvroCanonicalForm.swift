import JSON

/// Writes the Parsing Canonical Form of a schema (Avro spec "Parsing Canonical Form for Schemas"):
/// full names, only the attributes that matter for parsing, in the specified order, no whitespace.
enum AvroCanonicalForm {
    static func text(of root: Int, in nodes: [AvroNode]) -> String {
        var writer = Writer(nodes: nodes)
        writer.write(root)
        return writer.output
    }

    private struct Writer {
        let nodes: [AvroNode]
        var output = ""
        var written: Set<String> = []

        mutating func write(_ index: Int) {
            switch nodes[index].kind {
            case .record(let record):
                guard begin(record.named) else { return }
                output += ",\"type\":\"record\",\"fields\":["
                for (position, field) in record.fields.enumerated() {
                    if position > 0 { output += "," }
                    output += "{\"name\":" + quoted(field.name) + ",\"type\":"
                    write(field.type)
                    output += "}"
                }
                output += "]}"
            case .enumeration(let enumeration):
                guard begin(enumeration.named) else { return }
                output += ",\"type\":\"enum\",\"symbols\":[" + enumeration.symbols.map(quoted).joined(separator: ",") + "]}"
            case .fixed(let fixed):
                guard begin(fixed.named) else { return }
                output += ",\"type\":\"fixed\",\"size\":\(fixed.size)}"
            case .array(let items):
                output += "{\"type\":\"array\",\"items\":"
                write(items)
                output += "}"
            case .map(let values):
                output += "{\"type\":\"map\",\"values\":"
                write(values)
                output += "}"
            case .union(let branches):
                output += "["
                for (position, branch) in branches.enumerated() {
                    if position > 0 { output += "," }
                    write(branch)
                }
                output += "]"
            case let primitive:
                output += quoted(primitive.typeName)
            }
        }

        /// Writes `{"name":"…"` for a first occurrence and returns true, or the quoted full name for a later one.
        private mutating func begin(_ named: AvroNamedType) -> Bool {
            let fullName = named.name.fullName
            if written.contains(fullName) {
                output += quoted(fullName)
                return false
            }
            written.insert(fullName)
            output += "{\"name\":" + quoted(fullName)
            return true
        }

        private func quoted(_ text: String) -> String { JSONValue.string(text).encoded() }
    }
}
