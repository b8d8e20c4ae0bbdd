import Foundation
import GoTemplates
import Synchronization

/// Hugo's Page as templates see it (`.Title`, `.Permalink`, `.Pages`…), over SiteGen's page model.
final class PageObject: TemplateObject, @unchecked Sendable {
    unowned let site: SiteObject
    let id: Site.PageID
    /// The page's record; the preview's next render of the same objects may bring it a new
    /// content (`SiteObject.replace`).
    private(set) var model: Page
    /// The pager this object renders (1 for the page itself; list pages' later pagers get objects of their own).
    let pagerNumber: Int
    /// The output format this object renders (`html`, `rss`), left out of `.AlternativeOutputFormats`.
    let formatName: String
    private(set) var scratch = ScratchObject()
    private(set) var store = ScratchObject()
    /// The paginator made by `.Paginator` or `.Paginate` while this page renders; the first call decides it.
    let paginator = Mutex<PaginatorObject?>(nil)
    let derived: DerivedValues

    /// What is worked out from the page once, whichever object of it asks first: the objects of
    /// its pagers, and the one a list shows it in, share them. The preview's next render keeps
    /// them while the page's record stays (`replace`).
    final class DerivedValues: Sendable {
        let summary = Mutex<(text: String, truncated: Bool)?>(nil)
        let params = Mutex<[String: SiteGen.Value]?>(nil)
        let plain = Mutex<String?>(nil)
        let dates = Mutex<(date: GoTime?, lastmod: GoTime?)?>(nil)
        let wordCount = Mutex<Int?>(nil)

        /// Forgets them all, to work them out again from a new record or content.
        func reset() {
            summary.withLock { $0 = nil }
            params.withLock { $0 = nil }
            plain.withLock { $0 = nil }
            dates.withLock { $0 = nil }
            wordCount.withLock { $0 = nil }
        }
    }

    convenience init(site: SiteObject, id: Site.PageID) {
        self.init(site: site, id: id, pagerNumber: 1, formatName: "html", derived: DerivedValues())
    }

    private init(site: SiteObject, id: Site.PageID, pagerNumber: Int, formatName: String, derived: DerivedValues) {
        self.site = site
        self.id = id
        self.model = site.model.pages[id]
        self.pagerNumber = pagerNumber
        self.formatName = formatName
        self.derived = derived
    }

    /// Takes the page's new record, whose derived values are then worked out again.
    func replace(_ record: Page) {
        model = record
        derived.reset()
    }

    /// Clears what a render leaves on the object, for another render of the same objects: its
    /// scratch and store, and its paginator.
    func clearRenderState() {
        scratch = ScratchObject()
        store = ScratchObject()
        paginator.withLock { $0 = nil }
    }

    /// This page rendering pager `number` of its list.
    func forPager(_ number: Int, format: String? = nil) -> PageObject {
        PageObject(site: site, id: id, pagerNumber: number, formatName: format ?? formatName, derived: derived)
    }

    var typeName: String { "*hugolib.pageState" }
    var printed: String { "Page(\(contentPath.isEmpty ? model.path : "/" + contentPath))" }

    func isEqual(to other: any TemplateObject) -> Bool {
        guard let other = other as? PageObject else { return false }
        return other.site === site && other.id == id
    }

    // MARK: Derived values

    /// A regular page's dates are its own; a list page's are its newest page's (Hugo's rule).
    var dates: (date: GoTime?, lastmod: GoTime?) {
        if let known = derived.dates.withLock({ $0 }) { return known }
        let own = (date: time(Self.dateKeys), lastmod: time(Self.lastmodKeys))
        var made = own
        switch model.kind {
        case .page, .notFound:
            break
        case .home, .section, .taxonomy, .term:
            let members: [PageObject]
            switch model.kind {
            case .home: members = site.regularPages
            case .taxonomy: members = pages.flatMap(\.termPages)
            case .term: members = termPages
            default: members = regularPagesRecursive
            }
            let newest = members.compactMap(\.dates.date).max { $0.unixSeconds < $1.unixSeconds }
            let newestChange = members.compactMap(\.dates.lastmod).max { $0.unixSeconds < $1.unixSeconds }
            made = (own.date ?? newest, own.lastmod ?? own.date ?? newestChange)
        }
        derived.dates.withLock { $0 = made }
        return made
    }

