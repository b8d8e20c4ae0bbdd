import Foundation

/// Renders every templated output of the site, in parallel: pages (with their pagers), RSS feeds,
/// the sitemap and the 404 page.
struct SiteRenderer: Sendable {
    let context: RenderContext
    let templates: TemplateSet

    /// One unit of rendering work: a pager of a list page, a single page, a feed.
    private enum Job: Sendable {
        case page(Site.PageID, pager: Int, pagers: [[Site.PageID]])
        case feed(Site.PageID)
        case sitemap
    }

    func render() -> (files: [OutputFile], problems: [Diagnostic]) {
        let results = jobs().parallelMap { job in
            Result(catching: { () throws(DiagnosticList) in try render(job) })
        }
        var files: [OutputFile] = [], problems: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let list): problems += list.diagnostics
            }
        }
        // An unknown key in a shared template fails every page that uses it: say it once.
        var seen: Set<Diagnostic> = []
        return (files, problems.filter { seen.insert($0).inserted })
    }

    private var site: Site { context.site }

    private func jobs() -> [Job] {
        var jobs: [Job] = []
        for id in site.renderedPages {
            let page = site[id]
            if page.isListPage && page.kind != .taxonomy {
                let pagers = paginate(site.members[id] ?? [])
                for number in 1...pagers.count { jobs.append(.page(id, pager: number, pagers: pagers)) }
            } else {
                jobs.append(.page(id, pager: 1, pagers: [[]]))
            }
            if context.hasFeed(id) && templates.first(of: TemplateLookup.feed(for: page)) != nil {
                jobs.append(.feed(id))
            }
        }
        if templates.first(of: TemplateLookup.sitemap) != nil { jobs.append(.sitemap) }
        return jobs
    }

    /// Splits a list into pagers of `paginate` pages; an empty list still has one (empty) pager.
    private func paginate(_ pages: [Site.PageID]) -> [[Site.PageID]] {
        let size = max(1, site.config.paginate)
        guard !pages.isEmpty else { return [[]] }
        return stride(from: 0, to: pages.count, by: size).map { Array(pages[$0..<min($0 + size, pages.count)]) }
    }

    private func render(_ job: Job) throws(DiagnosticList) -> OutputFile {
        switch job {
        case .page(let id, let number, let pagers):
            let page = site[id]
            guard let name = templates.first(of: TemplateLookup.candidates(for: page, taxonomies: site.config.taxonomies)) else {
                throw DiagnosticList([.error(page.sourceLabel, "no template for this \(page.kind.rawValue) page; tried "
                    + TemplateLookup.candidates(for: page, taxonomies: site.config.taxonomies).map { "templates/\($0).mustache" }.joined(separator: ", "))])
            }
            let paginator = page.isListPage && page.kind != .taxonomy
                ? PaginatorView(context: context, list: id, pagers: pagers, number: number) : nil
            let root = RootView(context: context, page: id, paginator: paginator)
            let path = PaginatorView.path(of: number, listPath: page.path)
            return OutputFile(path: OutputPath.file(forURLPath: path), content: .text(try templates.render(name, root)))
        case .feed(let id):
            let page = site[id]
            let name = templates.first(of: TemplateLookup.feed(for: page))!
            let root = RootView(context: context, page: id, pagesOverride: context.feedPages(of: id), paginator: nil)
            return OutputFile(path: OutputPath.file(forURLPath: page.path + "index.xml"), content: .text(try templates.render(name, root)))
        case .sitemap:
            let name = templates.first(of: TemplateLookup.sitemap)!
            let listed = site.renderedPages.filter { site[$0].kind != .notFound }
            let root = RootView(context: context, page: site.home, pagesOverride: listed, paginator: nil)
            let path = Sitemaps.path(for: site, multilingual: context.sites.count > 1)
            return OutputFile(path: OutputPath.file(forURLPath: path), content: .text(try templates.render(name, root)))
        }
    }
}
