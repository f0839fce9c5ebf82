import Compatibility
import JSON
import MeshModel

/// How a proposed contract version relates to its major line: the compatibility
/// report under the contract's mode, and whether its number grows as much as the change needs.
public struct ContractEvolution: Sendable {
    public let contractID: String
    public let version: SemanticVersion
    public let mode: CompatibilityMode
    /// The highest earlier version of the same major line; nil when the version opens a line.
    public let latest: SemanticVersion?
    public let report: CompatibilityReport
    /// The change relative to `latest` alone, which the semver gate judges.
    public let latestChange: CompatibilityVerdict?
    public let gate: SemverGateResult

    init(contract: DataContract, version: SemanticVersion, defaultMode: CompatibilityMode, store: RegistryStore) throws {
        let line = try store.contractLine(contract.id, major: version.major, below: version)
        contractID = contract.id
        self.version = version
        mode = contract.compatibility.flatMap(CompatibilityMode.init(name:)) ?? defaultMode
        let latest = line.last?.version
        let report = line.isEmpty ? CompatibilityReport(mode: mode, findings: [])
            : try SchemaType.odcs.check(new: contract.json, against: line.map(\.document), mode: mode)
        self.latest = latest
        self.report = report
        let latestChange = report.changeClass(againstPreviousAt: line.count - 1)
        self.latestChange = latestChange
        gate = latest.map { SemverGate.check(previous: $0, proposed: version, changeClass: latestChange) } ?? .ok
    }

    /// Throws `incompatible` or `version-too-small` when publishing would break the rules.
    func enforce() throws(RegistryError) {
        guard let latest else { return }
        let target = "\(contractID) \(version)"
        guard report.isCompatible else {
            let first = report.breakingFindings.first.map { ": \($0.message)" } ?? ""
            throw RegistryError(.incompatible, "\(target) is not \(mode.rawValue)-compatible with \(latest)\(first). Keep the old shape, or open a new major line (\(version.major + 1).0.0) and deprecate this one.",
                                details: ["report": report.json])
        }
        if case .tooSmall(let needed, let suggested) = gate {
            throw RegistryError(.versionTooSmall, "\(target) makes \(latestChange?.rawValue ?? "no") changes over \(latest), which need a \(needed) version bump; publish it as \(suggested)",
                                details: ["suggestedVersion": .string(suggested.description), "report": report.json])
        }
    }

    /// `{contractId, version, previousVersion, mode, isCompatible, changeClass, findings, semver}`.
    public var json: JSONValue {
        guard case .object(var object) = report.json else { return report.json }
        object["contractId"] = .string(contractID)
        object["version"] = .string(version.description)
        object["previousVersion"] = latest.map { .string($0.description) } ?? .null
        switch gate {
        case .ok: object["semver"] = ["allowed": true]
        case .tooSmall(let needed, let suggested):
            object["semver"] = ["allowed": false, "needed": .string("\(needed)"), "suggestedVersion": .string(suggested.description)]
        }
        return .object(object)
    }
}

extension Registry {
    /// What publishing `submission` (an ODCS contract) would meet, without writing anything.
    public func evolution(of submission: DocumentSubmission) throws(RegistryError) -> ContractEvolution {
        let contract: DataContract
        do {
            contract = try DataContract(json: submission.json)
        } catch {
            throw RegistryError(.invalidDocument, "the document is not a valid ODCS contract", issues: submission.locate(error.issues))
        }
        guard let version = contract.version else {
            let issue = ValidationIssue(pointer: JSONPointer.root / "version", code: ValidationIssue.Code.invalidSemver, message: "the version must be SemVer, e.g. 1.2.0")
            throw RegistryError(.invalidDocument, "the contract's version is not SemVer", issues: submission.locate([issue]))
        }
        return try read { store in
            try ContractEvolution(contract: contract, version: version, defaultMode: configuration.defaultContractCompatibility, store: store)
        }
    }
}

extension SemanticVersion {
    /// The part that grew from `old` to `new`: major, minor, patch, or none.
    static func bump(from old: SemanticVersion, to new: SemanticVersion) -> String {
        if new.major != old.major { return "major" }
        if new.minor != old.minor { return "minor" }
        return new > old ? "patch" : "none"
    }
}