    private static let dateKeys = ["date", "publishdate", "pubdate", "published"]
    private static let lastmodKeys = ["lastmod", "modified", "date", "publishdate", "pubdate", "published"]
    private static let publishDateKeys = ["publishdate", "pubdate", "published", "date"]
    private static let expiryDateKeys = ["expirydate", "unpublishdate"]

    /// The first of the front-matter `keys` that holds a date, in the zone it was written in.
    func time(_ keys: [String]) -> GoTime? {
        let params = model.frontMatter.params
        for key in keys {
            guard let value = params.first(where: { $0.key.lowercased() == key })?.value else { continue }
            switch value {
            case .date(let date, let offset):
                return GoTime(date, location: offset.map { GoLocation.fixed(name: "", offset: $0) } ?? .utc)
            case .string(let text):
                if let parsed = HugoDate.parseKeepingOffset(text) {
                    return GoTime(parsed.date, location: parsed.offset.map { GoLocation.fixed(name: "", offset: $0) } ?? .utc)
                }
            default:
                continue
            }
        }
        return nil
    }

    var linkTitle: String { model.frontMatter.params["linktitle"]?.string ?? model.frontMatter.params["linkTitle"]?.string ?? title }

    /// Hugo's `.Section`: the top-level section a page is in; "" for the pages at the root of the
    /// content (a bundle there is no section of its own).
    var section: String {
        if model.kind == .page, site.model.parent[id].map({ site.model.pages[$0].kind == .home }) ?? true { return "" }
        return model.section
    }

    /// Hugo's `.Type`: the front matter's `type`, else the section, else "page".
    var type: String { model.frontMatter.type ?? (section.isEmpty ? "page" : section) }

    /// Hugo titles its 404 page "404 Page not found".
    var title: String { model.kind == .notFound && model.source == nil ? "404 Page not found" : model.title }
    var lastmod: Int { dates.lastmod?.unixSeconds ?? .min }
    var contentLength: Int { rendered(.html)?.html.utf8.count ?? 0 }

    /// The page's rendered Markdown, noting that the output being rendered shows `part` of it.
    /// Each read of a part, and of what is made of it (`.Summary`, `.Plain`, the word counts, even
    /// when they are known already), is noted: after an edit of the page's body, only the outputs
    /// that showed a part that changed are rendered again (`IncrementalBuild`).
    func rendered(_ part: ContentParts) -> RenderedMarkdown? {
        noting(part)
        return markdown
    }

    private var markdown: RenderedMarkdown? {
        site.all.contentOnDemand?.rendered(ref) ?? model.rendered
    }

    private func noting(_ part: ContentParts) {
        ReadRecorder.current?.readContent(ref, part)
    }
    /// Pages of several languages are translations of each other when they share this: the front
    /// matter's `translationKey`, else what SiteGen's model gives (the path in the content folder).
    var translationKey: String {
        // Compared without lower-casing every key of every page: this runs for each page as a site is linked.
        if let key = model.frontMatter.params.first(where: { $0.key.utf8.count == 14 && $0.key.lowercased() == "translationkey" })?.value.string {
            return "key:" + key
        }
        return model.translationKey.isEmpty ? "\(model.kind.rawValue):\(model.path)" : model.translationKey
    }
    /// The content file's path in its content folder, without the language (`posts/first.md`); "" for generated pages.
    var contentPath: String { model.source?.path ?? "" }
    /// The file's path from the site folder (`content/posts/a.md`), which Hugo's order ends on.
    private var fileName: String { model.source.map { $0.root + "/" + $0.path } ?? "" }
    var relPermalink: String { site.model.urls.relative(model.path) }
    var permalink: String { site.model.urls.absolute(model.path) }

    var kind: String {
        switch model.kind {
        case .page: return "page"
        case .section: return "section"
        case .home: return "home"
        case .taxonomy: return "taxonomy"
        case .term: return "term"
        case .notFound: return "404"
        }
    }

