import Foundation
import Thumbnails

/// The Open Graph card of every page: 1200×630, the page's title over its own image (darkened) or
/// the configured background, a second line (section · date · author) and the site's logo.
/// Drawn on all cores through the image cache, so an unchanged page's card is never drawn twice.
struct ShareCards: Sendable {
    static let width = 1200, height = 630

    let sites: [Site]
    let siteDirectory: URL
    let cache: ImageCache

    /// Where a page's card is published, or nil when the page has none (turned off for its
    /// section or by `card: false`, or a 404 page).
    static func path(for page: Page, config: CardsConfig) -> String? {
        let settings = config.forSection(page.section)
        guard settings.enable, page.kind != .notFound, !page.frontMatter.headless,
              page.frontMatter.params.value(forKeyIgnoringCase: "card")?.bool != false else { return nil }
        let folder = page.path.hasSuffix("/") ? page.path : page.path.deletingLastPathSegment + "/"
        return folder + "og-card." + fileExtension(settings.format)
    }

    static func fileExtension(_ format: String) -> String {
        switch format { case "png": return "png"; case "webp": return "webp"; default: return "jpg" }
    }

    struct Output: Sendable {
        var files: [OutputFile]
        var warnings: [Diagnostic]
    }

    /// Where a section's thumbnail is published, when the section has one configured.
    static func thumbnailPath(section: String, in site: Site) -> String? {
        guard !section.isEmpty, site.config.thumbnails[section] != nil,
              let id = site.topLevelSections.first(where: { site[$0].section == section }) else { return nil }
        return site[id].path + "og-section.jpg"
    }

    /// Every page's card and every section thumbnail; with `pages`, only the cards that show
    /// something of those pages (their own, and their section pages' for the section's title).
    /// `progress` is told of each page's card.
    func render(pages: Set<PageRef>? = nil, progress: BuildProgress? = nil) -> Output {
        var jobs: [(site: Int, page: Site.PageID, path: String)] = []
        for (siteIndex, site) in sites.enumerated() {
            for id in site.renderedPages {
                if let pages, !shows(any: pages, PageRef(site: siteIndex, page: id)) { continue }
                if let path = Self.path(for: site[id], config: site.config.cards) { jobs.append((siteIndex, id, path)) }
            }
        }
        let logos = logoSources()
        var output = renderPageCards(jobs, logos: logos, counter: progress.counter(.cards, total: jobs.count))
        output.files += renderThumbnails(logos: logos, warnings: &output.warnings)
        return output
    }

    private func shows(any pages: Set<PageRef>, _ card: PageRef) -> Bool {
        if pages.contains(card) { return true }
        let site = sites[card.site]
        guard let section = site.topLevelSections.first(where: { site[$0].section == site[card.page].section }) else { return false }
        return pages.contains(PageRef(site: card.site, page: section))
    }

    /// One thumbnail per configured section and language.
    private func renderThumbnails(logos: [String: ImageSource], warnings: inout [Diagnostic]) -> [OutputFile] {
        var files: [OutputFile] = []
        for site in sites {
            for (section, settings) in site.config.thumbnails.sorted(by: { $0.key < $1.key }) {
                guard let path = Self.thumbnailPath(section: section, in: site),
                      let id = site.topLevelSections.first(where: { site[$0].section == section }) else { continue }
                var style = style(site.config.cards)
                style.background = Self.background(settings.background) ?? style.background
                style.format = .jpeg
                let staticFolder = siteDirectory.appendingPathComponent("static")
                let content = CardContent(
                    title: settings.title ?? site[id].title, subtitle: site.config.title,
                    backgroundImage: settings.image.flatMap { try? ImageSource(contentsOf: staticFolder.appendingPathComponent($0)) },
                    logo: settings.logo.flatMap { logos[$0] ?? (try? ImageSource(contentsOf: staticFolder.appendingPathComponent($0))) },
                    language: site.language.locale)
                do {
                    let renderer = CardRenderer(style: style)
                    _ = try renderer.render(content, cache: cache)
                    files.append(OutputFile(path: OutputPath.file(forURLPath: path), content: .copy(cache.url(for: renderer.cacheKey(for: content), fileExtension: "jpg"))))
                } catch {
                    warnings.append(.warning(site.config.file ?? "configuration", "cannot draw the thumbnail of section '\(section)': \(error)"))
                }
            }
        }
        return files
    }

    private func renderPageCards(_ jobs: [(site: Int, page: Site.PageID, path: String)], logos: [String: ImageSource],
                                 counter: StageCounter?) -> Output {
        let results = jobs.parallelMap { job -> Result<OutputFile, Diagnostic> in
            defer { counter?.countOne() }
            let site = sites[job.site], page = site[job.page]
            let settings = site.config.cards.forSection(page.section)
            do {
                let url = try drawToCache(page, in: site, settings: settings, logo: settings.logo.flatMap { logos[$0] })
                return .success(OutputFile(path: OutputPath.file(forURLPath: job.path), content: .copy(url)))
            } catch {
                return .failure(.warning(page.sourceLabel, "cannot draw the share card: \(error)"))
            }
        }
        var output = Output(files: [], warnings: [])
        for result in results {
            switch result {
            case .success(let file): output.files.append(file)
            case .failure(let warning): output.warnings.append(warning)
            }
        }
        return output
    }

