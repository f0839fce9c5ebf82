import JSON

/// A validated OpenLineage RunEvent, JobEvent or DatasetEvent (OpenLineage 2-0-2 `OpenLineage.json`).
public struct OpenLineageEvent: Sendable, Hashable {
    /// Which of the three event schemas the event follows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A run's state transition, with the job and its inputs and outputs.
        case run = "RunEvent"
        /// A job's definition and datasets, outside any run.
        case job = "JobEvent"
        /// A dataset's metadata, outside any run.
        case dataset = "DatasetEvent"
    }

    /// The spec versions whose events are read: 2-0-x, and 1-0-x, whose RunEvent has the same shape.
    public static let supportedMajorVersions = 1...2

    /// The event as given.
    public let json: JSONValue
    /// The schema followed: by `schemaURL`'s `#/$defs/<Kind>` fragment, else by the fields present.
    public let kind: Kind
    /// `eventTime`.
    public let eventTime: EventTimestamp
    /// `producer`, the URI of the emitting integration.
    public let producer: String
    /// `schemaURL`.
    public let schemaURL: String
    /// `eventType` of a RunEvent; nil when absent (the spec makes it optional) and for other kinds.
    public let eventType: OpenLineageEventType?
    /// `run.runId` of a RunEvent, lowercased.
    public let runID: String?
    /// `job` of a RunEvent or JobEvent.
    public let job: JobIdentifier?
    /// `inputs` of a RunEvent or JobEvent.
    public let inputs: [OpenLineageDataset]
    /// `outputs` of a RunEvent or JobEvent.
    public let outputs: [OpenLineageDataset]
    /// `dataset` of a DatasetEvent.
    public let dataset: OpenLineageDataset?

    /// Validates `json` against the event schemas, reporting every problem at once with its JSON Pointer.
    public init(json: JSONValue) throws(OpenLineageValidationError) {
        var reader = OpenLineageReader()
        guard let root = reader.object(json, at: .root, required: true) else { throw OpenLineageValidationError(issues: reader.issues) }
        let eventTimeText = reader.string("eventTime", in: root, at: .root)
        let eventTime = eventTimeText.flatMap(EventTimestamp.init)
        if let eventTimeText, eventTime == nil {
            reader.report("invalid-value", at: .root / "eventTime", "'\(eventTimeText)' is not an RFC 3339 date-time; write e.g. 2025-11-28T09:15:02.431Z")
        }
        let producer = reader.string("producer", in: root, at: .root)
        if let producer, !producer.contains(":") {
            reader.report("invalid-value", at: .root / "producer", "'\(producer)' is not a URI; use the integration's URL, e.g. https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/spark")
        }
        let schemaURL = reader.string("schemaURL", in: root, at: .root)
        if let schemaURL { Self.checkVersion(of: schemaURL, reader: &reader) }
        let kind = Self.kind(of: root, schemaURL: schemaURL)

        var eventType: OpenLineageEventType?
        var runID: String?
        var job: JobIdentifier?
        var inputs: [OpenLineageDataset] = []
        var outputs: [OpenLineageDataset] = []
        var dataset: OpenLineageDataset?
        switch kind {
        case .run, .job:
            if kind == .run {
                if let text = reader.string("eventType", in: root, at: .root, required: false) {
                    eventType = OpenLineageEventType(rawValue: text)
                    if eventType == nil {
                        let allowed = OpenLineageEventType.allCases.map(\.rawValue).joined(separator: ", ")
                        reader.report("invalid-value", at: .root / "eventType", "'\(text)' is not an event type; use one of \(allowed)")
                    }
                }
                if let run = reader.object(root["run"], at: .root / "run", required: true) {
                    runID = reader.string("runId", in: run, at: .root / "run")
                    if let id = runID, !Self.isUUID(id) {
                        reader.report("invalid-value", at: .root / "run" / "runId", "'\(id)' is not a UUID; use e.g. 0195f1c4-8d1e-7a3b-9c2f-4e5d6a7b8c9d")
                    }
                    _ = reader.facets("facets", in: run, at: .root / "run")
                }
            }
            if let jobObject = reader.object(root["job"], at: .root / "job", required: true) {
                let namespace = reader.string("namespace", in: jobObject, at: .root / "job")
                let name = reader.string("name", in: jobObject, at: .root / "job")
                _ = reader.facets("facets", in: jobObject, at: .root / "job")
                if let namespace, let name { job = JobIdentifier(namespace: namespace, name: name) }
            }
            inputs = Self.datasets("inputs", in: root, reader: &reader)
            outputs = Self.datasets("outputs", in: root, reader: &reader)
        case .dataset:
            dataset = OpenLineageDataset(root["dataset"], at: .root / "dataset", reader: &reader)
        }
        guard reader.issues.isEmpty, let eventTime, let producer, let schemaURL else {
            throw OpenLineageValidationError(issues: reader.issues)
        }
        self.json = json
        self.kind = kind
        self.eventTime = eventTime
        self.producer = producer
        self.schemaURL = schemaURL
        self.eventType = eventType
        self.runID = runID?.lowercased()
        self.job = job
        self.inputs = inputs
        self.outputs = outputs
        self.dataset = dataset
    }

    /// A key equal for redelivered copies of one event and different for any other event:
    /// `<runId>/<eventType>/<digest>` for RunEvents, `<kind>/<digest>`
    /// otherwise, where the digest is a 64-bit FNV-1a of the event's canonical JSON.
    public var idempotencyKey: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in json.canonicalBytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digest = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - digest.count) + digest
        if let runID { return "\(runID)/\((eventType ?? .other).rawValue)/\(padded)" }
        return "\(kind.rawValue)/\(padded)"
    }

    private static func datasets(_ key: String, in root: JSONObject, reader: inout OpenLineageReader) -> [OpenLineageDataset] {
        let elements = reader.array(root[key], at: .root / key) ?? []
        return elements.enumerated().compactMap { offset, element in
            OpenLineageDataset(element, at: .root / key / offset, reader: &reader)
        }
    }

    private static func kind(of root: JSONObject, schemaURL: String?) -> Kind {
        if let fragment = schemaURL?.split(separator: "#").last, let name = fragment.split(separator: "/").last,
            let kind = Kind(rawValue: String(name))
        {
            return kind
        }
        if root["run"] != nil { return .run }
        if root["dataset"] != nil { return .dataset }
        return root["job"] != nil ? .job : .run
    }

    /// Reports a `https://openlineage.io/spec/<major>-<minor>-<patch>/…` URL of an unsupported major version.
    private static func checkVersion(of schemaURL: String, reader: inout OpenLineageReader) {
        let prefix = "openlineage.io/spec/"
        guard let range = schemaURL.firstRange(of: prefix) else { return }
        let version = schemaURL[range.upperBound...].prefix { $0 != "/" }
        let parts = version.split(separator: "-")
        guard parts.count == 3, let major = Int(parts[0]) else { return }
        if !supportedMajorVersions.contains(major) {
            reader.report("unsupported-version", at: .root / "schemaURL", "spec version \(version) is not supported; send 2-0-x events (\(schemaURL))")
        }
    }

    /// True for the 8-4-4-4-12 hexadecimal form.
    private static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }
}
