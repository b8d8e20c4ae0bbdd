import Foundation

/// A page as templates see it. Built lazily: a key's value is computed only when a template asks,
/// so listing a thousand pages costs only the keys the list template uses.
struct PageView: TemplateView {
    let context: RenderContext
    let id: Site.PageID
    /// The page being rendered, which decides `active` in menus.
    let current: Site.PageID
    /// Replaces `pages` (a feed's limited list, the sitemap's every page).
    var pagesOverride: [Site.PageID]?

    init(_ context: RenderContext, _ id: Site.PageID, current: Site.PageID, pagesOverride: [Site.PageID]? = nil) {
        self.context = context
        self.id = id
        self.current = current
        self.pagesOverride = pagesOverride
    }

    private var site: Site { context.site }
    /// Borrowed, not copied: a `Page` is large and `lookup` runs for every key of every page shown.
    private var page: Page {
        _read { yield context.site.pages[id] }
    }
    private var urls: SiteURLs { context.urls }

    private func view(_ other: Site.PageID) -> PageView { PageView(context, other, current: current) }

    /// Every key a page has. Looked up through a dictionary: Mustache asks each view on the
    /// context stack for names it may not have, and a `switch` over strings compares them one by one.
    private enum Key: String, CaseIterable {
        case title, description, kind, isPage, isSection, isHome, isTaxonomy, isTerm
        case content, summary, truncated, toc, tocEntries, hasToc, wordCount, readingTime
        case date, publishDate, lastmod, expiryDate, language, translations, allTranslations, hasTranslations
        case url, permalink, section, sectionTitle, sectionURL, type, layout, slug
        case weight, draft, params, authors, hasAuthors, image, resources, images
        case tags, categories, hasTags, hasCategories, taxonomies, aliases, prev, next
        case pages, hasPages, sections, hasSections, terms, feedURL, card, ogImage
        case ogLocale, ogDescription, sectionThumbnail
        static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    }

    /// Keys that show the page's rendered Markdown, which a body edit changes.
    private static let contentKeys: Set<Key> = [.content, .summary, .truncated, .toc, .tocEntries, .hasToc,
                                                 .wordCount, .readingTime, .ogDescription]
    /// Keys that show a list page's members, which change apart from the page itself.
    private static let listKeys: Set<Key> = [.pages, .hasPages, .sections, .hasSections, .terms]

