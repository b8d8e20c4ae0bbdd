/// A taxonomy as configured under `taxonomies:`, e.g. `tag: tags`.
public struct TaxonomyConfig: Sendable, Hashable {
    public var singular: String
    public var plural: String

    public init(singular: String, plural: String) {
        self.singular = singular
        self.plural = plural
    }
}
