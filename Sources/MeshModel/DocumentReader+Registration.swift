import JSON

/// The registry rules shared by products and contracts (docs/ARCHITECTURE.md, "Identifiers and
/// required fields").
extension DocumentReader {
    /// `id` matches ``ResourceIdentifier/pattern``.
    mutating func requireIdentifier(_ id: String, at pointer: JSONPointer) {
        if let problem = ResourceIdentifier.problem(in: id) { report(ValidationIssue.Code.invalidId, at: pointer, problem) }
    }

    /// A non-empty text field; returns whether it is there.
    @discardableResult
    mutating func requireText(_ text: String?, at pointer: JSONPointer, _ purpose: String) -> Bool {
        guard let text, !text.isEmpty else {
            let field = pointer.tokens.last ?? ""
            report(ValidationIssue.Code.missingField, at: pointer, "the registry requires '\(field)': \(purpose)")
            return false
        }
        return true
    }

    /// A SemVer 2.0.0 version, when the text is there.
    mutating func requireSemanticVersion(_ text: String, at pointer: JSONPointer) {
        do throws(SemanticVersionError) {
            _ = try SemanticVersion(parsing: text)
        } catch {
            report(ValidationIssue.Code.invalidSemver, at: pointer, error.description)
        }
    }

    /// `status` is one of ``LifecycleStatus``.
    mutating func requireStatus(_ text: String, at pointer: JSONPointer) {
        guard LifecycleStatus(rawValue: text) == nil else { return }
        let advice = LifecycleStatus(rawValue: text.lowercased()).map { "; write it in lower case: \($0.rawValue)" } ?? ""
        report(
            ValidationIssue.Code.invalidStatus, at: pointer,
            "status '\(text)' is not one the registry knows; use one of \(LifecycleStatus.allowedList)\(advice)")
    }

    /// No name appears twice; each repeat is reported at its own pointer.
    mutating func refuseDuplicates(_ entries: [(name: String, pointer: JSONPointer)], _ what: String) {
        var first: [String: JSONPointer] = [:]
        for entry in entries {
            if let earlier = first[entry.name] {
                report(
                    ValidationIssue.Code.duplicate, at: entry.pointer,
                    "\(what) '\(entry.name)' is already used at \(earlier); give each a unique name")
            } else {
                first[entry.name] = entry.pointer
            }
        }
    }

    /// A registry hint in `customProperties` is a string from `allowed`.
    mutating func requireHint(_ name: String, in entries: [CustomProperty], allowed: [String]) {
        guard let entry = entries.first(where: { $0.name == name }), entry.value.stringValue.map(allowed.contains) != true else { return }
        let found = entry.value.stringValue.map { "'\($0)'" } ?? "of type \(entry.value.typeName)"
        report(
            ValidationIssue.Code.invalidValue, at: entry.pointer / "value",
            "the registry hint \(name) is \(found); use one of \(allowed.joined(separator: ", "))")
    }

    /// The shared rules for ids, names, versions, domains, status and repeated custom properties.
    mutating func requireCommonFields(
        id: String, name: String?, versionText: String?, domain: String?, statusText: String, customProperties: [CustomProperty],
        subject: String
    ) {
        requireIdentifier(id, at: .root / "id")
        requireText(name, at: .root / "name", "give the \(subject) a human-readable name")
        if requireText(versionText, at: .root / "version", "give the \(subject) a SemVer version such as 1.0.0"), let versionText {
            requireSemanticVersion(versionText, at: .root / "version")
        }
        requireText(domain, at: .root / "domain", "name the domain that owns the \(subject)")
        if requireText(statusText, at: .root / "status", "give the \(subject) a lifecycle status: \(LifecycleStatus.allowedList)") {
            requireStatus(statusText, at: .root / "status")
        }
        refuseDuplicates(customProperties.map { (name: $0.name, pointer: $0.pointer / "property") }, "the custom property")
    }
}
