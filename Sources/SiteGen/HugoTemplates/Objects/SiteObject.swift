import Foundation
import GoTemplates

/// Every language's site of a build as templates see them (Hugo's `HugoSites`): made once per
/// build, read by every render at once.
final class HugoSites: @unchecked Sendable {
    private(set) var sites: [SiteObject] = []
    let config: SiteConfig
    let formats: OutputFormats
    /// `.Site.Data`: the `data/` folder's files.
    let data: TemplateValue
    let hugo: HugoInfoObject
    /// The site folder, which `readFile` and `readDir` read from.
    let sourceFolder: URL
    /// What `.RenderString` and `markdownify` render with: the site's settings, goldmark's HTML.
    let markdown: MarkdownRenderer
    /// While the pages' Markdown is rendered: their content, for shortcodes and render hooks that
    /// show another page's. Set before the stage, cleared after it.
    var contentOnDemand: ContentOnDemand?

    init(sites models: [Site], config: SiteConfig, sourceFolder: URL, data: TemplateValue, environment: String = "production") {
        self.config = config
        self.sourceFolder = sourceFolder
        self.formats = OutputFormats(config: config)
        self.data = data
        self.hugo = HugoInfoObject(environment: environment)
        markdown = MarkdownRenderer(options: MarkdownOptions(config: config, goldmarkHTML: true))
        sites = models.enumerated().map { SiteObject(model: $0.element, index: $0.offset, all: self) }
        for site in sites { site.link() }
    }

    /// The records of `pages` these objects hold, for the pages they have.
    func records(of pages: some Sequence<PageRef>) -> [(PageRef, Page)] {
        pages.compactMap { ref in
            sites.indices.contains(ref.site) && sites[ref.site].pages.indices.contains(ref.page) ? (ref, sites[ref.site].pages[ref.page].model) : nil
        }
    }

    /// Gives pages their new records, for another render of these objects after an edit that
    /// changed only the pages' bodies and content: what the site's structure decided (orders,
    /// lookups, menus) holds. The pages' derived values are worked out again.
    func replace(_ records: [(PageRef, Page)]) {
        for (ref, record) in records where sites.indices.contains(ref.site) { sites[ref.site].replace(record, at: ref.page) }
    }

    /// Readies these objects for another render: what the last one left on the pages goes.
    func clearRenderState() {
        for site in sites {
            for page in site.pages { page.clearRenderState() }
        }
    }

    /// The translations of a page, in every language (itself included), by language weight.
    func translations(of page: PageObject) -> [PageObject] {
        let key = page.translationKey
        return sites.compactMap { $0.pagesByTranslationKey[key] }
    }
}

/// Hugo's `.Site` of one language.
final class SiteObject: TemplateObject, @unchecked Sendable {
    private(set) var model: Site
    let index: Int
    unowned let all: HugoSites
    let params: TemplateValue
    let language: LanguageObject
    /// Set by `link`, once, before any template runs.
    private(set) var pages: [PageObject] = []
    private(set) var children: [Site.PageID: [PageObject]] = [:]
    private(set) var pagesByTranslationKey: [String: PageObject] = [:]
    private(set) var regularPages: [PageObject] = []
    private(set) var allPages: [PageObject] = []
    /// Pages by URL path (`/posts/first/`).
    private(set) var pagesByPath: [String: PageObject] = [:]
    /// `.GetPage` references as Hugo resolves them: lower-cased paths without slashes at the ends
    /// and without the language (`posts/first`, `fatags/x`), the content file's for a page that
    /// has one, else its URL path within the language's site.
    private var pagesByReference: [String: PageObject] = [:]
    /// Each list page's regular pages in the default order, and where each page stands in its
    /// list's, for `.NextInSection` and `.PrevInSection`.
    private(set) var sectionPages: [Site.PageID: [PageObject]] = [:]
    private(set) var sectionPosition: [Site.PageID: Int] = [:]
    /// Where each page stands in `regularPages`, for `.Next` and `.Prev`.
    private(set) var regularPosition: [Site.PageID: Int] = [:]
    /// The menus, with `sectionPagesMenu`'s entries for the top-level sections.
    private(set) var menus: [String: [MenuEntry]] = [:]

    init(model: Site, index: Int, all: HugoSites) {
        self.model = model
        self.index = index
        self.all = all
        self.params = Self.params(of: model, config: all.config)
        self.language = LanguageObject(model.language, config: all.config, settings: Self.languageSettings(of: model, config: all.config))
    }

