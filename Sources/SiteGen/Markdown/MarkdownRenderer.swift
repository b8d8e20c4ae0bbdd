import CCmarkGFM

/// Renders Markdown (CommonMark plus GitHub's extensions and footnotes) the way Hugo's goldmark
/// setup does: heading ids, table of contents, summary and word count.
public struct MarkdownRenderer: Sendable {
    private let options: MarkdownOptions

    public init(options: MarkdownOptions) {
        self.options = options
    }

    /// `resolveDestination` maps each link and image destination as written to the URL to emit;
    /// `hooks` replace how images, links, headings and code blocks are rendered.
    public func render(_ markdown: String, hooks: RenderHooks = RenderHooks(),
                       resolveDestination: (String, LinkKind) -> String) -> RenderedMarkdown {
        let markdown = options.goldmarkHTML ? Self.dividerOnItsOwn(markdown) : markdown
        let document = CmarkParser.parse(markdown, parseOptions: parseOptions, renderOptions: renderOptions,
                                         filteringTags: !options.goldmarkHTML)
        let root = document.root
        resolveDestinations(in: root, with: resolveDestination)

        let typographer = options.goldmarkHTML ? GoldmarkTypographer(source: markdown) : nil
        let anchors = HeadingRewriter.anchors(in: root, typographer: typographer)
        let manualSummaryBlocks = SummaryDivider.remove(from: root)
        // Measured before the headings become custom blocks, which have no text nodes. Each block's
        // text is dropped once counted, but for the leading blocks. Not for goldmark's output: Hugo
        // counts words in the page's plain text (see `RenderedMarkdown.summaryHTML`).
        var leadingTexts: [String] = [], leadingWords = 0
        let wordCounts: [Int] = options.goldmarkHTML ? [] : root.children.map { block in
            let text = MarkdownPlainText.of(block, includingRawHTML: options.unsafeHTML)
            let count = MarkdownPlainText.wordCount(text)
            if leadingWords < Self.leadingWordCount && !text.isEmpty {
                leadingTexts.append(text)
                leadingWords += count
            }
            return count
        }
        let startsSection = root.children.map { $0.type == CMARK_NODE_HEADING }
        let wordCount = wordCounts.reduce(0, +)

        let hooked = hooks.isEmpty ? nil : hooks.prepare(root, typographer: typographer)
        if let typographer {
            GoldmarkHTML.rewriteLeaves(in: root, document: document, typographer: typographer, keepingImages: hooks.image != nil)
        }
        hooked?.apply(in: document)
        var toc = TableOfContentsBuilder()
        for anchor in anchors {
            toc.add(HeadingRewriter.replace(anchor, in: document, hook: hooks.heading))
        }
        let tocLevels = options.tocStartLevel...max(options.tocStartLevel, options.tocEndLevel)
        let tocEntries = toc.entries(levels: tocLevels)
        // Footnote definitions, which cmark moves to the end of the document, are not content blocks.
        let contentBlockCount = root.children.count(where: { $0.type != CMARK_NODE_FOOTNOTE_DEFINITION })
        if options.goldmarkHTML {
            GoldmarkHTML.rewriteContainers(in: root, document: document, highlighting: options.highlighting)
            GoldmarkFootnotes.apply(to: root, in: document)
        }

        var html = document.html(of: root)
        if options.goldmarkHTML { html = GoldmarkHTML.gluingCodeBlocks(html) }
        // Hugo trims the content around a summary divider, and the summary.
        let trims = options.goldmarkHTML && manualSummaryBlocks != nil
        if trims { html = html.trimmingWhiteSpace }
        let summaryBlockCount = manualSummaryBlocks
            ?? (options.goldmarkHTML ? contentBlockCount : nil)
            ?? SummaryDivider.automaticBlockCount(
                wordCounts: Array(wordCounts.prefix(contentBlockCount)), startsSection: startsSection,
                limit: options.summaryLength)
        let isTruncated = summaryBlockCount < contentBlockCount

        return RenderedMarkdown(
            html: html,
            summaryHTML: isTruncated ? summary(of: document, firstBlocks: summaryBlockCount, trimmed: trims) : html,
            hasManualSummary: manualSummaryBlocks != nil,
            isTruncated: isTruncated,
            tableOfContents: tocEntries,
            tocHTML: tocEntries.isEmpty ? "" : toc.html(levels: tocLevels),
            headings: toc.rows,
            leadingPlainText: leadingTexts.joined(separator: "\n"),
            wordCount: wordCount,
            readingTime: (wordCount + 212) / 213
        )
    }

    /// Hugo's page parser takes the first `<!--more-->` wherever it is, even inside a paragraph,
    /// and puts it between blank lines: the text before it ends a block.
    static func dividerOnItsOwn(_ markdown: String) -> String {
        // On the bytes: a String search walks characters, and this runs on every page.
        let divider = Array("<!--more-->".utf8)
        let bytes = markdown.utf8
        var index = bytes.startIndex
        while let start = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if bytes[start...].starts(with: divider) {
                let end = bytes.index(start, offsetBy: divider.count)
                return markdown[..<start] + "\n\n<!--more-->\n\n" + markdown[end...]
            }
            index = bytes.index(after: start)
        }
        return markdown
    }

    /// Enough words for a description (30) even after shortcode placeholders are taken out.
    static let leadingWordCount = 100

    private var parseOptions: Int32 {
        CMARK_OPT_FOOTNOTES | (options.smartPunctuation ? CMARK_OPT_SMART : 0)
    }

    private var renderOptions: Int32 {
        parseOptions | (options.unsafeHTML ? CMARK_OPT_UNSAFE : 0)
    }

    private func resolveDestinations(in root: CmarkNode, with resolve: (String, LinkKind) -> String) {
        for node in root.descendants {
            switch node.type {
            case CMARK_NODE_LINK: node.url = resolve(node.url, .link)
            case CMARK_NODE_IMAGE: node.url = resolve(node.url, .image)
            default: break
            }
        }
    }

    private func summary(of document: CmarkDocument, firstBlocks count: Int, trimmed: Bool) -> String {
        var html = Self.html(of: document, firstBlocks: count)
        if trimmed { html = html.trimmingWhiteSpace }
        return options.goldmarkHTML ? GoldmarkHTML.gluingCodeBlocks(html) : html
    }

    /// Renders only the first `count` top-level blocks. The others are detached for the render,
    /// not freed: footnote references point at their definitions.
    private static func html(of document: CmarkDocument, firstBlocks count: Int) -> String {
        let tail = document.root.children.dropFirst(count)
        for block in tail { block.unlink() }
        defer { for block in tail { document.root.append(block) } }
        return document.html(of: document.root)
    }
}
