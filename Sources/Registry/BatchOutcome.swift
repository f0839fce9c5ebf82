import JSON

/// What one document of a batch came to: its write, or why it was refused.
struct BatchOutcome {
    var submission: DocumentSubmission
    /// Nil when the document did not decode.
    var operation: Operation?
    var result: WriteResult?
    var refusal: Refusal?
    /// The stored document this one replaces, when the batch is assessed.
    var previous: JSONValue?
    var assessment: WriteAssessment?
}