    /// The front matter's params, with what the pages above it `cascade` to it (the nearest first)
    /// for the keys it does not set itself.
    var params: [String: SiteGen.Value] {
        if let known = derived.params.withLock({ $0 }) { return known }
        var params = model.frontMatter.params
        var keys = Set(params.keys.map { $0.lowercased() })
        // Hugo's cascade applies to the page that declares it too.
        for ancestor in [self] + ancestors {
            guard case .table(let cascade)? = ancestor.model.frontMatter.params.first(where: { $0.key.lowercased() == "cascade" })?.value
            else { continue }
            for (key, value) in cascade where keys.insert(key.lowercased()).inserted { params[key] = value }
        }
        // Hugo puts these in every page's params: its dates as they were resolved, and flags.
        func first(of names: [String]) -> SiteGen.Value? {
            names.lazy.compactMap { name in params.first { $0.key.lowercased() == name }?.value }.first
        }
        var implied: [(String, SiteGen.Value?)] = [("date", first(of: Self.dateKeys)), ("lastmod", first(of: Self.lastmodKeys)),
                                                   ("publishdate", first(of: Self.publishDateKeys)),
                                                   ("draft", .bool(false)), ("iscjklanguage", .bool(false))]
        if model.kind == .term { implied.append(("title", .string(title))) }
        for case let (key, value?) in implied where keys.insert(key).inserted { params[key] = value }
        derived.params.withLock { $0 = params }
        return params
    }

    /// Hugo's `.Plain`: the content without its tags.
    var plain: String {
        noting(.words)
        return plainText
    }

    private var plainText: String {
        if let known = derived.plain.withLock({ $0 }) { return known }
        let made = PlainText.of(markdown?.html ?? "")
        derived.plain.withLock { $0 = made }
        return made
    }

    /// Hugo's `.WordCount`: the words of the plain text, split at white space.
    var wordCount: Int {
        noting(.words)
        if let known = derived.wordCount.withLock({ $0 }) { return known }
        let made = PlainText.wordCount(plainText)
        derived.wordCount.withLock { $0 = made }
        return made
    }

    /// A front-matter param, or the site's when the page has none (`.Param`).
    func param(_ key: String) -> TemplateValue? {
        let path = key.split(separator: ".").map { String($0).lowercased() }
        func lookup(_ root: TemplateValue) -> TemplateValue? {
            var value = root
            for part in path {
                guard case .map(let map) = value, let next = map[part] else { return nil }
                value = next
            }
            return value
        }
        return lookup(.params(params)) ?? lookup(site.params)
    }

    /// Hugo's default order: weight (unweighted last), then date, newest first, then link title, then file.
    static func defaultOrder(_ a: PageObject, _ b: PageObject) -> Bool {
        order(a, b, weights: (a.model.weight, b.model.weight), dates: (a.dates.date?.unixSeconds ?? 0, b.dates.date?.unixSeconds ?? 0))
    }

    /// Hugo's default order: by weight (0 last), newer first, then title and file.
    fileprivate static func order(_ a: PageObject, _ b: PageObject, weights: (Int, Int), dates: (Int, Int)) -> Bool {
        let (wa, wb) = weights
        if wa != wb {
            if wb == 0 { return true }
            if wa == 0 { return false }
            return wa < wb
        }
        if dates.0 != dates.1 { return dates.0 > dates.1 }
        // Hugo compares titles by collation: letters, then accents, then case (`go` before `Go`).
        if a.linkTitle != b.linkTitle {
            let order = CollectionsFunctions.collate(a.linkTitle, b.linkTitle)
            if order != 0 { return order < 0 }
        }
        // Hugo's own tie-break, not a strict order: a page without a file is less than any other,
        // another such page included. `GoSort.stable` takes the steps that settle it as Hugo's.
        guard a.model.source != nil, b.model.source != nil else { return a.model.source == nil }
        return a.fileName.utf8.lexicographicallyPrecedes(b.fileName.utf8)
    }

    /// Where Hugo 0.111 keeps the page in its content map, whose walk is the order `.Site.Pages`
    /// starts from before it is sorted: the regular pages' tree, then the sections' (the home page
    /// first), then the taxonomies' and terms', each by key. It matters where pages tie.
    var contentMapPosition: (tree: Int, key: String) {
        func sectionKey(_ path: String) -> String { path.isEmpty ? "/" : "/" + path.lowercased() + "/" }
        switch model.kind {
        case .page, .notFound:
            let section = sectionKey(model.sectionDirectory)
            guard let source = model.source else { return (0, section) }
            let bundle = source.kind == .single && !source.directory.isEmpty ? source.directory + "/" + source.baseName
                : source.kind == .single ? source.baseName : source.directory
            var rest = "/" + bundle.lowercased()
            if section != "/", rest.hasPrefix(section) { rest.removeFirst(section.count) }
            if rest.hasPrefix("/") { rest.removeFirst() }
            return (0, section + "__hb_" + rest + "__hl_")
        case .home: return (1, "/")
        case .section: return (1, sectionKey(model.sectionDirectory))
        case .taxonomy, .term:
            return (2, sectionKey([model.taxonomy, model.term].compactMap { $0 }.joined(separator: "/")))
        }
    }

