import Foundation
import GoTemplates

/// Renders a site with Hugo templates the way Hugo does: every page in each of its kind's output
/// formats (with the layout Hugo's lookup finds), the pagers a list's `.Paginator` asks for, the
/// 404 page, each language's sitemap (and the index of them), `robots.txt` and the alias pages.
struct HugoRenderer: Sendable {
    let sites: HugoSites
    let layouts: HugoLayouts
    let strings: StringTables?

    enum Job: Sendable, Hashable {
        /// One page in one format.
        case page(site: Int, page: Site.PageID, format: OutputFormat)
        /// A language's sitemap, aliases and `robots.txt`.
        case siteFiles(site: Int)
    }

    /// What made an output file, and what it read: for an incremental build to run again only
    /// the jobs, and of a list only the pagers, that showed what an edit changed.
    struct OutputRecord: Sendable {
        let job: Job
        /// 1 for a page's first (or only) output, N for its pager N; 0 for a site's other files.
        let pager: Int
        let reads: PageReads
    }

    struct Output {
        var files: [OutputFile] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        /// By output path, when recorded.
        var records: [String: OutputRecord] = [:]
    }

    /// Every job, or `only` those, each with its first pager and the others listed (then without
    /// the files of the site as a whole: the sitemap index, the assets); `progress` is told of
    /// each. `recording`: what each output file reads is noted.
    func render(progress: BuildProgress? = nil, only: [Job: Set<Int>]? = nil, recording: Bool = false) -> Output {
        let hosts = sites.sites.map { RenderHost(site: $0, layouts: layouts, strings: strings) }
        var jobs: [Job] = []
        for site in sites.sites {
            for page in site.pages where !page.model.frontMatter.headless {
                for format in sites.formats.formats(for: page.model.kind) {
                    jobs.append(.page(site: site.index, page: page.id, format: format))
                }
            }
        }
        jobs += sites.sites.map { .siteFiles(site: $0.index) }
        if let only { jobs = jobs.filter { only[$0] != nil } }
        // The lists first, longest first: one renders all its pagers, and left for the end it
        // would keep one core busy while the others wait. A sitemap lists every page.
        func weight(_ job: Job) -> Int {
            switch job {
            case .siteFiles(let site):
                return sites.sites[site].pages.count
            case .page(let site, let id, _):
                let page = sites.sites[site].pages[id]
                switch page.model.kind {
                case .page, .notFound: return 0
                case .home: return sites.sites[site].regularPages.count
                case .section, .taxonomy, .term: return 1 + page.children.count
                }
            }
        }
        // The 404 pages after all the others, as Hugo renders them: a `partialCached` keyed by the
        // 404 page gets what the home page cached (see `HostFunctions.variantKey`).
        func isNotFound(_ job: Job) -> Bool {
            guard case .page(let site, let id, _) = job else { return false }
            return sites.sites[site].pages[id].model.kind == .notFound
        }
        let counter = progress.counter(.templates, total: jobs.count)
        var results = [Result<Rendered, DiagnosticList>?](repeating: nil, count: jobs.count)
        for batch in [jobs.indices.filter { !isNotFound(jobs[$0]) }, jobs.indices.filter { isNotFound(jobs[$0]) }] {
            let order = batch.map { ($0, weight(jobs[$0])) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            for (index, result) in zip(order, order.map { jobs[$0] }.parallelMap { job in
                defer { counter?.countOne() }
                return render(job, pagers: only?[job], hosts: hosts, recording: recording)
            }) {
                results[index] = result
            }
        }
        var output = Output()
        for (job, result) in zip(jobs, results.map { $0! }) {
            switch result {
            case .success(let rendered):
                output.files += rendered.files
                output.warnings += rendered.warnings
                for (path, (pager, reads)) in rendered.reads { output.records[path] = OutputRecord(job: job, pager: pager, reads: reads) }
            case .failure(let list):
                output.problems += list.diagnostics
            }
        }
        if only == nil {
            if sites.sites.count > 1, !sites.formats.disabled.contains("sitemap"), let index = try? sitemapIndex(host: hosts[0]) { output.files.append(index) }
            output.files += layouts.assets.publishedFiles
        }
        // A template that fails on every page is reported once.
        output.problems = DiagnosticList(unique: output.problems).diagnostics
        return output
    }

    private struct Rendered: Sendable {
        var files: [OutputFile] = []
        var warnings: [Diagnostic] = []
        /// By output path, its pager and what it read, when recorded.
        var reads: [String: (pager: Int, reads: PageReads)] = [:]
    }

    private func descriptor(of page: PageObject) -> LayoutDescriptor {
        var section = page.section
        if page.model.kind == .taxonomy || page.model.kind == .term {
            section = page.site.model.taxonomies.first { $0.page == page.id || $0.terms.contains { $0.page == page.id } }?.singular ?? section
        }
        let kind = page.kind
        return LayoutDescriptor(kind: kind, type: page.type, section: section,
                                layout: page.model.frontMatter.layout ?? "", language: page.site.language.code)
    }

    /// `pagers`: of a list, the pagers after the first to render; nil for all.
    private func render(_ job: Job, pagers: Set<Int>?, hosts: [RenderHost], recording: Bool) -> Result<Rendered, DiagnosticList> {
        switch job {
        case .page(let site, let page, let format):
            return render(page, in: format, pagers: pagers, host: hosts[site], recording: recording)
        case .siteFiles(let site):
            let (result, reads) = ReadRecorder.recording(recording) {
                Result { () throws(DiagnosticList) in try siteFiles(hosts[site]) }
            }
            return result.map { files in
                Rendered(files: files, reads: reads.map { reads in Dictionary(files.map { ($0.path, (0, reads)) }) { $1 } } ?? [:])
            }
        }
    }

    private func render(_ id: Site.PageID, in format: OutputFormat, pagers: Set<Int>?, host: RenderHost,
                        recording: Bool) -> Result<Rendered, DiagnosticList> {
        Result { () throws(DiagnosticList) -> Rendered in
            // An object of its own for this render: what `.Paginator` decides belongs to it.
            let page = host.site.pages[id].forPager(1, format: format.name)
            var rendered = Rendered()
            guard let (set, name) = try layouts.layout(for: descriptor(of: page), format: format) else {
                if format.isHTML && page.model.kind != .notFound {
                    rendered.warnings.append(.warning(page.model.sourceLabel,
                        "found no layout file for \"\(format.name.uppercased())\" for kind \"\(page.kind)\": You should create a template file which matches Hugo Layouts Lookup Rules for this combination."))
                }
                return rendered
            }
            // Each language's 404 page is in its folder (`fr/404.html`), the default language's at the root.
            let path = OutputPath.file(forURLPath: page.model.kind == .notFound ? host.site.home.model.path + "404.html" : page.path(in: format))
            // What each output reads, pager by pager, when recorded.
            func executed(_ page: PageObject, at path: String) throws(DiagnosticList) -> String {
                let (result, reads) = ReadRecorder.recording(recording) {
                    Result { () throws(DiagnosticList) in try execute(set, name, page: page, host: host) }
                }
                if let reads { rendered.reads[path] = (page.pagerNumber, reads) }
                return try result.get()
            }
            var text = try executed(page, at: path)
            if page.model.kind == .home && format.isHTML { text = withGenerator(text, config: host.site.model.config) }
            rendered.files.append(OutputFile(path: path, content: .text(published(text, at: path, format: format, site: host.site))))
            // The pagers after the first, when the template paginated.
            if let paginator = page.paginator.withLock({ $0 }) {
                for number in stride(from: 2, through: paginator.totalPagers, by: 1) where pagers?.contains(number) ?? true {
                    let pager = page.forPager(number)
                    do {
                        _ = try pager.paginator(of: paginator.pages, size: .int(paginator.size))
                    } catch {
                        throw DiagnosticList([.error(page.model.sourceLabel, "\(error)")])
                    }
                    let path = OutputPath.file(forURLPath: paginator.path(of: number))
                    var output = try executed(pager, at: path)
                    // Hugo names itself on every pager of the home page.
                    if page.model.kind == .home && format.isHTML { output = withGenerator(output, config: host.site.model.config) }
                    rendered.files.append(OutputFile(path: path, content: .text(published(output, at: path, format: format, site: host.site))))
                }
                if format.isHTML {
                    // Hugo sends `/page/1/` to the list itself.
                    let alias = try alias(from: page.model.path + "page/1/", to: page, host: host)
                    rendered.files.append(alias)
                    // It reads nothing of the pages, but goes when the list stops paginating.
                    if recording { rendered.reads[alias.path] = (1, PageReads()) }
                }
            }
            return rendered
        }
    }

    /// What Hugo's publisher does to an output before writing it: root-relative URLs made absolute
    /// in RSS always, and in HTML with `canonifyURLs` or (made relative) `relativeURLs`.
    private func published(_ text: String, at path: String, format: OutputFormat, site: SiteObject) -> String {
        let config = site.model.config
        let base = config.relativeURLs ? AbsoluteURLRewriter.dottedRelativePath(toFile: path) : site.model.urls.baseURL
        if format.name == "rss" { return AbsoluteURLRewriter(base: base, quotes: .xml).rewrite(text) }
        let canonify = config.raw.first { $0.key.lowercased() == "canonifyurls" }?.value == .bool(true)
        if format.isHTML && (config.relativeURLs || canonify) { return AbsoluteURLRewriter(base: base, quotes: .html).rewrite(text) }
        return text
    }

    /// Hugo names itself in the home page's `<head>` unless the page does or `disableHugoGeneratorInject`
    /// is set; SiteGen names itself the same way.
    private func withGenerator(_ html: String, config: SiteConfig) -> String {
        let disabled = config.raw.first { $0.key.lowercased() == "disablehugogeneratorinject" }?.value == .bool(true)
        // On the bytes, without a regex: this runs on every pager of the home page.
        var html = html
        let head = html.withUTF8 { bytes -> Int? in
            guard !Self.namesGenerator(bytes) else { return nil }
            return bytes.firstIndex(of: Array("<head>".utf8), from: 0)
        }
        guard !disabled, let head else { return html }
        let utf8 = html.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: head + "<head>".utf8.count)
        return html[..<end] + "\n\t<meta name=\"generator\" content=\"\(Builder.generator)\">" + html[end...]
    }

