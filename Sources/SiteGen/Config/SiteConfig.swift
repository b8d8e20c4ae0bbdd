import Foundation

/// The site configuration (`hugo.toml`, `config.yaml`…) with Hugo's keys read into their types and Hugo's defaults
/// for the rest. Keys are case-insensitive, as in Hugo; unknown keys are kept in `raw`.
public struct SiteConfig: Sendable {
    /// Normalised to end with "/".
    public var baseURL = "/"
    public var title = ""
    public var languageCode = ""
    public var copyright: String?
    public var params: [String: Value] = [:]
    /// `taxonomies: {}` configures none.
    public var taxonomies = [TaxonomyConfig(singular: "tag", plural: "tags"), TaxonomyConfig(singular: "category", plural: "categories")]
    /// Menu name → entries, from `menu` or `menus`.
    public var menus: [String: [MenuEntrySpec]] = [:]
    /// Section → pattern, e.g. newsletter: "/:year/:month/:slug/", from `permalinks.SECTION` or `permalinks.page.SECTION`.
    public var permalinks: [String: String] = [:]
    /// `paginate` or `pagination.pagerSize`.
    public var paginate = 10
    public var summaryLength = 70
    /// A section without `_index.md` is titled by its folder's name in the plural (`Posts`).
    public var pluralizeListTitles = true
    public var enableRobotsTXT = false
    /// `markup.goldmark.renderer.unsafe`.
    public var unsafeHTML = false
    /// `markup.tableOfContents.startLevel` and `endLevel`.
    public var tocStartLevel = 2
    public var tocEndLevel = 3
    /// `markup.tableOfContents.ordered`: `<ol>` instead of `<ul>` in a Hugo layout's `.TableOfContents`.
    public var tocOrdered = false
    /// `markup.highlight`: Chroma's settings for code.
    public var highlighting = CodeHighlighting()
    public var relativeURLs = false
    /// `enableEmoji`: `:tada:` in content becomes 🎉.
    public var enableEmoji = false
    /// `minify.tdewolff.css.keepCSS2`: templates' `minify` keeps CSS 2 values (Hugo's default).
    public var keepCSS2 = true
    /// `cards`: the Open Graph card of each page.
    public var cards = CardsConfig()
    /// `thumbnails`: share images of sections, by section.
    public var thumbnails: [String: SectionThumbnailConfig] = [:]
    /// `rssLimit` or `services.rss.limit`; -1 is unlimited.
    public var rssLimit = -1
    /// `newsletter`: for `sitegen new newsletter`.
    public var newsletter = NewsletterConfig()
    /// `defaultContentLanguage`: the language at the site root.
    public var defaultContentLanguage = "en"
    /// `defaultContentLanguageInSubdir`: put the default language under `/CODE/` too.
    public var defaultContentLanguageInSubdir = false
    /// The enabled languages, by weight then code; the default language alone when none is configured.
    public var languages: [LanguageConfig] = [LanguageConfig(code: "en")]
    /// `theme`: the Hugo themes in `themes/`, the first overriding the next.
    public var themes: [String] {
        switch raw.first(where: { $0.key.lowercased() == "theme" })?.value {
        case .string(let name)?: return name.isEmpty ? [] : [name]
        case .array(let names)?: return names.compactMap(\.string)
        default: return []
        }
    }
    /// The whole file, so templates see keys SiteGen does not know.
    public var raw: [String: Value] = [:]
    /// The config file read, relative to the site directory; nil when there is none.
    public var file: String?
    /// What reading the file warned about (a YAML key written twice), for the build to report.
    public var warnings: [Diagnostic] = []

    public init() {}

    /// Reads a parsed configuration; a known key with a value of the wrong type is an error at that key's line.
    public init(values: [String: Value], file: String? = nil, keyLines: [String: Int] = [:]) throws(Diagnostic) {
        raw = values
        self.file = file
        do {
            try read(TypedTable(values))
        } catch {
            throw .error(file ?? "site configuration", line: keyLines[error.lineKey], column: 1, error.message)
        }
    }

