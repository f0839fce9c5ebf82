import JSON
import YAML

/// Reads a parsed YAML file strictly: refuses unknown keys and wrong types, and records every
/// problem with its `file:line:column` and a fix, so one pass reports all of them.
struct StrictReader {
    let file: String
    let document: YAMLDocument
    let source: SourceText
    private(set) var problems: [PolicyLoadError] = []

    /// Parses `bytes`; a YAML syntax error is the only problem when the file is not YAML.
    static func read(file: String, bytes: [UInt8]) -> Result<StrictReader, PolicyLoadError> {
        do {
            let document = try YAMLReader.parse(bytes)
            return .success(StrictReader(file: file, document: document, source: SourceText(bytes: bytes)))
        } catch {
            return .failure(PolicyLoadError(.yamlSyntax, file: file, line: error.line, column: error.column, message: error.message))
        }
    }

    /// Where the node at `pointer` starts.
    func location(of pointer: JSONPointer) -> SourceLocation {
        document.location(of: pointer) ?? SourceLocation(line: 1, column: 1)
    }

    /// Records a problem at the node at `pointer`.
    mutating func report(_ code: PolicyLoadError.Code, at pointer: JSONPointer, _ message: String) {
        report(code, at: location(of: pointer), message)
    }

    /// Records a problem at `location`.
    mutating func report(_ code: PolicyLoadError.Code, at location: SourceLocation, _ message: String) {
        problems.append(PolicyLoadError(code, file: file, line: location.line, column: location.column, message: message))
    }

    /// Adds problems found elsewhere (compilation, cross-file checks).
    mutating func append(_ problem: PolicyLoadError) { problems.append(problem) }

    /// Where a mapping's `key` is written.
    func keyLocation(_ key: String, in mapping: JSONPointer) -> SourceLocation {
        source.keyLocation(key, value: location(of: mapping / key), mapping: location(of: mapping))
    }

    /// Where the key holding the node at `pointer` is written (the start of the file for the root).
    func location(ofKeyFor pointer: JSONPointer) -> SourceLocation {
        guard let key = pointer.tokens.last, document.value.value(at: JSONPointer(tokens: pointer.tokens.dropLast()))?.objectValue != nil else {
            return location(of: pointer)
        }
        return keyLocation(key, in: JSONPointer(tokens: pointer.tokens.dropLast()))
    }

    /// The mapping at `pointer`, after refusing keys outside `allowed` and reporting missing `required` ones.
    @discardableResult
    mutating func mapping(at pointer: JSONPointer, named what: String, allowed: [String], required: [String] = []) -> JSONObject? {
        guard let value = document.value.value(at: pointer) else { return nil }
        guard case .object(let object) = value else {
            report(.wrongType, at: pointer, "\(what) must be a mapping, not \(value.typeName); write it as 'key: value' lines")
            return nil
        }
        for key in object.keys where !allowed.contains(key) {
            report(.unknownKey, at: keyLocation(key, in: pointer),
                   "unknown key '\(key)' in \(what); remove it or use one of the allowed keys: \(allowed.joined(separator: ", "))")
        }
        for key in required where object[key] == nil {
            report(.missingKey, at: location(ofKeyFor: pointer), "\(what) needs '\(key)'; add it")
        }
        return object
    }

    /// The string at `pointer`, or nil (with a problem unless it is absent).
    mutating func string(at pointer: JSONPointer, named what: String) -> String? {
        guard let value = document.value.value(at: pointer) else { return nil }
        guard case .string(let text) = value else {
            report(.wrongType, at: pointer, "\(what) must be a string, not \(value.typeName); quote it")
            return nil
        }
        return text
    }

    /// The list at `pointer`, or nil (with a problem unless it is absent).
    mutating func list(at pointer: JSONPointer, named what: String) -> [JSONValue]? {
        guard let value = document.value.value(at: pointer) else { return nil }
        guard case .array(let elements) = value else {
            report(.wrongType, at: pointer, "\(what) must be a list, not \(value.typeName); write its items as '- item' lines or [a, b]")
            return nil
        }
        return elements
    }
}