    /// Whether `html` has a `<meta name="generator"` (white space between the two), anywhere.
    private static func namesGenerator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let meta = Array("<meta".utf8), name = Array(#"name="generator""#.utf8)
        var start = 0
        while let found = bytes.firstIndex(of: meta, from: start) {
            var i = found + meta.count
            while i < bytes.count, bytes[i] == 0x20 || (0x09...0x0D).contains(bytes[i]) { i += 1 }
            if i > found + meta.count, bytes[i...].starts(with: name) { return true }
            start = found + meta.count
        }
        return false
    }

    private func execute(_ set: GoTemplateSet, _ name: String, page: any TemplateObject, host: RenderHost) throws(DiagnosticList) -> String {
        do throws(TemplateExecutionError) {
            return try set.execute(name, data: .object(page), host: host)
        } catch {
            throw DiagnosticList([Self.diagnostic(error)])
        }
    }

    static func diagnostic(_ error: TemplateExecutionError) -> Diagnostic {
        var message = error.message
        for caller in error.callers { message += "\n    called from \(caller.template):\(caller.position)" }
        return .error(error.template, line: error.position?.line, column: error.position?.column, message)
    }

    // MARK: Site-wide files

    private func siteFiles(_ host: RenderHost) throws(DiagnosticList) -> [OutputFile] {
        var files: [OutputFile] = []
        let site = host.site
        // The default language's folder sends to the root it is published at, or the root to the
        // folder; Hugo links the root by the configured base URL as written (`AbsURL("")`).
        let config = site.model.config
        if sites.sites.count > 1, site.language.code == config.defaultContentLanguage {
            if config.defaultContentLanguageInSubdir {
                files.append(try alias(from: "/", to: site.home, host: host))
            } else {
                let written = config.raw.first { $0.key.lowercased() == "baseurl" }?.value.string ?? ""
                let root = written.contains("://") ? written : site.home.permalink
                files.append(try alias(from: "/\(site.language.code)/", to: site.home, permalink: root, host: host))
            }
        }
        for page in site.pages where !page.model.frontMatter.headless {
            for path in page.model.aliases {
                files.append(try alias(from: path, to: page, host: host))
            }
        }
        let disabled = sites.formats.disabled
        if !disabled.contains("sitemap"), let sitemap = try layouts.layout(for: LayoutDescriptor(kind: "sitemap", type: "", section: "", language: site.language.code), format: .sitemap) {
            // A multilingual site has a sitemap per language in its folder, the default language's too.
            let path = sites.sites.count > 1 ? "/\(site.language.code)/sitemap.xml" : "/sitemap.xml"
            files.append(OutputFile(path: OutputPath.file(forURLPath: path),
                                    content: .text(try execute(sitemap.set, sitemap.name, page: sitemapPage(site), host: host))))
        }
        if site.index == 0, site.model.config.enableRobotsTXT, !disabled.contains("robotstxt"),
           let robots = try layouts.layout(for: LayoutDescriptor(kind: "robotsTXT", type: "", section: "", language: site.language.code), format: .robots) {
            files.append(OutputFile(path: "robots.txt", content: .text(try execute(robots.set, robots.name, page: site.home, host: host))))
        }
        return files
    }