    func lookup(_ key: String) -> Lookup {
        guard let key = Key.byName[key] else { return .unknown }
        if let recorder = context.recorder {
            let ref = PageRef(site: context.index, page: id)
            if Self.contentKeys.contains(key) {
                recorder.readContent(ref)
            } else if Self.listKeys.contains(key) {
                recorder.readList(ref)
            } else {
                recorder.read(ref)
            }
        }
        switch key {
        case .title: return .found(page.title)
        case .description: return .found(page.frontMatter.description ?? "")
        case .kind: return .found(page.kind.rawValue)
        case .isPage: return .found(page.kind == .page)
        case .isSection: return .found(page.kind == .section)
        case .isHome: return .found(page.kind == .home)
        case .isTaxonomy: return .found(page.kind == .taxonomy)
        case .isTerm: return .found(page.kind == .term)
        case .content: return .found(page.rendered?.html ?? "")
        case .summary: return .found(page.rendered?.summaryHTML ?? "")
        case .truncated: return .found(page.rendered?.isTruncated ?? false)
        case .toc: return .found(page.rendered?.tocHTML ?? "")
        case .tocEntries: return .found((page.rendered?.tableOfContents ?? []).map(TOCEntryView.init))
        case .hasToc: return .found(Self.headingCount(page.rendered?.tableOfContents ?? []) >= 2)
        case .wordCount: return .found(CountView(value: page.rendered?.wordCount ?? 0, context: context))
        case .readingTime: return .found(CountView(value: page.rendered?.readingTime ?? 0, context: context))
        case .date: return .found(page.date.map(dateView))
        case .publishDate: return .found((page.frontMatter.publishDate ?? page.date).map(dateView))
        case .lastmod: return .found((page.frontMatter.lastmod ?? page.date).map(dateView))
        case .expiryDate: return .found(page.frontMatter.expiryDate.map(dateView))
        case .language: return .found(LanguageView(language: site.language, urls: urls, homePath: site[site.home].path, current: true))
        case .translations: return .found(translations(includingSelf: false))
        case .allTranslations: return .found(translations(includingSelf: true))
        case .hasTranslations: return .found(!translations(includingSelf: false).isEmpty)
        case .url: return .found(urls.relative(page.path))
        case .permalink: return .found(urls.absolute(page.path))
        case .section: return .found(page.section)
        case .sectionTitle: return .found(context.sectionPages[page.section].map { context.record($0); return site[$0].title })
        case .sectionURL: return .found(context.sectionPages[page.section].map { urls.relative(site[$0].path) })
        case .type: return .found(page.type)
        case .layout: return .found(page.frontMatter.layout)
        case .slug: return .found(page.frontMatter.slug ?? page.source?.baseName)
        case .weight: return .found(page.weight)
        case .draft: return .found(page.frontMatter.draft)
        case .params: return .found(ParamsView(values: page.frontMatter.params))
        case .authors: return .found(page.frontMatter.authors)
        case .hasAuthors: return .found(!page.frontMatter.authors.isEmpty)
        case .image: return .found(image)
        case .resources: return .found(page.resources.map { ResourceView($0, urls: urls, images: context.images) })
        case .images: return .found(page.resources.filter { $0.image != nil }.map { ResourceView($0, urls: urls, images: context.images) })
        case .tags: return .found(terms(in: "tags"))
        case .categories: return .found(terms(in: "categories"))
        case .hasTags: return .found(!terms(in: "tags").isEmpty)
        case .hasCategories: return .found(!terms(in: "categories").isEmpty)
        case .taxonomies:
            return .found(site.taxonomies.compactMap { taxonomy -> TaxonomyTermsView? in
                let terms = self.terms(in: taxonomy.plural)
                return terms.isEmpty ? nil : TaxonomyTermsView(name: taxonomy.plural, terms: terms)
            })
        case .aliases: return .found(page.aliases.map(urls.relative))
        case .prev: return .found(site.previous[id].map(view))
        case .next: return .found(site.next[id].map(view))
        case .pages: return .found((pagesOverride ?? site.members[id] ?? []).map(view))
        case .hasPages: return .found(!(pagesOverride ?? site.members[id] ?? []).isEmpty)
        case .sections: return .found((site.childSections[id] ?? []).map(view))
        case .hasSections: return .found(!(site.childSections[id] ?? []).isEmpty)
        case .terms:
            guard page.kind == .taxonomy, let taxonomy = site.taxonomies.first(where: { $0.page == id }) else { return .found(nil) }
            return .found(taxonomy.terms.map { TermView(context, $0, current: current) })
        case .feedURL: return .found(context.hasFeed(id) ? urls.absolute(page.path + "index.xml") : nil)
        case .card: return .found(card)
        case .ogImage: return .found(ogImage)
        case .ogLocale: return .found(ogLocale)
        case .ogDescription: return .found(ogDescription)
        case .sectionThumbnail: return .found(sectionThumbnail)
        }
    }

    /// The page's Open Graph card, when it has one.
    private var card: ResourceView? {
        guard context.drawsCards else { return nil }
        return ShareCards.path(for: page, config: site.config.cards).map {
            ResourceView(url: $0, urls: urls, width: ShareCards.width, height: ShareCards.height)
        }
    }

    /// The section's configured thumbnail (`thumbnails` in the configuration).
    private var sectionThumbnail: ResourceView? {
        guard context.drawsCards else { return nil }
        return ShareCards.thumbnailPath(section: page.section, in: site).map {
            ResourceView(url: $0, urls: urls, width: ShareCards.width, height: ShareCards.height)
        }
    }

    /// The image a shared link shows: the page's own `image`, else its card, else its section's
    /// thumbnail, else the site's `params.images`, first one.
    private var ogImage: ResourceView? {
        image ?? card ?? sectionThumbnail ?? site.config.params.value(forKeyIgnoringCase: "images")?.stringList?.first.map { ResourceView(url: $0, urls: urls) }
    }

    /// `en_US` from `en-us`: Open Graph's spelling of a locale.
    private var ogLocale: String {
        let parts = site.language.languageCode.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let language = parts.first else { return "" }
        return ([language.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }).joined(separator: "_")
    }

    /// `description`, else the start of the text: about 30 words.
    private var ogDescription: String {
        if let description = page.frontMatter.description, !description.isEmpty { return description }
        let words = (page.rendered?.leadingPlainText ?? "").split(whereSeparator: \.isWhitespace)
        return words.prefix(30).joined(separator: " ") + (words.count > 30 ? "…" : "")
    }

    /// The page's `image`: a file of its bundle (with its size), else a URL as written.
    private var image: ResourceView? {
        guard let image = page.frontMatter.image, !image.isEmpty else { return nil }
        if let resource = page.resources.first(where: { $0.name == image }) {
            return ResourceView(resource, urls: urls, images: context.images)
        }
        return ResourceView(url: image, urls: urls)
    }

    private func dateView(_ date: Date) -> DateView {
        DateView(date, locale: site.language.locale)
    }

