import JSON

extension DataProduct {
    /// The values the registry hint `customProperties.productType` may take.
    public static let productTypes = ["sourceAligned", "aggregate", "consumerAligned"]

    /// Problems under the registry's rules that need no store, in document order.
    ///
    /// `id` matches the pattern; `name`, SemVer `version`, `domain`, `team.name` and an owner are
    /// required; `status` is one of ``LifecycleStatus``; every output port has a `contractId` and a
    /// SemVer `version`, and a unique name and version; every input port that is not external names a valid
    /// contract id and SemVer version; `inputContracts` name valid ids and SemVer versions;
    /// `productType` is one of ``productTypes``. Whether the domain, team and contracts exist is
    /// checked against the store by the Registry module.
    public var registrationIssues: [ValidationIssue] {
        var reader = DocumentReader()
        reader.requireCommonFields(
            id: id, name: name, versionText: versionText, domain: domain, statusText: statusText,
            customProperties: customPropertyEntries, subject: "data product")
        reader.requireHint("productType", in: customPropertyEntries, allowed: Self.productTypes)
        requireTypeAgreesWithHint(&reader)
        requireOwningTeam(&reader)
        for port in inputPorts {
            let named = reader.requireText(port.contractId, at: port.pointer / "contractId", "every input port names the contract it reads")
            let versioned = reader.requireText(port.version, at: port.pointer / "version", "every input port names the contract version it reads")
            guard !port.isExternal else { continue }
            if named { reader.requireIdentifier(port.contractId, at: port.pointer / "contractId") }
            if versioned { reader.requireSemanticVersion(port.version, at: port.pointer / "version") }
        }
        for port in outputPorts {
            if reader.requireText(
                port.contractId, at: port.pointer / "contractId", "every output port publishes a registered contract"),
                let contractId = port.contractId
            {
                reader.requireIdentifier(contractId, at: port.pointer / "contractId")
            }
            if reader.requireText(port.version, at: port.pointer / "version", "every output port has the version of its contract") {
                reader.requireSemanticVersion(port.version, at: port.pointer / "version")
            }
            for (index, input) in port.inputContracts.enumerated() {
                let pointer = port.pointer / "inputContracts" / index
                reader.requireIdentifier(input.id, at: pointer / "id")
                reader.requireSemanticVersion(input.version, at: pointer / "version")
            }
        }
        // ODPS identifies a port by name and version: one port may be published in two versions.
        reader.refuseDuplicates(outputPorts.map { (name: "\($0.name)@\($0.version)", pointer: $0.pointer / "version") }, "the output port")
        return reader.issuesInDocumentOrder(of: json)
    }

    /// ODPS v1.1.0 `type` replaces the `productType` hint; a document giving both must agree.
    private func requireTypeAgreesWithHint(_ reader: inout DocumentReader) {
        guard let type = json["type"]?.stringValue, let entry = customPropertyEntries.first(where: { $0.name == "productType" }),
            entry.value.stringValue != type
        else { return }
        reader.report(
            ValidationIssue.Code.invalidValue, at: entry.pointer / "value",
            "the registry hint productType disagrees with type '\(type)'; ODPS v1.1.0 `type` replaces it, so remove the hint")
    }

    private func requireOwningTeam(_ reader: inout DocumentReader) {
        guard json["team"] != nil else {
            reader.report(
                ValidationIssue.Code.missingField, at: .root / "team",
                "the registry requires a team: add team.name (a team of the domain) and a member with role: owner")
            return
        }
        reader.requireText(teamName, at: .root / "team" / "name", "name the team of the domain that owns the product")
        if !members.contains(where: \.isOwner) {
            let team = JSONPointer.root / "team"
            reader.report(
                ValidationIssue.Code.missingOwner, at: json["team"]?["members"] == nil ? team : team / "members",
                "no team member has role owner; add one, e.g. {username: alice, role: owner}")
        }
    }
}
