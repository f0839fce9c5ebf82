import JSON

/// Reads the strict YAML 1.2 subset used by data contracts and Kubernetes-style files into JSON values.
///
/// Supported: block and flow collections, plain, quoted and block scalars, comments, one document
/// with an optional `---` / `...`, core-schema scalars (YAML 1.2 §10.3), anchors and aliases.
/// Refused with a position and a hint: tags, directives, several documents, complex and merge keys.
public enum YAMLReader {
    /// Parses one YAML document from UTF-8 bytes; a leading byte order mark and CRLF line ends are accepted.
    public static func parse(_ bytes: some Collection<UInt8>, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        let source = try YAMLSource(bytes: Array(bytes), limits: limits)
        var parser = YAMLParser(source: source, limits: limits)
        return try parser.parseDocument()
    }

    /// Parses one YAML document from text.
    public static func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        try parse(Array(text.utf8), limits: limits)
    }
}
