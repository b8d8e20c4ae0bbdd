/// How Markdown is turned into HTML; the defaults follow Hugo's `markup` configuration defaults.
public struct MarkdownOptions: Sendable, Hashable {
    /// Hugo's `markup.goldmark.renderer.unsafe`: raw HTML passes through only when true, otherwise
    /// it is replaced by `<!-- raw HTML omitted -->`.
    public var unsafeHTML = false
    public var smartPunctuation = true
    /// Words in the automatic summary.
    public var summaryLength = 70
    /// Hugo's `markup.tableOfContents` defaults.
    public var tocStartLevel = 2, tocEndLevel = 3
    /// HTML as Hugo's goldmark writes it (`<img …>`, `<hr>`, styled table cells…), for sites on
    /// Hugo's templates; cmark-gfm's own markup otherwise.
    public var goldmarkHTML = false
    /// `markup.highlight`: how goldmark HTML colours code.
    public var highlighting = CodeHighlighting()

    public init() {}
}

extension MarkdownOptions {
    /// The site's `markup` settings; `goldmarkHTML` for a site on Hugo's templates.
    init(config: SiteConfig, goldmarkHTML: Bool) {
        unsafeHTML = config.unsafeHTML
        summaryLength = config.summaryLength
        tocStartLevel = config.tocStartLevel
        tocEndLevel = config.tocEndLevel
        self.goldmarkHTML = goldmarkHTML
        highlighting = config.highlighting
    }
}
