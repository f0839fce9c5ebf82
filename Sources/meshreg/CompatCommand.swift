import Arguments
import Compatibility
import FoundationEssentials
import JSON
import MeshModel
import Protobuf
import Registry

/// `meshreg compat`: checks a new schema or contract against earlier versions: given files, or
/// what the registry holds (a contract's registered line, a Kafka subject's versions).
enum CompatCommand: Command {
    static let specification = CommandSpecification(
        name: "compat", summary: "Check a new schema or contract against earlier versions and explain every finding.",
        usage: "<new> [--against <old> ...] [--subject SUBJECT] [--type avro|json|protobuf|odcs] [--mode MODE]",
        options: [
            .option("against", value: "FILE", help: "An earlier version; repeat for several, oldest first.", repeatable: true),
            .option("type", value: "avro|json|protobuf|odcs", help: "The format (default: from the file: .avsc is Avro, .proto is Protobuf, kind DataContract is ODCS)."),
            .option("mode", value: "MODE", help: "NONE, BACKWARD, FORWARD, FULL or their _TRANSITIVE forms (default: the contract's own, FULL for ODCS, BACKWARD otherwise)."),
            .option("subject", value: "SUBJECT", help: "Without --against: check an Avro, JSON or Protobuf schema against this Kafka subject's registered versions."),
            GlobalOptions.format, GlobalOptions.database,
        ] + GlobalOptions.remote,
        arguments: 1...1,
        discussion: """
            BACKWARD: the new version can read data written with the old one (Confluent's default;
            the producer's view). FORWARD: the old version can read data written with the new one
            (the consumer's view). FULL: both. Transitive modes check every --against file, newest
            first; the others only the last one. For ODCS contracts the semver gate also runs:
            breaking changes need a major bump, additive ones a minor, metadata a patch.
            Without --against, a contract is checked against its registered major line (the same
            check an apply makes), and a schema with --subject against that subject's versions,
            in the local database or, with --server, the service's.
            Exit status: 0 compatible, 1 incompatible (or version bump too small), 2 invalid input.

            EXAMPLES:
              meshreg compat v2.avsc --against v1.avsc --mode FULL
              meshreg compat order-v2.proto --against order-v1.proto --mode BACKWARD_TRANSITIVE
              meshreg compat orders-v1.1.odcs.yaml --against orders-v1.0.odcs.yaml --format json
              meshreg compat orders-v1.2.odcs.yaml --server https://meshreg.example.com
              meshreg compat order-event.avsc --subject orders.order-events.v1-value
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let againstFiles = arguments.allValues("against")
        guard !againstFiles.isEmpty else { return try checkRegistered(arguments, context) }
        if try protobufType(arguments.value("type"), file: arguments.arguments[0]) {
            let texts = try ([arguments.arguments[0]] + againstFiles).map { file in try SchemaType.protobuf.document(text: try protobufText(file)) }
            let mode = try compatibilityMode(arguments.value("mode"), type: .protobuf, document: texts[0])
            let report = try SchemaType.protobuf.check(new: texts[0], against: Array(texts.dropFirst()), mode: mode)
            print(report, gate: nil, context)
            return report.isCompatible ? .success : .checkFailed
        }
        let (submissions, errors) = try DocumentFiles.read([arguments.arguments[0]] + againstFiles)
        if let error = errors.first { throw error }
        let new = submissions[0].json
        let type = try schemaType(arguments.value("type"), file: arguments.arguments[0], document: new)
        let mode = try compatibilityMode(arguments.value("mode"), type: type, document: new)
        let report = try type.check(new: new, against: submissions.dropFirst().map(\.json), mode: mode)
        let gate = type == .odcs ? semverGate(new: new, latest: submissions.last?.json, change: report.changeClass(againstPreviousAt: againstFiles.count - 1)) : nil
        print(report, gate: gate, context)
        return report.isCompatible && gate?.result.isAllowed != false ? .success : .checkFailed
    }

    /// Checks against what the registry holds: a subject's versions, or a contract's line.
    private static func checkRegistered(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let file = arguments.arguments[0]
        if let subject = arguments.value("subject"), try protobufType(arguments.value("type"), file: file) {
            return try checkSubject(subject, schema: try protobufText(file), type: .protobuf, context)
        }
        let read = try DocumentFiles.read([file])
        if let error = read.errors.first { throw error }
        guard let submission = read.submissions.first else { throw CommandError("\(file) holds no document") }
        let remote = try context.remote()
        if let subject = arguments.value("subject") {
            let type = try schemaType(arguments.value("type"), file: file, document: submission.json)
            return try checkSubject(subject, schema: String(decoding: submission.original, as: UTF8.self), type: type, context)
        }
        guard submission.json["kind"] == "DataContract" else {
            throw CommandError("without --against, compat checks an ODCS contract against its registered line; for an Avro, JSON or Protobuf schema give --subject SUBJECT or --against FILE")
        }
        guard let remote else {
            let evolution = try context.registry().evolution(of: submission)
            print(evolution.report, gate: evolution.latest.map { ($0.description, evolution.version.description, evolution.gate) }, context)
            return evolution.report.isCompatible && evolution.gate.isAllowed ? .success : .checkFailed
        }
        let answer = try remote.send("POST", "/api/v1/compatibility", body: submission.json)
        let compatible = answer["isCompatible"] == true && answer["semver"]?["allowed"] != false
        printRemote(answer, compatible: compatible, context)
        return compatible ? .success : .checkFailed
    }

    /// Checks a schema against a Kafka subject's versions, in the local database or on the service.
    private static func checkSubject(_ subject: String, schema: String, type: SchemaType, _ context: CommandContext) throws -> ExitStatus {
        guard let remote = try context.remote() else {
            let result = try context.registry().testCompatibility(SchemaSubmission(schema: schema, schemaType: type), subject: subject, against: nil)
            print(result.report, gate: nil, context)
            return result.report.isCompatible ? .success : .checkFailed
        }
        var body: JSONObject = ["schema": .string(schema)]
        if type != .avro { body["schemaType"] = .string(type.confluentName) }
        let answer = try remote.send("POST", "/apis/ccompat/v7/compatibility/subjects/\(subject)/versions", query: [("verbose", "true")], body: .object(body))
        printRemote(answer, compatible: answer["is_compatible"] == true, context)
        return answer["is_compatible"] == true ? .success : .checkFailed
    }

    /// Whether the files are Protobuf: `--type protobuf`, or no `--type` and a `.proto` file.
    private static func protobufType(_ name: String?, file: String) throws -> Bool {
        guard let name else { return file.hasSuffix(".proto") }
        return SchemaType(name: name) == .protobuf
    }

    /// A `.proto` file's text, bounded like every document file; one that does not parse is refused
    /// with `file:line:column`.
    private static func protobufText(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandError("cannot read \(file); check that it exists and is readable")
        }
        guard data.count <= DocumentFiles.maximumFileBytes else {
            throw CommandError("\(file) is \(data.count) bytes; documents are limited to \(DocumentFiles.maximumFileBytes) bytes")
        }
        let text = String(decoding: data, as: UTF8.self)
        do throws(ProtobufSchemaError) {
            _ = try ProtobufSchema(parsing: text)
        } catch {
            throw CommandError("\(file):\(error.line):\(error.column): \(error.message)")
        }
        return text
    }

    /// The service's answer: as it came for programs, the verdict and each finding for people.
    private static func printRemote(_ answer: JSONValue, compatible: Bool, _ context: CommandContext) {
        guard context.format == .table else { return context.printJSON(answer) }
        Swift.print("\(compatible ? "COMPATIBLE" : "INCOMPATIBLE")" + (answer["mode"]?.stringValue.map { " under \($0)" } ?? ""))
        for finding in answer["findings"]?.arrayValue ?? [] {
            Swift.print("\(finding["verdict"]?.stringValue ?? "") \(finding["rule"]?.stringValue ?? ""): \(finding["message"]?.stringValue ?? "")")
        }
        for message in answer["messages"]?.arrayValue ?? [] { Swift.print(message.stringValue ?? message.encoded()) }
        if answer["semver"]?["allowed"] == false {
            Swift.print("semver: too small a bump; use \(answer["semver"]?["suggestedVersion"]?.stringValue ?? "a larger version")")
        }
    }

    private static func schemaType(_ name: String?, file: String, document: JSONValue) throws -> SchemaType {
        if let name {
            guard let type = SchemaType(name: name) else { throw CommandError("--type must be avro, json, protobuf or odcs, not '\(name)'") }
            return type
        }
        if file.hasSuffix(".avsc") { return .avro }
        if document["kind"] == "DataContract" { return .odcs }
        throw CommandError("cannot tell the format of \(file); give --type avro, json, protobuf or odcs")
    }

    private static func compatibilityMode(_ name: String?, type: SchemaType, document: JSONValue) throws -> CompatibilityMode {
        if let name {
            guard let mode = CompatibilityMode(name: name) else {
                throw CommandError("--mode must be one of \(CompatibilityMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
            }
            return mode
        }
        let declared = document["customProperties"]?.arrayValue?.first { $0["property"] == "compatibility" }?["value"]?.stringValue
        return type == .odcs ? declared.flatMap(CompatibilityMode.init(name:)) ?? type.defaultMode : type.defaultMode
    }

    private static func semverGate(new: JSONValue, latest: JSONValue?, change: CompatibilityVerdict?) -> (previous: String, proposed: String, result: SemverGateResult)? {
        guard let proposedText = new["version"]?.stringValue, let proposed = SemanticVersion(proposedText),
            let previousText = latest?["version"]?.stringValue, let previous = SemanticVersion(previousText)
        else { return nil }
        return (previousText, proposedText, SemverGate.check(previous: previous, proposed: proposed, changeClass: change))
    }

    private static func print(_ report: CompatibilityReport, gate: (previous: String, proposed: String, result: SemverGateResult)?, _ context: CommandContext) {
        switch context.format {
        case .json:
            guard case .object(var object) = report.json else { return }
            if let gate {
                var semver: JSONObject = ["previous": .string(gate.previous), "proposed": .string(gate.proposed), "allowed": .bool(gate.result.isAllowed)]
                if case .tooSmall(_, let suggested) = gate.result { semver["suggestedVersion"] = .string(suggested.description) }
                object["semver"] = .object(semver)
            }
            context.printJSON(.object(object))
        case .table:
            let summary = [CompatibilityVerdict.breaking, .additive, .metadata].compactMap { verdict in
                let count = report.findings.count { $0.verdict == verdict }
                return count > 0 ? "\(count) \(verdict.rawValue)" : nil
            }
            Swift.print("\(report.isCompatible ? "COMPATIBLE" : "INCOMPATIBLE") under \(report.mode.rawValue) (change: \(report.changeClass?.rawValue ?? "none"))"
                        + (summary.isEmpty ? "" : " — " + summary.joined(separator: ", ")))
            if !report.findings.isEmpty {
                Swift.print(Terminal.table(["VERDICT", "RULE", "OLD PATH", "NEW PATH", "MESSAGE"], report.findings.map { finding in
                    [finding.verdict.rawValue, finding.rule, finding.oldPath?.description ?? "-", finding.newPath?.description ?? "-", finding.message]
                }))
            }
            if let gate {
                switch gate.result {
                case .ok: Swift.print("semver: \(gate.previous) → \(gate.proposed) is a large enough bump")
                case .tooSmall(let needed, let suggested):
                    Swift.print("semver: \(gate.previous) → \(gate.proposed) is too small a bump (this change needs a \(needed) bump): use \(suggested)")
                }
            }
        }
    }
}