    /// Draws a page's card into the cache (unless it is there already) and returns the cached file.
    private func drawToCache(_ page: Page, in site: Site, settings: CardsConfig, logo: ImageSource?) throws -> URL {
        let renderer = CardRenderer(style: style(settings))
        let content = content(of: page, in: site, settings: settings, logo: logo)
        _ = try renderer.render(content, cache: cache)
        return cache.url(for: renderer.cacheKey(for: content), fileExtension: Self.fileExtension(settings.format))
    }

    /// One page's card, as bytes.
    func draw(_ page: Page, in site: Site, settings: CardsConfig) throws -> Data {
        try Data(contentsOf: drawToCache(page, in: site, settings: settings, logo: settings.logo.flatMap { logoSources()[$0] }))
    }

    private func style(_ settings: CardsConfig) -> CardStyle {
        var style = CardStyle()
        style.background = Self.background(settings.background) ?? style.background
        style.titleMaxLines = max(1, settings.maxLines)
        style.format = ImageInfo.Format(rawValue: settings.format) ?? .jpeg
        return style
    }

    /// One colour, or a gradient between the first two; nil when none is given.
    private static func background(_ colours: [String]) -> CardStyle.Background? {
        let parsed = colours.compactMap(RGBColor.init(hex:))
        if parsed.count >= 2 { return .gradient(from: parsed[0], to: parsed[1], angle: 35) }
        return parsed.first.map { .color($0) }
    }

    private func content(of page: Page, in site: Site, settings: CardsConfig, logo: ImageSource?) -> CardContent {
        let title = page.title.isEmpty ? site.config.title : page.title
        let parts: [String?] = settings.subtitle.map { part -> String? in
            switch part {
            case .section:
                guard page.kind == .page else { return nil }
                return site.topLevelSections.first { site[$0].section == page.section }.map { site[$0].title }
            case .date:
                return page.kind == .page ? page.date.map { DateView($0, locale: site.language.locale).localized } : nil
            case .author:
                return page.frontMatter.authors.isEmpty ? nil : page.frontMatter.authors.joined(separator: ", ")
            }
        }
        let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
        var background: ImageSource?
        if settings.pageImage, let name = page.frontMatter.image,
           let resource = page.resources.first(where: { $0.name == name && $0.image != nil }) {
            background = try? ImageSource(contentsOf: resource.sourceURL)
        }
        return CardContent(title: title, subtitle: present.isEmpty ? nil : present.joined(separator: " · "),
                           backgroundImage: background, logo: logo, language: site.language.locale)
    }

    /// Every configured logo, read once.
    private func logoSources() -> [String: ImageSource] {
        var logos: [String: ImageSource] = [:]
        for site in sites {
            for settings in [site.config.cards] + Array(site.config.cards.sections.values) {
                guard let logo = settings.logo, logos[logo] == nil else { continue }
                let url = siteDirectory.appendingPathComponent("static").appendingPathComponent(logo)
                logos[logo] = try? ImageSource(contentsOf: url)
            }
        }
        return logos
    }
}

/// One page's card, for `sitegen card`.
public struct ShareCard: Sendable {
    public var data: Data
    public var width: Int
    public var height: Int
    /// `news-25.jpg` for `newsletter/news-25`.
    public var suggestedName: String

    /// Draws the card of the page at `contentPath` (`newsletter/news-25`, `about.fr.md`, `/`), in
    /// `format` (`jpeg`, `png`, `webp`) or else the one its section's card settings give.
    public static func draw(_ contentPath: String, format: String? = nil, options: BuildOptions) throws(DiagnosticList) -> ShareCard {
        let loaded = try Builder(options: options).buildSites()
        let trimmed = contentPath.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        for site in loaded.sites {
            for page in site.pages where page.source.map({ matches($0, trimmed) }) ?? (trimmed.isEmpty && page.kind == .home) {
                let cache = ImageCache(directory: options.cacheDirectory.appendingPathComponent("cards"))
                let cards = ShareCards(sites: [site], siteDirectory: options.source, cache: cache)
                var settings = site.config.cards.forSection(page.section)
                if let format { settings.format = format }
                do {
                    let data = try cards.draw(page, in: site, settings: settings)
                    let base = trimmed.isEmpty ? "home" : ((trimmed as NSString).lastPathComponent as NSString).deletingPathExtension
                    return ShareCard(data: data, width: ShareCards.width, height: ShareCards.height,
                                     suggestedName: base + "." + ShareCards.fileExtension(settings.format))
                } catch {
                    throw DiagnosticList([.error(page.sourceLabel, "cannot draw the share card: \(error)")])
                }
            }
        }
        throw DiagnosticList([.error(contentPath, "no page at this content path (try newsletter/news-25 or blog/post.md)")])
    }

    /// `about.fr.md` and `about.fr` match that file; `newsletter/news-25` matches the bundle (in
    /// the default language first, since its site is searched first).
    private static func matches(_ source: ContentSource, _ path: String) -> Bool {
        source.path == path || (source.path as NSString).deletingPathExtension == path
            || (source.kind != .single && source.directory == path)
    }
}
