import JSON

/// What one document of a batch (or one retirement a prune adds) came to: its write, or why
/// it was refused.
struct BatchOutcome {
    /// Nil for a retirement by prune.
    var submission: DocumentSubmission?
    /// What a prune retires: the product id or contract id, and the contract's version.
    var pruned: (kind: WriteResult.Kind, id: String, version: String?)?
    /// Nil when the document did not decode.
    var operation: Operation?
    var result: WriteResult?
    var refusal: Refusal?
    /// The stored document this one replaces, when the batch is assessed.
    var previous: JSONValue?
    var assessment: WriteAssessment?
}