    /// Hugo 0.111's `.Summary`: the HTML above `<!--more-->`, or the front matter's `summary`, or
    /// else the plain text cut after `summaryLength` words at the end of a sentence.
    var summary: (text: String, truncated: Bool) {
        noting(.summary)
        if let known = derived.summary.withLock({ $0 }) { return known }
        let made = Self.summary(of: markdown, page: model, plain: plainText, words: site.model.config.summaryLength)
        derived.summary.withLock { $0 = made }
        return made
    }

    /// The summary of `page` when its Markdown is `rendered`, and its plain text `plain`.
    static func summary(of rendered: RenderedMarkdown?, page: Page, plain: @autoclosure () -> String,
                        words: Int) -> (text: String, truncated: Bool) {
        if let rendered = rendered, page.frontMatter.summary?.isEmpty == false {
            // Markdownified, as `markdownify` does: one paragraph loses its `<p>`.
            var html = rendered.summaryHTML.trimmingCharacters(in: .newlines)
            if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 { html = String(html.dropFirst(3).dropLast(4)) }
            // Hugo 0.111 calls such a summary truncated only when a `<!--more-->` is there too.
            return (html, rendered.hasManualSummary)
        } else if let rendered = rendered, rendered.hasManualSummary {
            return (rendered.summaryHTML, rendered.isTruncated)
        }
        return wholeSentences(plain(), words: words)
    }

    /// The parts of `page`'s rendered Markdown that differ from `old` to `new`, as templates show them.
    static func changedParts(of page: Page, from old: RenderedMarkdown?, to new: RenderedMarkdown?, summaryLength: Int) -> ContentParts {
        var parts: ContentParts = []
        if old?.html != new?.html { parts.insert(.html) }
        if old?.headings != new?.headings { parts.insert(.headings) }
        guard parts.contains(.html) else { return parts }
        let (oldPlain, newPlain) = (PlainText.of(old?.html ?? ""), PlainText.of(new?.html ?? ""))
        if oldPlain != newPlain { parts.insert(.words) }
        if summary(of: old, page: page, plain: oldPlain, words: summaryLength) != summary(of: new, page: page, plain: newPlain, words: summaryLength) {
            parts.insert(.summary)
        }
        return parts
    }

    /// Hugo's `TruncateWordsToWholeSentence`.
    static func wholeSentences(_ text: String, words: Int) -> (text: String, truncated: Bool) {
        let scalars = text.unicodeScalars
        var count = 0
        var lastSpace: String.Index?
        for index in scalars.indices where scalars[index].isGoSpace {
            count += 1
            lastSpace = index
            if count >= words { break }
        }
        guard let lastSpace else { return (text, false) }
        guard let end = scalars[lastSpace...].firstIndex(where: { ".?!\"\n".unicodeScalars.contains($0) }) else { return (text, false) }
        let cut = scalars.index(after: end)
        return (text[..<cut].trimmingWhiteSpace, cut < text.endIndex)
    }

    var children: [PageObject] { site.children[id] ?? [] }

    /// `.Pages`: a list page's direct pages and sections; a taxonomy's terms; a term's pages.
    var pages: [PageObject] {
        switch model.kind {
        case .home, .section: return children.filter { $0.model.kind == .page || $0.model.kind == .section }
        case .taxonomy:
            return site.model.taxonomies.first { $0.page == id }.map { taxonomy in
                taxonomy.terms.map { site.pages[$0.page] }.inDefaultOrder()
            } ?? []
        case .term:
            return termPages
        case .page, .notFound:
            return []
        }
    }

    var termPages: [PageObject] {
        for taxonomy in site.model.taxonomies {
            if let term = taxonomy.terms.first(where: { $0.page == id }) {
                return term.pages.map { site.pages[$0] }.inDefaultOrder()
            }
        }
        return []
    }

