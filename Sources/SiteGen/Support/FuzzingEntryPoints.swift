import Foundation

/// The surface the fuzz targets under `Fuzz/` drive, and nothing else uses: the Markdown page pipeline is internal,
/// and this is the one door into it. (The front-matter and shortcode targets need no door: `FrontMatterParser` and
/// `Shortcodes` are public already.)
///
/// One page's text goes through what `sitegen build` does to a content file — front matter, the typed page, its URL,
/// the site model, shortcodes (built-in and the site's templates), emoji, cmark with the site's render hooks — in
/// memory: the site's configuration, templates and other pages are read once, so that an input costs milliseconds.
public struct PagePipelineFuzzing: Sendable {
    private let loader: SiteLoader
    private let content: LoadedContent
    /// The content file whose text each input replaces.
    private let source: ContentSource

    /// Reads the site in `site` (a normal site folder), whose content must hold `pagePath` (from `content/`).
    public init(site: URL, pagePath: String) throws(DiagnosticList) {
        var options = BuildOptions(source: site)
        options.drawCards = false
        // Every page is published, whatever its dates and `draft` say, so that inputs reach the renderer.
        options.includeDrafts = true
        options.includeFuture = true
        options.includeExpired = true
        let templates = try TemplateSet.load(siteTemplates: site.appendingPathComponent("templates"))
        loader = SiteLoader(options: options, templates: templates)
        content = try loader.loadContent()
        if !content.problems.isEmpty { throw DiagnosticList(content.problems) }
        guard let source = content.inventory.sources.first(where: { $0.path == pagePath }) else {
            throw DiagnosticList([.error(pagePath, "no such content file in \(site.path)")])
        }
        self.source = source
    }

    /// The page's HTML with `text` as its file, or nil when the build would reject the page (with diagnostics, as
    /// it must for many inputs).
    public func render(_ text: String) -> String? {
        let pageLoader = loader.pageLoader(content.config, languages: content.languages, index: 0, inventory: content.inventory)
        var content = self.content
        do throws(DiagnosticList) {
            let page = try pageLoader.load(source, text: text)
            content.pagesByLanguage[0].removeAll { $0.source == source }
            if let page { content.pagesByLanguage[0].append(page) }
            let sites = try loader.assemble(content)
            guard let id = sites[0].pages.firstIndex(where: { $0.source == source }) else { return nil }
            let ref = PageRef(site: 0, page: id)
            let rendered = loader.renderMarkdown(sites, content: content, only: [ref])
            return rendered.problems.isEmpty ? rendered.rendered[ref]?.html : nil
        } catch {
            return nil
        }
    }
}
