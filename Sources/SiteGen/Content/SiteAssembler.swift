import Foundation

/// Builds the `Site` from the loaded content pages: generates the list pages Hugo generates (home,
/// sections without `_index.md`, taxonomies and terms), orders pages, links sections, neighbours and
/// menus.
struct SiteAssembler {
    let config: SiteConfig
    let urls: SiteURLs
    let language: LanguageConfig
    /// Generated pages go under it too (see `PageURL.languagePrefix`).
    let pageURL: PageURL
    let sectionDirectories: Set<String>
    let buildDate: Date

    private var pages: [Page] = []

    init(config: SiteConfig, urls: SiteURLs, language: LanguageConfig, languagePrefix: String,
         sectionDirectories: Set<String>, buildDate: Date) {
        self.config = config
        self.urls = urls
        self.language = language
        self.pageURL = PageURL(permalinks: config.permalinks, languagePrefix: languagePrefix)
        self.sectionDirectories = sectionDirectories
        self.buildDate = buildDate
    }

    mutating func assemble(_ contentPages: [Page]) -> Site {
        pages = contentPages
        let home = pages.firstIndex { $0.kind == .home } ?? append(generatedListPage(.home, title: config.title, path: "/", directory: "", key: "list:"))
        var sectionPages = sectionPagesByDirectory()
        // As in Hugo, a section without an `_index` of this language exists in it only when some
        // page of the language is inside it.
        var populated: Set<String> = []
        for page in pages {
            guard var directory = page.source?.directory else { continue }
            while !directory.isEmpty, populated.insert(directory).inserted { directory = directory.deletingLastPathSegment }
        }
        for directory in sectionDirectories.sorted()
        where sectionPages[directory] == nil && populated.contains(directory) && !isTaxonomyDirectory(directory) {
            sectionPages[directory] = append(generatedListPage(.section, title: sectionTitle(directory),
                                                               path: "/" + PageURL.sanitize(directory) + "/", directory: directory,
                                                               key: "list:\(directory)"))
        }

        var parent: [Site.PageID: Site.PageID] = [:]
        var members: [Site.PageID: [Site.PageID]] = [:]
        var childSections: [Site.PageID: [Site.PageID]] = [:]
        for (directory, id) in sectionPages {
            let parentDirectory = sectionDirectories.nearestSection(to: directory.deletingLastPathSegment)
            let parentID = sectionPages[parentDirectory] ?? home
            parent[id] = parentID
            childSections[parentID, default: []].append(id)
        }
        let listed = pages.indices.filter { pages[$0].kind == .page && !pages[$0].frontMatter.headless }
        for id in listed {
            let parentID = sectionPages[pages[id].sectionDirectory] ?? home
            parent[id] = parentID
            members[parentID, default: []].append(id)
        }

        let regularPages = sorted(listed)
        for (id, list) in members { members[id] = sorted(list) }
        for (id, list) in childSections { childSections[id] = sorted(list) }

        var previous: [Site.PageID: Site.PageID] = [:], next: [Site.PageID: Site.PageID] = [:]
        for (_, list) in members where list.count > 1 {
            let byDate = list.sorted { (pages[$0].date ?? .distantPast, pages[$0].path) < (pages[$1].date ?? .distantPast, pages[$1].path) }
            for (older, newer) in zip(byDate, byDate.dropFirst()) {
                next[older] = newer
                previous[newer] = older
            }
        }
        // Computed after the neighbours, which follow sections; the home list crosses them.
        members[home] = homeMembers(regularPages)

        let taxonomies = buildTaxonomies(regularPages, sectionPages: sectionPages, members: &members, parent: &parent, home: home)
        _ = append(generatedListPage(.notFound, title: "Page not found", path: "/404.html", directory: "", key: "404"))
        let menus = MenuBuilder(config: config, pages: pages).build()

        var pagesByContentPath: [String: Site.PageID] = [:]
        for (id, page) in pages.enumerated() { if let source = page.source { pagesByContentPath[source.path] = id } }

        let site = Site(config: config, language: language, urls: urls, pages: pages, home: home, regularPages: regularPages,
                        members: members, childSections: childSections, parent: parent,
                        previous: previous, next: next, taxonomies: taxonomies, menus: menus,
                        pagesByContentPath: pagesByContentPath, buildDate: buildDate)
        return site
    }

    private mutating func append(_ page: Page) -> Site.PageID {
        pages.append(page)
        return pages.count - 1
    }

    /// Hugo's title for a section without `_index.md`: its folder's name with a capital, in the
    /// plural unless `pluralizeListTitles` is off (`my-posts` is `My-posts`, `child` `Children`).
    private func sectionTitle(_ directory: String) -> String {
        let name = (directory as NSString).lastPathComponent
        let title = name.prefix(1).uppercased() + name.dropFirst()
        return config.pluralizeListTitles ? Inflector.pluralize(title) : title
    }

    private func generatedListPage(_ kind: PageKind, title: String, path: String, directory: String, key: String) -> Page {
        var page = Page(kind: kind, source: nil, frontMatter: .empty, body: "", bodyStartLine: 1, title: title,
                        path: pageURL.prefixed(path), section: directory.split(separator: "/").first.map(String.init) ?? "",
                        sectionDirectory: directory, resources: [], rendered: nil)
        page.translationKey = key
        return page
    }

