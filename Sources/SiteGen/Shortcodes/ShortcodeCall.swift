/// One use of a shortcode in a document, as a renderer receives it.
public struct ShortcodeCall: Sendable {
    public var name: String
    public var positional: [String]
    public var named: [String: String]
    /// The text between the opening and closing tags, nested shortcodes already expanded; nil for
    /// a shortcode without a closing tag.
    public var inner: String?
    /// Written `{{% … %}}`: the output is Markdown.
    public var isMarkdown: Bool
    public var location: SourceLocation
    /// The 0-based index among the document's shortcodes (Hugo's `.Ordinal`).
    public var ordinal: Int

    public init(name: String, positional: [String] = [], named: [String: String] = [:], inner: String? = nil,
                isMarkdown: Bool = false, location: SourceLocation, ordinal: Int = 0) {
        self.name = name
        self.positional = positional
        self.named = named
        self.inner = inner
        self.isMarkdown = isMarkdown
        self.location = location
        self.ordinal = ordinal
    }

    /// The argument named `name`, else the positional one at `position` (Hugo's `.Get`).
    public func argument(_ name: String, at position: Int? = nil) -> String? {
        if let value = named[name] { return value }
        guard let position, positional.indices.contains(position) else { return nil }
        return positional[position]
    }
}
