public enum LinkKind: Sendable { case link, image }

/// One page rendered from Markdown, with what Hugo derives from it (summary, table of contents, word count).
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    /// With a `<!--more-->` divider, everything above it; otherwise whole top-level blocks until
    /// `summaryLength` words are reached, for the embedded theme. Written as goldmark writes it
    /// (for Hugo templates), only the divider's summary: the page object cuts the others from its
    /// plain text, as Hugo does, and counts its words the same way, so the counts below are then
    /// not made (zero, and no leading text).
    public var summaryHTML: String
    /// A `<!--more-->` divider was present.
    public var hasManualSummary: Bool
    /// The summary is shorter than the content.
    public var isTruncated: Bool
    /// Nested by level, only levels `tocStartLevel...tocEndLevel`.
    public var tableOfContents: [TOCEntry]
    /// Hugo's `.TableOfContents` markup, or "" when there are no entries.
    public var tocHTML: String
    /// Every heading, whatever its level: Hugo's `.Fragments.Headings`, where each h1 starts a
    /// row and a heading that skips a level sits under a placeholder.
    public var headings: [TOCEntry]
    /// The plain text of the first blocks, `MarkdownRenderer.leadingWordCount` words or a little
    /// more, blocks on their own lines: what a description is cut from. Not the whole text, which
    /// a very long page would hold in memory twice over for 30 words.
    public var leadingPlainText: String
    public var wordCount: Int
    /// Minutes, Hugo's formula: `(wordCount + 212) / 213`.
    public var readingTime: Int
}
