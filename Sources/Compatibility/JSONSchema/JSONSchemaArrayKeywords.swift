/// The array keywords Confluent compares, with the content model tuple items define.
struct JSONSchemaArrayKeywords: Sendable {
    /// `items` as one schema for every element.
    var allItems: JSONSchemaNode?
    /// `items` as an array (draft-07) or `prefixItems` (2020-12): one schema per position.
    var itemSchemas: [JSONSchemaNode] = []
    /// False for `additionalItems: false` (2020-12: `items: false` after `prefixItems`).
    var permitsAdditionalItems = true
    /// The schema of items after the tuple when one is given as an object.
    var additionalItems: JSONSchemaNode?
    var minItems: Int64?
    var maxItems: Int64?
    var uniqueItems = false

    /// Open: any number of extra items with any value.
    var isOpenContentModel: Bool { additionalItems == nil && permitsAdditionalItems }
}