    /// The language's table in the configuration's `languages`, as written.
    private static func languageSettings(of site: Site, config: SiteConfig) -> [String: SiteGen.Value] {
        guard case .table(let all)? = config.raw.first(where: { $0.key.lowercased() == "languages" })?.value,
              case .table(let settings)? = all.first(where: { $0.key.lowercased() == site.language.code })?.value else { return [:] }
        return settings
    }

    /// `.Site.Params`: the site's, the language's `params` over them, and (as Hugo 0.111 does for
    /// a site with `languages`) every other key of the language's settings (`title`, `weight`…).
    private static func params(of site: Site, config: SiteConfig) -> TemplateValue {
        var params = site.config.params
        for (key, value) in languageSettings(of: site, config: config) where !["params", "menu", "menus"].contains(key.lowercased()) {
            // Over the site's key of the same name, however it is written (`homeInfoParams`).
            for written in params.keys where written.lowercased() == key.lowercased() { params[written] = nil }
            params[key.lowercased()] = value
        }
        // Hugo's default `mainSections`: the section with the most pages.
        if !params.keys.contains(where: { $0.lowercased() == "mainsections" }) {
            var counts: [String: Int] = [:]
            for page in site.pages where page.kind == .page && !page.section.isEmpty { counts[page.section, default: 0] += 1 }
            if let largest = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
                params["mainsections"] = .array([.string(largest.key)])
            }
        }
        return .params(params)
    }

    fileprivate func link() {
        pages = model.pages.indices.map { PageObject(site: self, id: $0) }
        var children: [Site.PageID: [PageObject]] = [:]
        for page in pages where page.id != model.home || page.model.kind != .home {
            guard let parent = model.parent[page.id], parent != page.id else { continue }
            children[parent, default: []].append(page)
        }
        // List pages take their dates from their pages: the lists are in place before they are sorted by date.
        self.children = children
        regularPages = pages.filter { $0.model.kind == .page && !$0.model.frontMatter.headless }
        // Every sort below reads dates, parsed from front matter and, for a list, taken from its
        // pages: worked out on every core first, the pages' before the lists'.
        for kinds in [[PageKind.page, .notFound], [.home, .section, .taxonomy, .term]] {
            _ = pages.filter { kinds.contains($0.model.kind) }.parallelMap { $0.dates.date != nil }
        }
        self.children = children.mapValues { $0.inDefaultOrder() }
        sectionPages = self.children.mapValues { $0.filter { $0.model.kind == .page } }
        for list in sectionPages.values {
            for (position, page) in list.enumerated() { sectionPosition[page.id] = position }
        }
        regularPages = regularPages.inDefaultOrder()
        for (position, page) in regularPages.enumerated() { regularPosition[page.id] = position }
        allPages = pages.filter { $0.model.kind != .notFound && !$0.model.frontMatter.headless }
            .map { ($0, $0.contentMapPosition) }
            .sorted { $0.1.tree != $1.1.tree ? $0.1.tree < $1.1.tree : $0.1.key.utf8.lexicographicallyPrecedes($1.1.key.utf8) }
            .map(\.0).inDefaultOrder()
        let languageFolder = pages[model.home].model.path
        for page in pages where page.model.kind != .notFound {
            pagesByTranslationKey[page.translationKey] = page
            pagesByPath[page.model.path] = page
            let reference: String
            if let source = page.model.source {
                reference = String(source.translationKey.drop { $0 != ":" }.dropFirst())
            } else {
                reference = String(page.model.path.dropFirst(page.model.path.hasPrefix(languageFolder) ? languageFolder.count : 0))
            }
            let key = reference.lowercased().trimmingSlashes
            if pagesByReference[key] == nil { pagesByReference[key] = page }
        }
        menus = model.menus
        if let menu = model.config.raw.first(where: { $0.key.lowercased() == "sectionpagesmenu" })?.value.string, !menu.isEmpty {
            let known = Set((menus[menu] ?? []).map(\.identifier))
            for section in self.children[model.home] ?? [] where section.model.kind == .section && !known.contains(section.model.section) {
                menus[menu, default: []].append(MenuEntry(identifier: section.model.section, name: section.linkTitle, url: section.model.path,
                                                          weight: section.model.weight, children: [], pagePath: section.model.path))
            }
        }
    }

    /// The page at `id` gets a new record (`HugoSites.replace`).
    fileprivate func replace(_ record: Page, at id: Site.PageID) {
        guard pages.indices.contains(id) else { return }
        model.pages[id] = record
        pages[id].replace(record)
    }

    var home: PageObject { pages[model.home] }
    var typeName: String { "*hugolib.SiteInfo" }
    var printed: String { "Site(\"\(model.config.title)\")" }

    /// The page at a content path (`/posts/first`, `posts/first.md`, `/tags`), as `.GetPage` finds it.
    func page(at reference: String) -> PageObject? {
        var path = reference.hasPrefix("/") ? String(reference.dropFirst()) : reference
        if path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty { return home }
        for candidate in [path, path + ".md", path + "/index.md", path + "/_index.md"] {
            if let id = model.pagesByContentPath[candidate] { return pages[id] }
        }
        var lowered = path.lowercased()
        for suffix in [".md", "/_index", "/index"] where lowered.hasSuffix(suffix) { lowered.removeLast(suffix.count) }
        return pagesByReference[lowered] ?? pagesByPath["/" + lowered + "/"] ?? pagesByPath["/" + lowered]
    }

    static let members = MemberTable<SiteObject>([
        "Title": { site, _, _ in .string(site.model.config.title) },
        "BaseURL": { site, _, _ in .string(site.model.config.baseURL) },
        "LanguageCode": { site, _, _ in .string(site.language.languageCode) },
        "Copyright": { site, _, _ in .string(site.model.config.copyright ?? "") },
        "Params": { site, _, _ in site.params },
        "Pages": { site, _, _ in site.listed(site.allPages) },
        "RegularPages": { site, _, _ in site.listed(site.regularPages) },
        "AllPages": { site, _, _ in
            for other in site.all.sites { ReadRecorder.current?.readList(.lists(of: other.index)) }
            return .object(PagesObject(site.all.sites.flatMap(\.allPages)))
        },
        "Sections": { site, _, _ in site.listed((site.children[site.model.home] ?? []).filter { $0.model.kind == .section }) },
        "Home": { site, _, _ in .object(site.home) },
        "Taxonomies": { site, _, _ in
            ReadRecorder.current?.readList(.lists(of: site.index))
            return .object(TaxonomiesObject(site))
        },
        "Menus": { site, _, _ in .object(MenusObject(site)) },
        "Language": { site, _, _ in .object(site.language) },
        "Languages": { site, _, _ in .list(site.all.sites.map { .object($0.language) }) },
        "IsMultiLingual": { site, _, _ in .bool(site.all.sites.count > 1) },
        "Sites": { site, _, _ in .list(site.all.sites.map { .object($0) }) },
        "Data": { site, _, _ in site.all.data },
        "Hugo": { site, _, _ in .object(site.all.hugo) },
        "IsServer": { _, _, _ in .bool(false) },
        "BuildDrafts": { _, _, _ in .bool(false) },
        "LastChange": { site, _, _ in
            ReadRecorder.current?.read(site.home.ref)
            return .time(site.home.dates.date)
        },
        "Author": { site, _, _ in site.rawParams("author") },
        "Social": { site, _, _ in site.rawParams("social") },
        "DisqusShortname": { site, _, _ in .string(site.rawString("disqusShortname") ?? "") },
        "GoogleAnalytics": { site, _, _ in .string(site.rawString("googleAnalytics") ?? "") },
        "Config": { site, _, _ in site.configuration },
        "GetPage": { site, arguments, _ in
            // `.Site.GetPage "section" "posts"` (the old form) names the kind first.
            // Hugo finds no page for a reference that is no string (an unset param).
            guard let reference = arguments.last?.text else { return .null }
            return site.page(at: reference).map { .object($0) } ?? .null
        },
    ])

    /// `.Site.Config`: the services and privacy settings templates read.
    private var configuration: TemplateValue {
        let limit = model.config.rssLimit
        let services = ValueMap(["RSS": .map(ValueMap(["Limit": .int(limit)]))])
        var config = ValueMap(["Services": .map(services)])
        if case .table(let privacy)? = model.config.raw.first(where: { $0.key.lowercased() == "privacy" })?.value {
            config["Privacy"] = TemplateValue.params(privacy)
        } else {
            config["Privacy"] = .map(ValueMap(caseInsensitive: true))
        }
        return .map(config)
    }

    private func rawParams(_ key: String) -> TemplateValue {
        guard let value = model.config.raw.first(where: { $0.key.lowercased() == key })?.value else { return .map(ValueMap(caseInsensitive: true)) }
        return TemplateValue(value)
    }

    private func rawString(_ key: String) -> String? {
        model.config.raw.first(where: { $0.key.lowercased() == key.lowercased() })?.value.string
    }

    /// One of the site-wide lists, noting that the output shows it (`PageRef.lists`): an edit
    /// that changes its members or their order renders it again.
    private func listed(_ pages: [PageObject]) -> TemplateValue {
        ReadRecorder.current?.readList(.lists(of: index))
        return .object(PagesObject(pages))
    }

    var memberNames: [String] { Self.members.names }

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// Hugo's `.Language` (and `.Site.Language`).
final class LanguageObject: TemplateObject {
    let code: String
    let name: String
    let languageCode: String
    let weight: Int
    let direction: String
    let params: TemplateValue

