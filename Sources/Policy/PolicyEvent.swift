/// A registry event a policy binds to with `spec.events`.
public enum PolicyEvent: String, Sendable, Hashable, CaseIterable {
    case productRegister = "product.register"
    case productUpdate = "product.update"
    case contractPublish = "contract.publish"
    case subjectRegister = "subject.register"
    case accessRequest = "access.request"
    case accessApprove = "access.approve"
    /// `meshreg audit`: every current document re-evaluated; any variable may be bound.
    case audit

    /// The input variables the registry may bind for this event; expressions may use no others.
    var variables: Set<PolicyInput.Variable> {
        let common: Set<PolicyInput.Variable> = [.actor, .now]
        switch self {
        case .productRegister: return common.union([.product, .inputs, .consumers])
        case .productUpdate: return common.union([.product, .previous, .inputs, .consumers])
        case .contractPublish: return common.union([.contract, .previousContract, .change, .product, .consumers])
        case .subjectRegister: return common.union([.subject, .change, .product])
        case .accessRequest, .accessApprove: return common.union([.request, .port, .product, .contract])
        case .audit: return Set(PolicyInput.Variable.allCases)
        }
    }

    /// The event names, for messages that list the accepted values.
    static let namesList = allCases.map(\.rawValue).joined(separator: ", ")
}