    /// The base URL's path ("/" or "/docs/"), used to prefix site-relative URLs.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "//") {
            rest = rest[scheme.upperBound...]
            rest = rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
        }
        rest = rest.prefix { $0 != "?" && $0 != "#" }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    private mutating func read(_ table: TypedTable) throws(WrongTypeError) {
        if let url = try table.string("baseURL"), !url.isEmpty {
            baseURL = url.hasSuffix("/") ? url : url + "/"
        }
        title = try table.string("title") ?? title
        languageCode = try table.string("languageCode") ?? languageCode
        copyright = try table.string("copyright")
        params = try table.tableValues("params") ?? params
        summaryLength = try table.int("summaryLength") ?? summaryLength
        enableRobotsTXT = try table.bool("enableRobotsTXT") ?? enableRobotsTXT
        pluralizeListTitles = try table.bool("pluralizeListTitles") ?? pluralizeListTitles
        relativeURLs = try table.bool("relativeURLs") ?? relativeURLs
        enableEmoji = try table.bool("enableEmoji") ?? enableEmoji
        if let configured = try table.table("cards") { cards = try CardsConfig(configured) }
        if let configured = try table.table("newsletter") { newsletter = try NewsletterConfig(configured) }
        if let configured = try table.table("thumbnails") {
            for (section, _) in configured.all {
                if let settings = try configured.table(section) { thumbnails[section] = try SectionThumbnailConfig(settings) }
            }
        }
        // `??` takes an autoclosure, which loses the typed error: read the fallbacks first.
        let pagerSize = try table.table("pagination")?.int("pagerSize")
        paginate = try table.int("paginate") ?? pagerSize ?? paginate
        let serviceRSSLimit = try table.table("services")?.table("rss")?.int("limit")
        rssLimit = try table.int("rssLimit") ?? serviceRSSLimit ?? rssLimit
        if let markup = try table.table("markup") { try readMarkup(markup) }
        // Hugo reads `minify` only when it is a table (`minify = true` is no error).
        if table.value("minify")?.table != nil {
            keepCSS2 = try table.table("minify")?.table("tdewolff")?.table("css")?.bool("keepCSS2") ?? keepCSS2
        }
        if let configured = try table.table("taxonomies") { taxonomies = try Self.taxonomies(configured) }
        for key in ["menu", "menus"] {
            if let configured = try table.table(key) { try readMenus(configured) }
        }
        if let configured = try table.table("permalinks") { try readPermalinks(configured) }
        let configuredLanguage = try table.string("defaultContentLanguage", expected: LanguageConfig.codeExpectation, where: LanguageConfig.isCode)
        defaultContentLanguage = (configuredLanguage ?? defaultContentLanguage).lowercased()
        defaultContentLanguageInSubdir = try table.bool("defaultContentLanguageInSubdir") ?? defaultContentLanguageInSubdir
        let disabled = Set((try table.stringList("disableLanguages") ?? []).map { $0.lowercased() })
        languages = try readLanguages(try table.table("languages")).filter { !disabled.contains($0.code) }
        if !languages.contains(where: { $0.code == defaultContentLanguage }) {
            languages.insert(LanguageConfig(code: defaultContentLanguage, languageCode: languageCode.isEmpty ? nil : languageCode), at: 0)
        }
    }

    /// `languages: {fr: {languageName, languageCode, locale, weight, title, params, contentDir, menus, taxonomies}}`.
    private func readLanguages(_ configured: TypedTable?) throws(WrongTypeError) -> [LanguageConfig] {
        guard let configured else { return [] }
        var result: [LanguageConfig] = []
        for (code, _) in configured.all {
            guard LanguageConfig.isCode(code) else {
                throw WrongTypeError(path: "languages", lineKey: "languages", expected: "keyed by language codes such as en or pt-br",
                                     found: .string(code), what: "a key")
            }
            guard let settings = try configured.table(code) else { continue }
            var menus: [String: [MenuEntrySpec]] = [:]
            for key in ["menu", "menus"] {
                guard let table = try settings.table(key) else { continue }
                for (menu, _) in table.all {
                    for entry in try table.tableList(menu)! { menus[menu, default: []].append(try MenuEntrySpec(menu: menu, settings: entry)) }
                }
            }
            let direction = try settings.string("languageDirection").flatMap { LanguageConfig.Direction(rawValue: $0.lowercased()) }
            var language = LanguageConfig(
                code: code, name: try settings.string("languageName"), languageCode: try settings.string("languageCode"),
                locale: try settings.string("locale"), weight: try settings.int("weight") ?? 0, title: try settings.string("title"),
                params: try settings.tableValues("params") ?? [:], contentDir: try settings.string("contentDir"),
                menus: menus, direction: direction)
            if let configured = try settings.table("taxonomies") { language.taxonomies = try Self.taxonomies(configured) }
            result.append(language)
        }
        return result.sorted { ($0.weight == 0 ? Int.max : $0.weight, $0.code) < ($1.weight == 0 ? Int.max : $1.weight, $1.code) }
    }

    public var isMultilingual: Bool { languages.count > 1 }

    public var defaultLanguage: LanguageConfig {
        languages.first { $0.code == defaultContentLanguage } ?? languages[0]
    }

    /// The configuration as one language sees it: its title, its params over the site's, its menus.
    public func localized(for language: LanguageConfig) -> SiteConfig {
        var config = self
        if let title = language.title { config.title = title }
        if let taxonomies = language.taxonomies { config.taxonomies = taxonomies }
        // A language's param replaces the site's of the same name in any case (`mainSections`, `mainsections`).
        let overridden = Set(language.params.keys.map { $0.lowercased() })
        config.params = config.params.filter { !overridden.contains($0.key.lowercased()) }.merging(language.params) { _, languageValue in languageValue }
        if !language.menus.isEmpty { config.menus = language.menus }
        if language.code != defaultContentLanguage || languageCode.isEmpty { config.languageCode = language.languageCode }
        return config
    }

    private mutating func readMarkup(_ markup: TypedTable) throws(WrongTypeError) {
        unsafeHTML = try markup.table("goldmark")?.table("renderer")?.bool("unsafe") ?? unsafeHTML
        let toc = try markup.table("tableOfContents")
        tocStartLevel = try toc?.int("startLevel") ?? tocStartLevel
        tocEndLevel = try toc?.int("endLevel") ?? tocEndLevel
        tocOrdered = try toc?.bool("ordered") ?? tocOrdered
        if let highlight = try markup.table("highlight") {
            var settings: [(name: String, value: MarkdownAttributes.Value)] = []
            for name in CodeHighlighting.optionNames {
                if let text = try highlight.string(name) { settings.append((name, .string(text))) }
            }
            highlighting = highlighting.applying(settings)
        }
    }

    /// `tag: tags`; ordered by singular name, since a table keeps no order.
    private static func taxonomies(_ configured: TypedTable) throws(WrongTypeError) -> [TaxonomyConfig] {
        var taxonomies: [TaxonomyConfig] = []
        for (singular, _) in configured.all {
            taxonomies.append(TaxonomyConfig(singular: singular, plural: try configured.string(singular)!))
        }
        return taxonomies
    }

    /// `main: [{name, url, weight…}]`, as TOML's `[[menus.main]]` writes it.
    private mutating func readMenus(_ configured: TypedTable) throws(WrongTypeError) {
        for (menu, _) in configured.all {
            for settings in try configured.tableList(menu)! {
                menus[menu, default: []].append(try MenuEntrySpec(menu: menu, settings: settings))
            }
        }
    }

    /// `SECTION: pattern`, or Hugo's newer `page: {SECTION: pattern}`; the `section`, `term` and `taxonomy` kinds
    /// have no field here and stay in `raw`.
    private mutating func readPermalinks(_ configured: TypedTable) throws(WrongTypeError) {
        let expectation = "a pattern of the tokens \(PageURL.tokens.sorted().map { ":" + $0 }.joined(separator: " "))"
        for (section, value) in configured.all where value.table == nil {
            permalinks[section] = try configured.string(section, expected: expectation, where: PageURL.isPattern)
        }
        if let pages = try configured.table("page") {
            for (section, _) in pages.all {
                permalinks[section] = try pages.string(section, expected: expectation, where: PageURL.isPattern)
            }
        }
    }
}
