/// What every view model rendering one language's site reads: the site, the other languages'
/// sites for translations, and lookups derived once.
final class RenderContext: Sendable {
    let site: Site
    /// Every language's site, the default language's first.
    let sites: [Site]
    /// This site's position in `sites`.
    let index: Int
    let translations: Translations
    let strings: StringTables
    /// Strings this language lacks that templates used, reported together after rendering.
    private let missingStrings = WarningLog()
    /// Top-level section name → its section page.
    let sectionPages: [String: Site.PageID]
    let generator: String
    /// Whether this build draws Open Graph cards, so pages may point at theirs.
    let drawsCards: Bool
    /// Image variants templates ask for; nil where none can be made.
    let images: ImageVariants?
    /// Whether views report what they read, for an incremental build (see `ReadRecorder`); a plain
    /// build then skips looking for a recorder on every key.
    let recordsReads: Bool

    init(sites: [Site], index: Int, translations: Translations, strings: StringTables, generator: String,
         drawsCards: Bool = true, images: ImageVariants? = nil, recordsReads: Bool = false) {
        self.drawsCards = drawsCards
        self.recordsReads = recordsReads
        self.images = images
        self.site = sites[index]
        self.sites = sites
        self.index = index
        self.translations = translations
        self.strings = strings
        self.generator = generator
        var sectionPages: [String: Site.PageID] = [:]
        for id in site.topLevelSections { sectionPages[site[id].section] = id }
        self.sectionPages = sectionPages
    }

    var urls: SiteURLs { site.urls }

    /// The recorder of the rendering in progress, when this build records reads.
    var recorder: ReadRecorder? { recordsReads ? ReadRecorder.current : nil }

    /// Reports that a view read a page of this site outside `PageView`.
    func record(_ page: Site.PageID) {
        recorder?.read(PageRef(site: index, page: page))
    }

    /// Reports that a view read the members of a list page of this site.
    func recordList(_ page: Site.PageID) {
        recorder?.readList(PageRef(site: index, page: page))
    }

    /// A string in this site's language, else the default language's (with a warning); nil when no language has it.
    func translate(_ key: String) -> Translation? {
        switch strings.lookup(key, language: site.language.code) {
        case .found(let translation):
            return translation
        case .fallback(let translation):
            missingStrings.add(.warning("", key))
            return translation
        case .missing:
            return nil
        }
    }

    /// One warning naming every string the templates used that this language lacks.
    var warnings: [Diagnostic] {
        let keys = missingStrings.all.map(\.message).sorted()
        guard !keys.isEmpty else { return [] }
        let code = site.language.code
        return [.warning("i18n/\(code).yaml", "\(keys.count) string\(keys.count == 1 ? "" : "s") missing in \(code), using \(strings.defaultLanguage)'s: "
            + keys.map { "'\($0)'" }.joined(separator: ", "))]
    }

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