    var regularPages: [PageObject] { pages.filter { $0.model.kind == .page } }

    var regularPagesRecursive: [PageObject] {
        var found: [PageObject] = []
        var stack = children
        while let page = stack.popLast() {
            if page.model.kind == .page { found.append(page) } else if page.model.kind == .section { stack += page.children }
        }
        return found.inDefaultOrder()
    }

    var parent: PageObject? {
        guard model.kind != .home, model.kind != .notFound, let parent = site.model.parent[id] else {
            return model.kind == .home || model.kind == .notFound ? nil : site.home
        }
        return site.pages[parent]
    }

    var currentSection: PageObject {
        if model.kind == .section || model.kind == .home { return self }
        return parent ?? site.home
    }

    var firstSection: PageObject {
        var section = currentSection
        while let up = section.parent, up.model.kind != .home { section = up }
        return section
    }

    var ancestors: [PageObject] {
        var found: [PageObject] = []
        var page = parent
        while let current = page {
            found.append(current)
            page = current.parent
        }
        return found
    }

    /// Hugo's `.Next` points up the site's list (to the newer page), `.Prev` down.
    /// The page `offset` places from this one in `list`, where it stands at `index`.
    private func neighbour(in list: [PageObject], at index: Int?, offset: Int) -> TemplateValue {
        guard let index, list.indices.contains(index), list[index].id == id, list.indices.contains(index + offset) else { return .null }
        return .object(list[index + offset])
    }

    private var sectionPages: [PageObject] { site.sectionPages[site.model.parent[id] ?? site.model.home] ?? [] }

    var description: String { model.frontMatter.description ?? "" }

    var outputFormats: [OutputFormatObject] {
        site.all.formats.formats(for: model.kind).map { OutputFormatObject(format: $0, page: self) }
    }

    /// The URL path of this page's output in `format`.
    func path(in format: OutputFormat) -> String {
        var path = model.path
        if !format.path.isEmpty { path += format.path + "/" }
        if format.isHTML { return path }
        return path + format.baseName + "." + format.suffix
    }

