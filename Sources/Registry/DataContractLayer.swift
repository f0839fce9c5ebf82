/// Metadata or a rule set: values that Confluent merges in layers (config default, the version's
/// own, config override), an upper layer laid over a lower one.
public protocol DataContractLayer: Sendable, Hashable {
    /// `upper` laid over `self`.
    func merging(_ upper: Self) -> Self
}

extension DataContractLayer {
    /// Merges two optional layers: either alone is the result.
    public static func merge(_ base: Self?, _ over: Self?) -> Self? {
        guard let base else { return over }
        guard let over else { return base }
        return base.merging(over)
    }
}
