/// The site as templates see it, from the point of view of the page being rendered (menus mark
/// the current page's entry `active`).
struct SiteView: TemplateView {
    let context: RenderContext
    let current: Site.PageID

    private var site: Site { context.site }

    /// Keys that list the site's pages or terms: they change with the site's structure (see `ReadRecorder`).
    private static let lists: Set<String> = ["sections", "pages", "recentPages", "taxonomies", "taxonomy"]

    func lookup(_ key: String) -> Lookup {
        let config = site.config
        if let recorder = context.recorder {
            if key == "menus" {
                recorder.read(.menus(of: context.index))
            } else if Self.lists.contains(key) {
                recorder.read(.lists(of: context.index))
            }
        }
        switch key {
        case "title": return .found(config.title)
        case "baseURL": return .found(config.baseURL)
        case "languageCode": return .found(config.languageCode)
        case "copyright": return .found(config.copyright)
        case "params": return .found(ParamsView(values: config.params))
        case "menus": return .found(MenusView(context: context, current: current))
        case "sections": return .found(site.topLevelSections.map(page))
        case "pages": return .found(site.regularPages.map(page))
        case "recentPages": return .found(recentPages.prefix(10).map(page))
        case "taxonomies": return .found(site.taxonomies.map(taxonomy))
        case "taxonomy":
            return .found(Dictionary(site.taxonomies.map { ($0.plural, taxonomy($0)) }, uniquingKeysWith: { a, _ in a }))
        case "buildDate": return .found(DateView(site.buildDate, locale: site.language.locale))
        case "language": return .found(language(context.index))
        case "languages": return .found(context.sites.indices.map(language))
        case "isMultilingual": return .found(context.sites.count > 1)
        case "rootURL": return .found(context.urls.relative("/"))
        case "feedURL": return .found(context.urls.absolute(site[site.home].path + "index.xml"))
        case "homeURL": return .found(context.urls.relative(site[site.home].path))
        case "generator": return .found(context.generator)
        default: return .unknown
        }
    }

    private func language(_ index: Int) -> LanguageView {
        let other = context.sites[index]
        return LanguageView(language: other.language, urls: context.urls, homePath: other[other.home].path, current: index == context.index)
    }

    private var recentPages: [Site.PageID] {
        site.regularPages.sorted { (site[$0].date ?? .distantPast) > (site[$1].date ?? .distantPast) }
    }

    private func page(_ id: Site.PageID) -> PageView { PageView(context, id, current: current) }

    private func taxonomy(_ taxonomy: Taxonomy) -> TaxonomyView {
        TaxonomyView(context: context, taxonomy: taxonomy, current: current)
    }
}

struct TaxonomyView: TemplateView {
    let context: RenderContext
    let taxonomy: Taxonomy
    let current: Site.PageID

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "name": return .found(taxonomy.plural)
        case "singular": return .found(taxonomy.singular)
        case "url": return .found(context.urls.relative(context.site[taxonomy.page].path))
        case "terms": return .found(taxonomy.terms.map { TermView(context, $0, current: current) })
        default: return .unknown
        }
    }
}

/// `site.menus`: any menu name may be asked for; one the site does not define is empty.
struct MenusView: TemplateView {
    let context: RenderContext
    let current: Site.PageID

    func lookup(_ key: String) -> Lookup {
        .found((context.site.menus[key] ?? []).map { MenuEntryView(context: context, entry: $0, current: current) })
    }
}

struct MenuEntryView: TemplateView {
    let context: RenderContext
    let entry: MenuEntry
    let current: Site.PageID

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "name": return .found(entry.name)
        case "url": return .found(context.urls.relative(entry.url))
        case "weight": return .found(entry.weight)
        case "identifier": return .found(entry.identifier)
        case "pre": return .found(entry.pre)
        case "post": return .found(entry.post)
        case "title": return .found(entry.title ?? entry.name)
        case "active": return .found(isActive)
        case "hasChildren": return .found(!entry.children.isEmpty)
        case "children": return .found(entry.children.map { MenuEntryView(context: context, entry: $0, current: current) })
        default: return .unknown
        }
    }

    /// The entry of the current page, or of a section that contains it (`/blog/` on a blog post).
    private var isActive: Bool {
        let path = context.site[current].path
        return entry.url == path || (entry.url != "/" && entry.url.hasSuffix("/") && path.hasPrefix(entry.url))
    }
}
