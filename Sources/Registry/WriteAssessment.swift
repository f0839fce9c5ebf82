import Policy

/// What a write's checks found on the way, kept for a plan even when a later check refuses the
/// write: the contract's evolution against its registered line and the policy decision.
final class WriteAssessment {
    var evolution: ContractEvolution?
    var decision: Decision?
}