    /// The page a sitemap template sees: the home page, whose `.Data.Pages` are all the pages.
    private func sitemapPage(_ site: SiteObject) -> SitemapPageObject { SitemapPageObject(site) }

    private func sitemapIndex(host: RenderHost) throws(DiagnosticList) -> OutputFile? {
        guard let index = try layouts.layout(for: LayoutDescriptor(kind: "sitemapindex", type: "", section: "", language: ""), format: .sitemap) else { return nil }
        return OutputFile(path: "sitemap.xml", content: .text(try execute(index.set, index.name, page: host.site.home, host: host)))
    }

    /// The redirect page Hugo writes at an alias (`alias.html`, the site's or Hugo's own).
    private func alias(from path: String, to page: PageObject, permalink: String? = nil, host: RenderHost) throws(DiagnosticList) -> OutputFile {
        let name = layouts.html.has("alias.html") ? "alias.html" : "_internal/alias.html"
        let data = TemplateValue.map(ValueMap(["Permalink": .string(permalink ?? page.permalink), "Page": .object(page)]))
        let text: String
        do throws(TemplateExecutionError) {
            text = try layouts.html.execute(name, data: data, host: host)
        } catch {
            throw DiagnosticList([Self.diagnostic(error)])
        }
        var target = path.hasPrefix("/") ? path : "/" + path
        if !target.hasSuffix("/") && !target.hasSuffix(".html") { target += "/" }
        return OutputFile(path: OutputPath.file(forURLPath: target), content: .text(text))
    }
}
