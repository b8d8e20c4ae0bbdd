import Foundation

/// One templated output of a site, rendered, with what it read (when reads are recorded).
struct RenderedOutput: Sendable {
    var file: OutputFile
    /// The template it was rendered with; nil for none (never stored: such an output is an error).
    var template: String?
    var reads: PageReads?
}

/// Renders the templated outputs of the site, in parallel: pages (with their pagers), RSS feeds,
/// the sitemap and the 404 page. Every output is planned first (its path and template), so that a
/// rebuild can render only some of them.
struct SiteRenderer: Sendable {
    let context: RenderContext
    let templates: TemplateSet

    /// One unit of rendering work: a pager of a list page, a single page, a feed.
    fileprivate enum Job: Sendable {
        case page(Site.PageID, pager: Int, pagers: [[Site.PageID]])
        case feed(Site.PageID)
        case sitemap
    }

    /// An output before it is rendered: where it goes and which template renders it.
    struct Planned: Sendable {
        fileprivate let job: Job
        let path: String
        let template: String?
    }

    /// Renders `planned` outputs of this site, each counted by `counter` when done.
    func render(_ planned: [Planned], counter: StageCounter? = nil) -> (outputs: [RenderedOutput], problems: [Diagnostic]) {
        let results = planned.parallelMap { planned in
            defer { counter?.countOne() }
            let (result, reads) = ReadRecorder.recording(context.recordsReads) {
                Result(catching: { () throws(DiagnosticList) in try render(planned) })
            }
            return result.map { RenderedOutput(file: $0, template: planned.template, reads: reads) }
        }
        var outputs: [RenderedOutput] = [], problems: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let output): outputs.append(output)
            case .failure(let list): problems += list.diagnostics
            }
        }
        // An unknown key in a shared template fails every page that uses it: say it once.
        var seen: Set<Diagnostic> = []
        return (outputs, problems.filter { seen.insert($0).inserted })
    }

    private var site: Site { context.site }

    /// Every output of the site, in order.
    func plan() -> [Planned] {
        var planned: [Planned] = []
        for id in site.renderedPages {
            let page = site[id]
            let template = templates.first(of: TemplateLookup.candidates(for: page, taxonomies: site.config.taxonomies))
            if page.isListPage && page.kind != .taxonomy {
                let pagers = paginate(site.members[id] ?? [])
                for number in 1...pagers.count {
                    planned.append(Planned(job: .page(id, pager: number, pagers: pagers),
                                           path: OutputPath.file(forURLPath: PaginatorView.path(of: number, listPath: page.path)),
                                           template: template))
                }
            } else {
                planned.append(Planned(job: .page(id, pager: 1, pagers: [[]]), path: page.outputPath, template: template))
            }
            if context.hasFeed(id), let feed = templates.first(of: TemplateLookup.feed(for: page)) {
                planned.append(Planned(job: .feed(id), path: OutputPath.file(forURLPath: page.path + "index.xml"), template: feed))
            }
        }
        if let sitemap = templates.first(of: TemplateLookup.sitemap) {
            let path = Sitemaps.path(for: site, multilingual: context.sites.count > 1)
            planned.append(Planned(job: .sitemap, path: OutputPath.file(forURLPath: path), template: sitemap))
        }
        return planned
    }

    /// Splits a list into pagers of `paginate` pages; an empty list still has one (empty) pager.
    private func paginate(_ pages: [Site.PageID]) -> [[Site.PageID]] {
        let size = max(1, site.config.paginate)
        guard !pages.isEmpty else { return [[]] }
        return stride(from: 0, to: pages.count, by: size).map { Array(pages[$0..<min($0 + size, pages.count)]) }
    }

    private func render(_ planned: Planned) throws(DiagnosticList) -> OutputFile {
        switch planned.job {
        case .page(let id, let number, let pagers):
            let page = site[id]
            guard let name = planned.template else {
                throw DiagnosticList([.error(page.sourceLabel, "no template for this \(page.kind.rawValue) page; tried "
                    + TemplateLookup.candidates(for: page, taxonomies: site.config.taxonomies).map { "templates/\($0).mustache" }.joined(separator: ", "))])
            }
            let paginator = page.isListPage && page.kind != .taxonomy
                ? PaginatorView(context: context, list: id, pagers: pagers, number: number) : nil
            let root = RootView(context: context, page: id, paginator: paginator)
            return OutputFile(path: planned.path, content: .text(try templates.render(name, root)))
        case .feed(let id):
            let root = RootView(context: context, page: id, pagesOverride: context.feedPages(of: id), paginator: nil)
            return OutputFile(path: planned.path, content: .text(try templates.render(planned.template!, root)))
        case .sitemap:
            let listed = site.renderedPages.filter { site[$0].kind != .notFound }
            let root = RootView(context: context, page: site.home, pagesOverride: listed, paginator: nil)
            return OutputFile(path: planned.path, content: .text(try templates.render(planned.template!, root)))
        }
    }
}