    /// This page in other languages (and in its own, for `hreflang` lists), in language order.
    private func translations(includingSelf: Bool) -> [TranslationView] {
        let me = PageRef(site: context.index, page: id)
        return context.translations.all(of: me).filter { includingSelf || $0 != me }.map { ref in
            context.recorder?.read(ref)
            let other = context.sites[ref.site]
            return TranslationView(language: other.language, title: other[ref.page].title,
                                   url: urls.relative(other[ref.page].path), permalink: urls.absolute(other[ref.page].path))
        }
    }

    private func terms(in taxonomy: String) -> [TermLinkView] {
        guard site.taxonomies.contains(where: { $0.plural == taxonomy }) else { return [] }
        return (page.frontMatter.taxonomies[taxonomy] ?? []).compactMap { name in
            let key = urlize(name)
            let path = PageURL(permalinks: [:], languagePrefix: languagePrefix).prefixed("/\(PageURL.sanitize(taxonomy))/\(key)/")
            return key.isEmpty ? nil : TermLinkView(name: name, url: urls.relative(path))
        }
    }

    /// The language folder this site's pages live under (`/fr`), read off its home page.
    private var languagePrefix: String {
        let home = site[site.home].path
        return home == "/" ? "" : String(home.dropLast())
    }

    private static func headingCount(_ entries: [TOCEntry]) -> Int {
        entries.reduce(0) { $0 + 1 + headingCount($1.children) }
    }
}

struct TOCEntryView: TemplateView {
    let entry: TOCEntry
    init(_ entry: TOCEntry) { self.entry = entry }

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "title": return .found(entry.title)
        case "anchor": return .found(entry.anchor)
        case "level": return .found(entry.level)
        case "children": return .found(entry.children.map(TOCEntryView.init))
        default: return .unknown
        }
    }
}

/// A term as a link, on the pages that carry it.
struct TermLinkView: TemplateView {
    let name: String
    let url: String

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "name": return .found(name)
        case "url": return .found(url)
        default: return .unknown
        }
    }
}

struct TaxonomyTermsView: TemplateView {
    let name: String
    let terms: [TermLinkView]

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "name": return .found(name)
        case "terms": return .found(terms)
        default: return .unknown
        }
    }
}

/// A term with its pages, on taxonomy pages and in `site.taxonomies`.
struct TermView: TemplateView {
    let context: RenderContext
    let term: Term
    let current: Site.PageID

    init(_ context: RenderContext, _ term: Term, current: Site.PageID) {
        self.context = context
        self.term = term
        self.current = current
    }

    func lookup(_ key: String) -> Lookup {
        context.record(term.page)
        context.recordList(term.page)
        switch key {
        case "name": return .found(term.name)
        case "url": return .found(context.urls.relative(context.site[term.page].path))
        case "count": return .found(CountView(value: term.pages.count, context: context))
        case "pages": return .found(term.pages.map { PageView(context, $0, current: current) })
        default: return .unknown
        }
    }
}

/// A bundle file, or an image given by URL. A bundle image also has `resize`, `fit`, `fill` and
/// `crop`, each a map from a specification to the variant: `{{fill.1200x630.url}}`.
struct ResourceView: TemplateView {
    let name: String
    let url: String
    let permalink: String
    let mediaType: String
    let width: Int?
    let height: Int?
    let size: Int?
    private var variants: (resource: PageResource, images: ImageVariants, urls: SiteURLs)?

    init(_ resource: PageResource, urls: SiteURLs, images: ImageVariants? = nil) {
        if let images, resource.image != nil { variants = (resource, images, urls) }
        name = resource.name
        url = urls.relative(resource.urlPath)
        permalink = urls.absolute(resource.urlPath)
        mediaType = resource.mediaType
        width = resource.image?.width
        height = resource.image?.height
        size = resource.size
    }

    init(url: String, urls: SiteURLs, width: Int? = nil, height: Int? = nil) {
        name = (url as NSString).lastPathComponent
        self.url = urls.relative(url)
        permalink = urls.absolute(url)
        mediaType = MediaType.forExtension((url as NSString).pathExtension)
        self.width = width
        self.height = height
        size = nil
    }

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "name": return .found(name)
        case "url": return .found(url)
        case "permalink": return .found(permalink)
        case "mediaType": return .found(mediaType)
        case "isImage": return .found(mediaType.hasPrefix("image/"))
        case "width": return .found(width)
        case "height": return .found(height)
        case "size": return .found(size)
        case "resize", "fit", "fill", "crop":
            guard let variants else { return .found(nil) }
            return .found(ImageVariantsView(method: key, resource: variants.resource, images: variants.images, urls: variants.urls))
        default: return .unknown
        }
    }
}
