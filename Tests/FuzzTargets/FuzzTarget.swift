import CEL
import Compatibility
import HTTPProtocol
import JSON
import MeshModel
import Protobuf
import YAML

/// The parsers and state machines the fuzzers drive (issues 7 and 18). Each entry takes arbitrary
/// bytes; any input may be refused with an error, none may trap, hang or exhaust memory. Shared by the libFuzzer binary
/// (`Tests/Fuzz/run`) and by `FuzzRegressionTests`, which replays every committed input.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case http, yaml, json, document, avro, jsonSchema = "json-schema", cel, protobuf, connection, tlsServer = "tls-server"

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .http:
            // Whole, then split at a point the input chooses: both must agree on the outcome.
            var whole = HTTPRequestParser()
            whole.feed(bytes)
            drain(&whole)
            var split = HTTPRequestParser()
            let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
            split.feed(bytes[..<cut])
            drain(&split)
            split.feed(bytes[cut...])
            drain(&split)
        case .yaml:
            _ = try? YAMLReader.parse(bytes)
        case .json:
            if let value = try? JSONParser.parse(bytes) {
                precondition((try? JSONParser.parse(value.encoded())) == value, "JSON does not round-trip")
            }
        case .document:
            guard let value = (try? JSONParser.parse(bytes)) ?? (try? YAMLReader.parse(bytes).value) else { return }
            _ = try? MeshDocument.decode(value).registrationIssues
        case .avro:
            guard let json = try? JSONParser.parse(bytes), let schema = try? AvroSchema(json: json) else { return }
            let report = AvroCompatibilityChecker().check(new: schema, against: [schema], mode: .fullTransitive)
            precondition(report.isCompatible, "an Avro schema must be compatible with itself")
        case .jsonSchema:
            guard let json = try? JSONParser.parse(bytes), let schema = try? JSONSchemaDocument(json: json) else { return }
            _ = JSONSchemaCompatibilityChecker().check(new: schema, against: [schema], mode: .full)
        case .protobuf:
            // `.proto` text or a base64 descriptor: a schema is compatible with itself, and its
            // formatted and normalized texts parse back to the same texts.
            guard let text = String(validating: bytes, as: UTF8.self), let schema = try? ProtobufSchema(parsing: text) else { return }
            precondition(ProtobufCompatibilityChecker().canRead(reader: schema, writer: schema), "a Protobuf schema must be compatible with itself")
            precondition((try? ProtobufSchema(parsing: schema.formattedText))?.formattedText == schema.formattedText, "formatted text does not round-trip")
            precondition((try? ProtobufSchema(parsing: schema.canonicalText))?.canonicalText == schema.canonicalText, "normalized text does not round-trip")
        case .connection:
            ConnectionFuzzing.run(bytes)
        case .tlsServer:
            TLSServerFuzzing.run(bytes)
        case .cel:
            guard let source = String(validating: bytes, as: UTF8.self), let program = try? CELProgram.compile(source) else { return }
            _ = program.evaluate(CELActivation(json: ["x": 1, "s": "text", "m": ["k": [1, 2.5, nil]]]))
        }
    }

    private func drain(_ parser: inout HTTPRequestParser) {
        for _ in 0..<10_000 {
            switch parser.next() {
            case .needMoreData, .error: return
            case .head, .body, .end: continue
            }
        }
        preconditionFailure("the HTTP parser produced events without end")
    }
}
