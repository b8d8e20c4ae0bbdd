/// What every view model rendering one language's site reads: the site, the other languages'
/// sites for translations, and lookups derived once.
final class RenderContext: Sendable {
    let site: Site
    /// Every language's site, the default language's first.
    let sites: [Site]
    /// This site's position in `sites`.
    let index: Int
    let translations: Translations
    /// Top-level section name → its section page.
    let sectionPages: [String: Site.PageID]
    let generator: String

    init(sites: [Site], index: Int, translations: Translations, generator: String) {
        self.site = sites[index]
        self.sites = sites
        self.index = index
        self.translations = translations
        self.generator = generator
        var sectionPages: [String: Site.PageID] = [:]
        for id in site.topLevelSections { sectionPages[site[id].section] = id }
        self.sectionPages = sectionPages
    }

    var urls: SiteURLs { site.urls }

    /// Pages on the feed of a list page, newest first, cut to `rssLimit`.
    func feedPages(of id: Site.PageID) -> [Site.PageID] {
        let pages = (site.members[id] ?? []).sorted {
            (site[$0].date ?? .distantPast) > (site[$1].date ?? .distantPast)
        }
        return site.config.rssLimit > 0 ? Array(pages.prefix(site.config.rssLimit)) : pages
    }

    /// Whether a list page has an RSS feed: home, sections and terms do.
    func hasFeed(_ id: Site.PageID) -> Bool {
        [.home, .section, .term].contains(site[id].kind)
    }
}