    /// The page's terms in the order its front matter lists them, as Hugo's `GetTerms` sorts
    /// them (by their ordinal on the page).
    func terms(of taxonomy: String) -> [PageObject] {
        guard let configured = site.model.taxonomies.first(where: { $0.plural.lowercased() == taxonomy.lowercased() }) else { return [] }
        let byName = Dictionary(configured.terms.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        return (model.frontMatter.taxonomies[configured.plural] ?? []).compactMap { name in
            let key = name.lowercased()
            guard seen.insert(key).inserted, let term = byName[key] else { return nil }
            return site.pages[term.page]
        }
    }

    // MARK: Members

    static let members = MemberTable<PageObject>([
        "Title": { page, _, _ in .string(page.title) },
        "LinkTitle": { page, _, _ in .string(page.linkTitle) },
        "Content": { page, _, _ in .html(page.rendered(.html)?.html ?? "") },
        "RenderString": { page, arguments, context in
            // `.RenderString MARKUP` or `.RenderString (dict "display" "block") MARKUP`.
            guard let markup = arguments.last, arguments.count <= 2 else { throw TemplateFailure("RenderString takes the options and the markup") }
            var inline = true
            if arguments.count == 2, case .map(let options) = arguments[0], let display = options["display"]?.text {
                inline = display != "block"
            }
            return .html(try HostFunctions.renderString(markup.text ?? GoFormat.printed(markup), on: page, inline: inline, context))
        },
        "Summary": { page, _, _ in .html(page.summary.text) },
        "Truncated": { page, _, _ in .bool(page.summary.truncated) },
        "Plain": { page, _, _ in .string(page.plain) },
        "PlainWords": { page, _, _ in .list(page.plain.split(whereSeparator: \.isWhitespace).map { .string(String($0)) }) },
        "WordCount": { page, _, _ in .int(page.wordCount) },
        "FuzzyWordCount": { page, _, _ in .int((page.wordCount + 100) / 100 * 100) },
        "ReadingTime": { page, _, _ in .int((page.wordCount + 212) / 213) },
        "TableOfContents": { page, _, _ in
            let config = page.site.all.config
            return .html(TableOfContentsBuilder.hugoHTML(page.rendered(.headings)?.headings ?? [], startLevel: config.tocStartLevel,
                                                         stopLevel: config.tocEndLevel, ordered: config.tocOrdered))
        },
        "Fragments": { page, _, _ in .object(FragmentsObject(page.rendered(.headings)?.headings ?? [])) },
        "Len": { page, _, _ in .int(page.contentLength) },
        "Permalink": { page, _, _ in .string(page.permalink) },
        "RelPermalink": { page, _, _ in .string(page.relPermalink) },
        "Date": { page, _, _ in .time(page.dates.date) },
        "Lastmod": { page, _, _ in .time(page.dates.lastmod) },
        "PublishDate": { page, _, _ in .time(page.time(PageObject.publishDateKeys) ?? page.dates.date) },
        "ExpiryDate": { page, _, _ in .time(page.time(PageObject.expiryDateKeys)) },
        "Params": { page, _, _ in .params(page.params) },
        "Param": { page, arguments, _ in page.param(try Arguments(arguments, "Param").string(0)) ?? .null },
        "Kind": { page, _, _ in .string(page.kind) },
        "Type": { page, _, _ in .string(page.type) },
        "Section": { page, _, _ in .string(page.section) },
        "Layout": { page, _, _ in .string(page.model.frontMatter.layout ?? "") },
        "IsPage": { page, _, _ in .bool(page.model.kind == .page) },
        "IsHome": { page, _, _ in .bool(page.model.kind == .home) },
        "IsSection": { page, _, _ in .bool(page.model.kind == .section) },
        "IsNode": { page, _, _ in .bool(page.model.isListPage) },
        "Pages": { page, _, _ in page.listed(page.pages) },
        "RegularPages": { page, _, _ in page.listed(page.regularPages) },
        "RegularPagesRecursive": { page, _, _ in page.listed(page.regularPagesRecursive) },
        "Sections": { page, _, _ in page.listed(page.children.filter { $0.model.kind == .section }) },
        "Data": { page, _, _ in page.data },
        "Site": { page, _, _ in .object(page.site) },
        "Page": { page, _, _ in .object(page) },
        "Sites": { page, _, _ in .list(page.site.all.sites.map { .object($0) }) },
        "Language": { page, _, _ in .object(page.site.language) },
        "Lang": { page, _, _ in .string(page.site.language.code) },
        "Description": { page, _, _ in .string(page.description) },
        "Keywords": { page, _, _ in TemplateValue(page.model.frontMatter.params["keywords"] ?? .array([])) },
        "Draft": { page, _, _ in .bool(page.model.frontMatter.draft) },
        "Weight": { page, _, _ in .int(page.model.weight) },
        "Aliases": { page, _, _ in .list(page.model.aliases.map { .string($0) }) },
        "Slug": { page, _, _ in .string(page.model.frontMatter.slug ?? "") },
        "Name": { page, _, _ in .string(page.linkTitle) },
        "File": { page, _, _ in page.model.source == nil ? .null : .object(FileObject(page)) },
        "Parent": { page, _, _ in page.parent.map { .object($0) } ?? .null },
        "CurrentSection": { page, _, _ in .object(page.currentSection) },
        "FirstSection": { page, _, _ in .object(page.firstSection) },
        "Ancestors": { page, _, _ in .object(PagesObject(page.ancestors)) },
        "Next": { page, _, _ in page.neighbour(in: page.site.regularPages, at: page.site.regularPosition[page.id], offset: -1) },
        "Prev": { page, _, _ in page.neighbour(in: page.site.regularPages, at: page.site.regularPosition[page.id], offset: 1) },
        "NextInSection": { page, _, _ in page.neighbour(in: page.sectionPages, at: page.site.sectionPosition[page.id], offset: -1) },
        "PrevInSection": { page, _, _ in page.neighbour(in: page.sectionPages, at: page.site.sectionPosition[page.id], offset: 1) },
        "Scratch": { page, _, _ in .object(page.scratch) },
        "Store": { page, _, _ in .object(page.store) },
        "IsTranslated": { page, _, _ in .bool(page.site.all.translations(of: page).count > 1) },
        "Translations": { page, _, _ in .object(PagesObject(page.site.all.translations(of: page).filter { !page.isEqual(to: $0) })) },
        "AllTranslations": { page, _, _ in .object(PagesObject(page.site.all.translations(of: page))) },
        "OutputFormats": { page, _, _ in .object(OutputFormatsObject(page.outputFormats)) },
        "AlternativeOutputFormats": { page, _, _ in
            .object(OutputFormatsObject(page.outputFormats.filter { !$0.format.notAlternative && $0.format.name != page.formatName }))
        },
        "RSSLink": { page, _, _ in
            page.outputFormats.first { $0.format.name == "rss" }.map { .string($0.permalink) } ?? .string("")
        },
        "Paginator": { page, _, _ in .object(try page.paginator(of: nil)) },
        "Paginate": { page, arguments, _ in
            guard let pages = arguments.first else { throw TemplateFailure("Paginate: missing the pages") }
            let size = arguments.count > 1 ? arguments[1] : nil
            return .object(try page.paginator(of: PaginatorObject.pages(in: pages), size: size))
        },
        "GetTerms": { page, arguments, _ in .object(PagesObject(page.terms(of: try Arguments(arguments, "GetTerms").string(0)))) },
        "Eq": { page, arguments, _ in
            guard case .object(let other)? = arguments.first else { return .bool(false) }
            return .bool(page.isEqual(to: other))
        },
        "InSection": { page, arguments, _ in
            guard case .object(let other as PageObject)? = arguments.first else { return .bool(false) }
            return .bool(other.currentSection.isEqual(to: page.currentSection))
        },
        "IsAncestor": { page, arguments, _ in
            guard case .object(let other as PageObject)? = arguments.first else { return .bool(false) }
            return .bool(other.ancestors.contains { $0.isEqual(to: page) })
        },
        "IsDescendant": { page, arguments, _ in
            guard case .object(let other as PageObject)? = arguments.first else { return .bool(false) }
            return .bool(page.ancestors.contains { $0.isEqual(to: other) })
        },
        "IsMenuCurrent": { page, arguments, _ in
            guard arguments.count == 2, case .object(let entry as MenuEntryObject) = arguments[1] else { return .bool(false) }
            return .bool(entry.isCurrent(for: page, in: try GoCast.string(arguments[0])))
        },
        "HasMenuCurrent": { page, arguments, _ in
            guard arguments.count == 2, case .object(let entry as MenuEntryObject) = arguments[1] else { return .bool(false) }
            return .bool(entry.hasCurrent(for: page))
        },
        "Sitemap": { page, _, _ in page.sitemap },
        "Hugo": { page, _, _ in .object(page.site.all.hugo) },
        "Resources": { page, _, _ in .object(ResourcesObject(page.resources)) },
        "Render": { page, arguments, context in
            let view = try Arguments(arguments, "Render").string(0)
            let host = try RenderHost.of(context)
            for name in ["\(page.model.type)/\(view).html", "\(page.model.section)/\(view).html", "_default/\(view).html"]
            where host.layouts.html.has(name) {
                guard let tree = host.layouts.html.tree(named: name) else { continue }
                return .html(try context.render(tree, data: .object(page), in: host.layouts.html).text)
            }
            throw TemplateFailure("Render: no content view \"\(view)\" for \(page.printed)")
        },
    ])

    /// `.Sitemap`: the configuration's `sitemap` settings under the page's own front-matter `sitemap`.
    private var sitemap: TemplateValue {
        var settings: [String: TemplateValue] = ["changefreq": .string(""), "priority": .float(-1), "filename": .string("sitemap.xml")]
        for table in [site.model.config.raw, model.frontMatter.params] {
            guard case .table(let configured)? = table.first(where: { $0.key.lowercased() == "sitemap" })?.value else { continue }
            for (key, value) in configured {
                switch (key.lowercased(), value) {
                case ("priority", .int(let number)): settings["priority"] = .float(Double(number))
                case (let name, _): settings[name] = TemplateValue(value)
                }
            }
        }
        return .map(ValueMap(settings, caseInsensitive: true))
    }

    var resources: [ResourceObject] {
        model.resources.map { ResourceObject(resource: $0, site: site) }
    }

    /// `.Data`: Hugo's list pages keep their pages there, taxonomies their terms.
    private var data: TemplateValue {
        ReadRecorder.current?.readList(ref)
        var data = ValueMap()
        switch model.kind {
        case .home, .section:
            data["Pages"] = .object(PagesObject(pages))
        case .taxonomy:
            if let taxonomy = site.model.taxonomies.first(where: { $0.page == id }) {
                data["Singular"] = .string(taxonomy.singular)
                data["Plural"] = .string(taxonomy.plural)
                data["Terms"] = .object(TaxonomyObject(taxonomy, site: site))
                data["Pages"] = .object(PagesObject(pages))
            }
        case .term:
            if let taxonomy = site.model.taxonomies.first(where: { $0.terms.contains { $0.page == id } }) {
                data["Singular"] = .string(taxonomy.singular)
                data["Plural"] = .string(taxonomy.plural)
                data["Term"] = .string(model.term ?? model.title)
                data["Pages"] = .object(PagesObject(termPages))
            }
        case .page, .notFound:
            break
        }
        return .map(data)
    }

    /// The paginator of this render, made by the first of `.Paginator` and `.Paginate`.
    /// What `.Paginator` pages in Hugo: the site's regular pages on the home page, the terms or
    /// the term's pages on taxonomy pages, and a section's own regular pages (not its subsections).
    private var defaultPaginated: [PageObject] {
        switch model.kind {
        case .home: return site.regularPages
        case .taxonomy, .term: return pages
        default: return regularPages
        }
    }

    func paginator(of pages: [PageObject]?, size: TemplateValue? = nil) throws -> PaginatorObject {
        guard model.isListPage else { throw TemplateFailure("pagination not supported for this page: \(printed)") }
        // The pages a list paginates unless told which: its own, or on the home page the site's.
        if let recorder = ReadRecorder.current {
            recorder.readList(model.kind == .home ? .lists(of: site.index) : ref)
        }
        return try paginator.withLock { current in
            if let current { return current }
            let pagerSize: Int
            switch size {
            case .int(let value)?: pagerSize = value
            case nil: pagerSize = site.model.config.paginate
            case let other?: throw TemplateFailure("Paginate: the pager size must be a number, not \(other.goTypeName)")
            }
            let made = PaginatorObject(pages: pages ?? defaultPaginated, size: max(1, pagerSize), number: pagerNumber, page: self)
            current = made
            return made
        }
    }

    var memberNames: [String] { Self.members.names }

    /// What a template reads of a page is noted here, at every member but those an edit can
    /// change only with the site's structure (its URL, kind, section, type, translations…), which
    /// renders everything again anyway: a `where` over every page's `.Section` reads none of
    /// their titles. Content is noted by part where it is read (`rendered(_:)`); lists where they
    /// are made (`listed(_:)`).
    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        if let recorder = ReadRecorder.current, !Self.structuralMembers.contains(member.id) { recorder.read(ref) }
        return try Self.members.value(of: self, member, arguments, context)
    }

