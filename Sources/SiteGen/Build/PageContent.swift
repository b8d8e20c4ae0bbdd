import Synchronization

/// Turns one page's Markdown into HTML: shortcodes, then emoji, then cmark with the site's render
/// hooks and resolved links, then the `{{< >}}` shortcode outputs put back.
struct PageContent: Sendable {
    let markdown: MarkdownRenderer
    let resolver: DestinationResolver
    let references: PageReferences
    let templates: TemplateSet?
    let enableEmoji: Bool
    /// For a site on Hugo templates: its shortcodes and render hooks, and the pages they see.
    var hugo: HugoMarkdownSites? = nil

    func render(_ id: Site.PageID, in context: RenderContext, problems: WarningLog) -> RenderedMarkdown {
        let page = context.site[id]
        let hooks = hugo.map { hugo in
            guard !hugo.layouts.renderHooks.isEmpty else { return RenderHooks() }
            let host = hugo.host(context.index)
            return HugoRenderHooks.make(layouts: hugo.layouts, host: host, page: host.site.pages[id], problems: problems)
        } ?? templates.map { TemplateRenderHooks.make(templates: $0, context: context, page: id, problems: problems) } ?? RenderHooks()
        // Hugo writes a link's destination as it is (`diagram.png` stays relative to the page); only
        // SiteGen's own templates resolve bundle files and Markdown files to their URLs.
        let resolve = { (destination: String, kind: LinkKind) in
            hugo == nil ? resolver.resolve(destination, kind: kind, for: page) : destination
        }
        let shortcodes = shortcodes(for: id, in: context, hooks: hooks,
                                    writesAny: Self.mayHaveShortcodes(page.body) || Self.mayHaveShortcodes(page.frontMatter.summary ?? ""))

        var rendered = render(page.body, firstLine: page.bodyStartLine, page: page, shortcodes: shortcodes,
                              hooks: hooks, resolve: resolve, problems: problems)
        if let summary = page.frontMatter.summary, !summary.isEmpty {
            rendered.summaryHTML = render(summary, firstLine: page.keyLines.first { $0.key.lowercased() == "summary" }?.value ?? 1, page: page, shortcodes: shortcodes,
                                          hooks: hooks, resolve: resolve, problems: problems).html
            rendered.isTruncated = true
        }
        return rendered
    }

    private func render(_ text: String, firstLine: Int, page: Page, shortcodes: any ShortcodeRendering, hooks: RenderHooks,
                        resolve: (String, LinkKind) -> String, problems: WarningLog) -> RenderedMarkdown {
        let expansion: ShortcodeExpansion
        do {
            expansion = try Shortcodes.expand(text, file: page.sourceLabel, firstLine: firstLine, renderer: shortcodes)
        } catch {
            for problem in error.diagnostics { problems.add(problem) }
            return markdown.render(text, hooks: hooks, resolveDestination: resolve)
        }
        let source = enableEmoji ? Emoji.replace(in: expansion.markdown) : expansion.markdown
        var rendered = markdown.render(source, hooks: hooks, resolveDestination: resolve)
        guard !expansion.placeholders.isEmpty else { return rendered }
        rendered.html = expansion.restore(in: rendered.html)
        rendered.summaryHTML = expansion.restore(in: rendered.summaryHTML)
        rendered.tocHTML = expansion.restore(in: rendered.tocHTML)
        rendered.headings = rendered.headings.map { $0.restoring(expansion) }
        rendered.leadingPlainText = expansion.strip(from: rendered.leadingPlainText)
        return rendered
    }

    /// Whether `text` may call a shortcode: without `{{<` or `{{%`, none is called.
    private static func mayHaveShortcodes(_ text: String) -> Bool {
        var (beforeLast, last): (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if beforeLast == UInt8(ascii: "{"), last == UInt8(ascii: "{"), byte == UInt8(ascii: "<") || byte == UInt8(ascii: "%") { return true }
            (beforeLast, last) = (last, byte)
        }
        return false
    }

    /// `writesAny`: whether the page may call one; when not, a Hugo site's pages need not be made for it.
    private func shortcodes(for id: Site.PageID, in context: RenderContext, hooks: RenderHooks, writesAny: Bool) -> any ShortcodeRendering {
        let site = context.site, page = context.site[id], references = self.references
        let builtins = BuiltinShortcodes { reference in
            references.path(reference, from: page, in: site).map { (site.urls.absolute($0), site.urls.relative($0)) }
        }
        if let hugo {
            guard writesAny else { return builtins }
            let host = hugo.host(context.index)
            let inline = site.config.raw.first { $0.key.lowercased() == "enableinlineshortcodes" }?.value == .bool(true)
            return HugoShortcodes(layouts: hugo.layouts, host: host, page: host.site.pages[id], builtins: builtins,
                                  inline: inline ? InlineShortcodes() : nil)
        }
        let markdown = self.markdown, resolver = self.resolver
        return TemplateShortcodes(
            templates: templates, context: context, page: id, builtins: builtins,
            markdown: { inner in markdown.render(inner, hooks: hooks) { resolver.resolve($0, kind: $1, for: page) }.html },
            resolveImage: { resolver.resolve($0, kind: .image, for: page) })
    }
}

private extension TOCEntry {
    /// The heading with the shortcodes in its title, and in its children's, put back.
    func restoring(_ expansion: ShortcodeExpansion) -> TOCEntry {
        TOCEntry(level: level, title: expansion.restore(in: title), anchor: anchor,
                 children: children.map { $0.restoring(expansion) })
    }
}

/// A site on Hugo templates as its shortcodes and render hooks see it while its Markdown is
/// rendered: each language's pages (without their content yet, which `contentOnDemand` gives),
/// made when a page first needs them — one with a shortcode, or any on a site with render hooks —
/// and not at all for a rebuild of a page that needs neither.
final class HugoMarkdownSites: @unchecked Sendable {
    let layouts: HugoLayouts
    private let make: @Sendable () -> HugoSites
    private let strings: StringTables?
    /// `sites` is kept for the hosts' site objects, which refer to it without owning it.
    private let made = Mutex<(sites: HugoSites, hosts: [RenderHost])?>(nil)
    /// Set before the pages are rendered, on the sites when they are made.
    var contentOnDemand: ContentOnDemand? {
        didSet { made.withLock { $0?.sites.contentOnDemand = contentOnDemand } }
    }

    init(layouts: HugoLayouts, strings: StringTables?, make: @escaping @Sendable () -> HugoSites) {
        self.layouts = layouts
        self.strings = strings
        self.make = make
    }

    func host(_ site: Int) -> RenderHost {
        made.withLock { made in
            if let made { return made.hosts[site] }
            let sites = make()
            sites.contentOnDemand = contentOnDemand
            let hosts = sites.sites.map { RenderHost(site: $0, layouts: layouts, strings: strings) }
            made = (sites, hosts)
            return hosts[site]
        }
    }
}