    private func sectionPagesByDirectory() -> [String: Site.PageID] {
        var result: [String: Site.PageID] = [:]
        for (id, page) in pages.enumerated() where page.kind == .section {
            if let directory = page.source?.directory, !isTaxonomyDirectory(directory) { result[directory] = id }
        }
        return result
    }

    /// `content/tags/_index.md` gives the taxonomy page its title and text instead of making a section.
    private func isTaxonomyDirectory(_ directory: String) -> Bool {
        let first = directory.split(separator: "/").first.map(String.init) ?? ""
        return config.taxonomies.contains { $0.plural == first }
    }

    /// The home page lists the `params.mainSections` sections, or every regular page.
    private func homeMembers(_ regularPages: [Site.PageID]) -> [Site.PageID] {
        guard let mainSections = config.params.value(forKeyIgnoringCase: "mainSections")?.stringList else { return regularPages }
        return regularPages.filter { mainSections.contains(pages[$0].section) }
    }

    /// Hugo's default order: weight ascending with unweighted pages last, then newest first, then
    /// title, then path, so the order never depends on file-system enumeration.
    /// The keys are read out first: a `Page` copied into the comparison retains all it holds.
    private func sorted(_ ids: [Site.PageID]) -> [Site.PageID] {
        let keys = ids.map { id in
            (id: id, weight: pages[id].weight == 0 ? Int.max : pages[id].weight, date: pages[id].date ?? .distantPast)
        }
        return keys.sorted { a, b in
            if a.weight != b.weight { return a.weight < b.weight }
            if a.date != b.date { return a.date > b.date }
            let ta = pages[a.id].title, tb = pages[b.id].title
            if ta != tb { return ta.localizedStandardCompare(tb) == .orderedAscending }
            return pages[a.id].path < pages[b.id].path
        }.map(\.id)
    }

    private mutating func buildTaxonomies(_ regularPages: [Site.PageID], sectionPages: [String: Site.PageID],
                                          members: inout [Site.PageID: [Site.PageID]], parent: inout [Site.PageID: Site.PageID],
                                          home: Site.PageID) -> [Taxonomy] {
        let contentListPages = Dictionary(pages.indices.compactMap { id -> (String, Site.PageID)? in
            guard pages[id].kind == .section, let directory = pages[id].source?.directory, isTaxonomyDirectory(directory) else { return nil }
            return (directory, id)
        }, uniquingKeysWith: { first, _ in first })

        var result: [Taxonomy] = []
        for taxonomy in config.taxonomies {
            var names: [String: String] = [:]
            var termPages: [String: [Site.PageID]] = [:]
            for id in regularPages {
                for name in pages[id].frontMatter.taxonomies[taxonomy.plural] ?? [] {
                    let key = urlize(name)
                    guard !key.isEmpty else { continue }
                    if names[key] == nil { names[key] = name }
                    if termPages[key]?.last != id { termPages[key, default: []].append(id) }
                }
            }
            let taxonomyPath = pageURL.prefixed("/" + PageURL.sanitize(taxonomy.plural) + "/")
            let taxonomyID = adopt(contentListPages[taxonomy.plural], as: .taxonomy, path: taxonomyPath,
                                   title: APStyleTitle.convert(taxonomy.plural), taxonomy: taxonomy.plural, term: nil)
            parent[taxonomyID] = home
            var terms: [Term] = []
            for key in names.keys.sorted(by: { names[$0]!.localizedStandardCompare(names[$1]!) == .orderedAscending }) {
                let termID = adopt(contentListPages["\(taxonomy.plural)/\(key)"], as: .term, path: taxonomyPath + key + "/",
                                   title: names[key]!, taxonomy: taxonomy.plural, term: key)
                members[termID] = termPages[key]!
                parent[termID] = taxonomyID
                terms.append(Term(name: names[key]!, page: termID, pages: termPages[key]!))
            }
            result.append(Taxonomy(singular: taxonomy.singular, plural: taxonomy.plural, page: taxonomyID, terms: terms))
        }
        return result
    }

    /// Turns a content `_index.md` under a taxonomy folder into that taxonomy or term page, or generates one.
    private mutating func adopt(_ existing: Site.PageID?, as kind: PageKind, path: String, title: String,
                                taxonomy: String, term: String?) -> Site.PageID {
        let key = kind == .taxonomy ? "taxonomy:\(taxonomy)" : "term:\(taxonomy)/\(term ?? "")"
        let id = existing ?? append(generatedListPage(kind, title: title, path: path, directory: taxonomy, key: key))
        pages[id].kind = kind
        pages[id].path = path
        pages[id].translationKey = key
        pages[id].taxonomy = taxonomy
        pages[id].term = term
        if pages[id].frontMatter.title == nil { pages[id].title = title }
        return id
    }
}

extension FrontMatter {
    /// The front matter of a page SiteGen generates (a home, section, taxonomy or term without a file).
    static let empty: FrontMatter = {
        // Only a wrongly typed value can fail, and there are no values.
        try! FrontMatter(values: [:], taxonomies: [], file: "", keyLines: [:])
    }()
}