    private static let structuralMembers = Set([
        "Permalink", "RelPermalink", "Kind", "Type", "Section", "Layout", "IsPage", "IsHome", "IsSection", "IsNode",
        "Site", "Page", "Sites", "Language", "Lang", "File", "Parent", "CurrentSection", "FirstSection", "Ancestors",
        "Slug", "Aliases", "Draft", "IsTranslated", "Translations", "AllTranslations", "OutputFormats",
        "AlternativeOutputFormats", "RSSLink", "Eq", "InSection", "IsAncestor", "IsDescendant", "IsMenuCurrent",
        "HasMenuCurrent", "Sitemap", "Hugo", "Resources", "Scratch", "Store", "Render",
    ].map { Member($0).id })

    var ref: PageRef { PageRef(site: site.index, page: id) }

    /// `pages` as a template's list, noting that the output shows this page's list of them: an
    /// edit that changes its members or their order renders it again.
    fileprivate func listed(_ pages: [PageObject]) -> TemplateValue {
        ReadRecorder.current?.readList(ref)
        return .object(PagesObject(pages))
    }
}

extension Array where Element == PageObject {
    /// In `PageObject.defaultOrder`, with each page's weight and date read once rather than at
    /// every comparison (a date sits behind a lock).
    func inDefaultOrder() -> [PageObject] {
        let weights = map(\.model.weight), dates = map { $0.dates.date?.unixSeconds ?? 0 }
        var order = Array<Int>(indices)
        GoSort.stable(&order) { i, j in
            PageObject.order(self[i], self[j], weights: (weights[i], weights[j]), dates: (dates[i], dates[j]))
        }
        return order.map { self[$0] }
    }
}
