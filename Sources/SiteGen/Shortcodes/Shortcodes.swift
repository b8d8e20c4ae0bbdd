/// Hugo shortcodes, expanded in Markdown text before cmark renders it.
public enum Shortcodes {
    /// Expands every shortcode outside code. `{{% %}}` outputs are inlined into the Markdown;
    /// `{{< >}}` outputs are left as placeholders for `ShortcodeExpansion.restore(in:)`, because
    /// cmark drops raw HTML when unsafe HTML is off. `firstLine` is the file's line where
    /// `markdown` starts, so errors point into the file. Throws every error in the document.
    public static func expand(_ markdown: String, file: String, firstLine: Int,
                              renderer: some ShortcodeRendering) throws(DiagnosticList) -> ShortcodeExpansion {
        guard mentionsShortcode(markdown) else { return ShortcodeExpansion(markdown: markdown, placeholders: [:]) }
        var expander = ShortcodeExpander(markdown, file: file, firstLine: firstLine, renderer: renderer)
        return try expander.expand()
    }

    /// `{{` anywhere, found on the bytes (Foundation's `contains` was 2 % of a build).
    private static func mentionsShortcode(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { $0.firstIndex(of: Array("{{".utf8), from: 0) != nil }
    }
}