    /// `settings` is the language's table as written: Hugo's `.Language.Params` has every key of it.
    init(_ language: LanguageConfig, config: SiteConfig, settings: [String: SiteGen.Value] = [:]) {
        code = language.code
        // Hugo's `.LanguageName` is "" unless the configuration names it.
        name = settings.first { $0.key.lowercased() == "languagename" }?.value.string ?? ""
        // The language's own `languageCode`, else the site's (which may be empty: no `<language>` in feeds).
        languageCode = settings.first { $0.key.lowercased() == "languagecode" }?.value.string ?? config.languageCode
        weight = language.weight
        direction = language.direction == .rtl ? "rtl" : ""
        var params = language.params
        for (key, value) in settings where !["params", "menu", "menus"].contains(key.lowercased()) { params[key] = value }
        self.params = .params(params)
    }

    var typeName: String { "*langs.Language" }
    var printed: String { code }

    static let members = MemberTable<LanguageObject>([
        "Lang": { language, _, _ in .string(language.code) },
        "LanguageName": { language, _, _ in .string(language.name) },
        "LanguageCode": { language, _, _ in .string(language.languageCode) },
        "LanguageDirection": { language, _, _ in .string(language.direction) },
        "Weight": { language, _, _ in .int(language.weight) },
        "Params": { language, _, _ in language.params },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// Hugo's `hugo` and `.Site.Hugo`.
final class HugoInfoObject: TemplateObject {
    let environment: String

    init(environment: String) {
        self.environment = environment
    }

    var typeName: String { "hugo.HugoInfo" }
    var printed: String { "hugo" }

    /// The Hugo version SiteGen builds like; templates compare it (`hugo.Version`).
    static let compatibleVersion = "0.111.3"

    static let members = MemberTable<HugoInfoObject>([
        "Version": { _, _, _ in .object(VersionStringObject(compatibleVersion)) },
        "Generator": { _, _, _ in .safe("<meta name=\"generator\" content=\"Hugo \(compatibleVersion)\">", .html) },
        "Environment": { info, _, _ in .string(info.environment) },
        "IsProduction": { info, _, _ in .bool(info.environment == "production") },
        "IsExtended": { _, _, _ in .bool(true) },
        "CommitHash": { _, _, _ in .string("") },
        "BuildDate": { _, _, _ in .string("") },
        "GoVersion": { _, _, _ in .string("go1.19.8") },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// Hugo's `hugo.Version`: prints as the version, and compares with other versions by their numbers
/// (`lt hugo.Version "0.97.1"` is false), not as text.
final class VersionStringObject: TemplateObject {
    let version: String

    init(_ version: String) {
        self.version = version
    }

    var typeName: String { "hugo.VersionString" }
    var printed: String { version }

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? { nil }

    /// The order of two values when one is a version (-1, 0, 1); nil when neither is.
    static func order(_ a: TemplateValue, _ b: TemplateValue) -> Int? {
        func text(_ value: TemplateValue) -> String? {
            if case .object(let version as VersionStringObject) = value { return version.version }
            return value.text
        }
        let isVersion = { (value: TemplateValue) -> Bool in
            if case .object(is VersionStringObject) = value { return true }
            return false
        }
        guard isVersion(a) || isVersion(b) else { return nil }
        return compare(text(a) ?? "", text(b) ?? "")
    }

    /// `0.111.3` against `0.97.1`, number by number; a missing number is 0.
    private static func compare(_ a: String, _ b: String) -> Int {
        func numbers(_ text: String) -> [Int] {
            text.split(separator: "-").first.map { $0.split(separator: ".").map { Int($0) ?? 0 } } ?? []
        }
        let (x, y) = (numbers(a), numbers(b))
        for index in 0..<max(x.count, y.count) {
            let (p, q) = (index < x.count ? x[index] : 0, index < y.count ? y[index] : 0)
            if p != q { return p < q ? -1 : 1 }
        }
        return 0
    }
}
