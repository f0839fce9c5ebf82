import Compatibility
import Foundation
import JSON
import Protobuf

// Issue 4's check benchmark: checks per second on parsed schemas (release build) for a 200-field
// nested Avro record evolving to 205 fields, and JSON Schema and Protobuf pairs of the same shape. With a
// directory argument it also writes the Avro pair there (old.avsc, new.avsc), so Benchmarks/ccompat
// can time the Python `avro` package's ReaderWriterCompatibilityChecker on the same pair.
// Usage: CompatibilityBenchmarks [seconds per figure] [directory for the Avro pair]

let arguments = CommandLine.arguments
let seconds = arguments.count > 1 ? Double(arguments[1]) ?? 2 : 2
if arguments.count > 2 {
    let directory = URL(fileURLWithPath: arguments[2])
    try SchemaPair.avro(evolved: false).encoded().write(to: directory.appendingPathComponent("old.avsc"), atomically: true, encoding: .utf8)
    try SchemaPair.avro(evolved: true).encoded().write(to: directory.appendingPathComponent("new.avsc"), atomically: true, encoding: .utf8)
}

/// Runs `body` repeatedly for about `seconds` and returns calls per second.
func rate(_ body: () -> Bool) -> (perSecond: Double, compatible: Bool) {
    var compatible = true
    var calls = 0
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed = 0.0
    while elapsed < seconds {
        for _ in 0..<100 { compatible = body() && compatible }
        calls += 100
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    return (Double(calls) / elapsed, compatible)
}

let avroOld = try AvroSchema(json: SchemaPair.avro(evolved: false))
let avroNew = try AvroSchema(json: SchemaPair.avro(evolved: true))
let avroChecker = AvroCompatibilityChecker()
let avro = rate { avroChecker.check(new: avroNew, against: [avroOld], mode: .backward).isCompatible }
print(String(format: "avro-check-200-to-205-fields   %10.0f checks/s  (BACKWARD, full report of every difference, compatible: %@)",
             avro.perSecond, avro.compatible ? "yes" : "no"))
// The verdict alone, as Python's ReaderWriterCompatibilityChecker and Java's
// SchemaCompatibility.checkReaderWriterCompatibility give it (no findings for compatible changes).
let verdict = rate { avroChecker.canRead(reader: avroNew, writer: avroOld) }
print(String(format: "avro-verdict-200-to-205-fields %10.0f checks/s  (BACKWARD, verdict only, compatible: %@)",
             verdict.perSecond, verdict.compatible ? "yes" : "no"))

let jsonOld = try JSONSchemaDocument(json: SchemaPair.jsonSchema(evolved: false))
let jsonNew = try JSONSchemaDocument(json: SchemaPair.jsonSchema(evolved: true))
let jsonChecker = JSONSchemaCompatibilityChecker()
let json = rate { jsonChecker.check(new: jsonNew, against: [jsonOld], mode: .backward).isCompatible }
print(String(format: "json-schema-check-200-to-205   %10.0f checks/s  (BACKWARD, compatible: %@)", json.perSecond, json.compatible ? "yes" : "no"))

// Issue 16: the same tree as Protobuf messages (the nested messages are message-typed fields, so
// each is compared through its field as well as as a nested type). The Avro figure above, on the
// same shape in the same run, is its baseline.
let protobufOld = try ProtobufSchema(parsing: SchemaPair.protobuf(evolved: false))
let protobufNew = try ProtobufSchema(parsing: SchemaPair.protobuf(evolved: true))
let protobufChecker = ProtobufCompatibilityChecker()
let protobuf = rate { protobufChecker.check(new: protobufNew, against: [protobufOld], mode: .backward).isCompatible }
print(String(format: "protobuf-check-200-to-205-fields %8.0f checks/s  (BACKWARD, full report of every difference, compatible: %@)",
             protobuf.perSecond, protobuf.compatible ? "yes" : "no"))
print(String(format: "avro-rate %.0f %.0f", avro.perSecond, verdict.perSecond))
