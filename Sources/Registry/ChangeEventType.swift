/// The event types of the change log and the audit actions they come from
/// (docs/ARCHITECTURE.md, "Change events" lists them for readers).
public enum ChangeEventType {
    /// The event type of an accepted write audited as `action`, or nil for changes that are not
    /// published (tokens: who holds credentials is nobody's feed). `target` tells a global
    /// setting (`(global)`) from a subject's.
    static func forAction(_ action: String, target: String) -> String? {
        switch action {
        case "subject.config" where target == globalSubject, "subject.mode" where target == globalSubject: "global-config.changed"
        case "product.register": "product.registered"
        case "product.update": "product.updated"
        case "product.retire": "product.retired"
        case "contract.publish": "contract.published"
        case "contract.update": "contract.updated"
        case "contract.deprecate": "contract.deprecated"
        case "contract.retire": "contract.retired"
        case "domain.create", "domain.update": "domain.applied"
        case "subject.register": "subject-version.registered"
        case "subject.delete", "subject.delete-permanent", "subject.delete-version", "subject.delete-version-permanent":
            "subject-version.deleted"
        case "subject.config", "subject.config-delete", "subject.mode", "subject.mode-delete": "subject-config.changed"
        case "access.request": "access.requested"
        case "access.approve": "access.approved"
        case "access.reject": "access.rejected"
        case "access.revoke": "access.revoked"
        case "access.expire": "access.expired"
        case "policy.set-change": "policy-set.changed"
        case "webhook.failing": "webhook.failing"
        default: nil
        }
    }

    /// Every type a reader may see, for documentation and the `types` filter's check.
    public static let all = [
        "product.registered", "product.updated", "product.retired",
        "contract.published", "contract.updated", "contract.deprecated", "contract.retired",
        "domain.applied", "subject-version.registered", "subject-version.deleted", "subject-config.changed",
        "global-config.changed", "access.requested", "access.approved", "access.rejected", "access.revoked", "access.expired",
        "policy-set.changed", "lineage-run.completed", "policy.denied", "webhook.failing",
    ]

    /// Global settings are their own type: `subject-config.changed` names one subject.
    static let globalSubject = "(global)"
}
