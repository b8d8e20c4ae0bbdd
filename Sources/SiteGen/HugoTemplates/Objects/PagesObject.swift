import GoTemplates

/// Hugo's `Pages`: a list of pages that ranges like a list and has Hugo's sorting and grouping
/// methods (`.ByTitle`, `.Reverse`, `.Len`…).
final class PagesObject: TemplateObject {
    let pages: [PageObject]

    init(_ pages: [PageObject]) {
        self.pages = pages
    }

    var typeName: String { "page.Pages" }
    var printed: String { "Pages(\(pages.count))" }
    var elements: Elements? { .list(pages.map { .object($0) }) }

    func isEqual(to other: any TemplateObject) -> Bool {
        guard let other = other as? PagesObject else { return false }
        return pages.count == other.pages.count && zip(pages, other.pages).allSatisfy { $0 === $1 }
    }

    /// Hugo's related content with its default configuration: pages sharing `keywords` (weight
    /// 100) or `tags` (weight 80), not newer than `page`, best matches first, then newest.
    func related(to page: PageObject) -> [PageObject] {
        noteEveryPage()
        func terms(_ page: PageObject, _ key: String) -> Set<String> {
            guard case .array(let values)? = page.model.frontMatter.params.first(where: { $0.key.lowercased() == key })?.value else { return [] }
            return Set(values.compactMap(\.string))
        }
        let keywords = terms(page, "keywords"), tags = terms(page, "tags")
        let date = page.dates.date?.unixSeconds ?? 0
        let scored: [(page: PageObject, score: Int)] = pages.compactMap { candidate in
            guard candidate !== page, candidate.id != page.id || candidate.site !== page.site,
                  (candidate.dates.date?.unixSeconds ?? 0) <= date else { return nil }
            let score = 100 * terms(candidate, "keywords").intersection(keywords).count + 80 * terms(candidate, "tags").intersection(tags).count
            return score >= 80 ? (candidate, score) : nil
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : PageObject.defaultOrder($0.page, $1.page) }.map(\.page)
    }

    /// Hugo's `.GroupByDate "2006-01"`: the pages newest first (oldest with "asc"), in groups of
    /// the same formatted date, in that order.
    /// Month and day names are the page's language's, as `time.Format` writes them.
    func grouped(byDate arguments: [TemplateValue], context: CallContext, _ date: (PageObject) -> GoTime?) throws -> TemplateValue {
        let formatter = try RenderHost.of(context).timeFormatter
        let layout = try Arguments(arguments, "GroupByDate").string(0)
        let ascending = arguments.count > 1 && arguments[1].text?.lowercased() == "asc"
        noteEveryPage()
        let ordered = pages.enumerated().sorted { a, b in
            let (x, y) = (date(a.element)?.unixSeconds ?? .min, date(b.element)?.unixSeconds ?? .min)
            return x != y ? (ascending ? x < y : x > y) : a.offset < b.offset
        }.map(\.element)
        var groups: [(key: String, pages: [PageObject])] = []
        for page in ordered {
            let key = try formatter.format(date(page) ?? .zero, layout: layout)
            if groups.last?.key == key { groups[groups.count - 1].pages.append(page) } else { groups.append((key, [page])) }
        }
        return .list(groups.map { .object(PageGroupObject(key: .string($0.key), pages: $0.pages)) })
    }

    private static func sorted(_ pages: PagesObject, _ arguments: [TemplateValue], by less: @escaping (PageObject, PageObject) -> Bool) -> TemplateValue {
        pages.noteEveryPage()
        // Hugo's sorts are stable and fall back to its default order.
        let ordered = pages.pages.enumerated().sorted { a, b in
            if less(a.element, b.element) { return true }
            if less(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
        return .object(PagesObject(ordered))
    }

    /// Notes that the output read every page of the list: a sort or a grouping here reads
    /// their dates, titles or params, which templates do not read through the pages' members.
    func noteEveryPage() {
        guard let recorder = ReadRecorder.current else { return }
        for page in pages { recorder.read(page.ref) }
    }

    static let members = MemberTable<PagesObject>([
        "Len": { pages, _, _ in .int(pages.pages.count) },
        "Reverse": { pages, _, _ in .object(PagesObject(pages.pages.reversed())) },
        "GroupByDate": { pages, arguments, context in try pages.grouped(byDate: arguments, context: context, \.dates.date) },
        "GroupByPublishDate": { pages, arguments, context in
            try pages.grouped(byDate: arguments, context: context) { $0.time(["publishdate", "pubdate", "published", "date"]) ?? $0.dates.date }
        },
        "GroupByLastmod": { pages, arguments, context in try pages.grouped(byDate: arguments, context: context, \.dates.lastmod) },
        "GroupByExpiryDate": { pages, arguments, context in
            try pages.grouped(byDate: arguments, context: context) { $0.time(["expirydate", "unpublishdate"]) }
        },
        "GroupByParamDate": { pages, arguments, context in
            let name = try Arguments(arguments, "GroupByParamDate").string(0).lowercased()
            return try pages.grouped(byDate: Array(arguments.dropFirst()), context: context) { $0.time([name]) }
        },
        "GroupBy": { pages, arguments, context in try pages.grouped(byField: arguments, context: context) },
        "GroupByParam": { pages, arguments, _ in try pages.grouped(byParam: arguments) },
        // Hugo's `.Next` of a list is the page before the given one, `.Prev` the one after.
        "Next": { pages, arguments, _ in
            guard case .object(let page as PageObject)? = arguments.first,
                  let index = pages.pages.firstIndex(where: { $0.isEqual(to: page) }), index > 0 else { return .null }
            return .object(pages.pages[index - 1])
        },
        "Prev": { pages, arguments, _ in
            guard case .object(let page as PageObject)? = arguments.first,
                  let index = pages.pages.firstIndex(where: { $0.isEqual(to: page) }), index + 1 < pages.pages.count else { return .null }
            return .object(pages.pages[index + 1])
        },
        "Related": { pages, arguments, _ in
            guard case .object(let page as PageObject)? = arguments.first else { return .object(PagesObject([])) }
            return .object(PagesObject(pages.related(to: page)))
        },
        "ByWeight": { pages, _, _ in
            pages.noteEveryPage()
            return .object(PagesObject(pages.pages.inDefaultOrder()))
        },
        "ByTitle": { pages, arguments, _ in sorted(pages, arguments) { $0.title < $1.title } },
        "ByLinkTitle": { pages, arguments, _ in sorted(pages, arguments) { $0.linkTitle < $1.linkTitle } },
        "ByDate": { pages, arguments, _ in sorted(pages, arguments) { ($0.dates.date?.unixSeconds ?? .min) < ($1.dates.date?.unixSeconds ?? .min) } },
        "ByPublishDate": { pages, arguments, _ in
            sorted(pages, arguments) { ($0.model.frontMatter.publishDate ?? .distantPast) < ($1.model.frontMatter.publishDate ?? .distantPast) }
        },
        "ByLastmod": { pages, arguments, _ in sorted(pages, arguments) { $0.lastmod < $1.lastmod } },
        "ByLength": { pages, arguments, _ in sorted(pages, arguments) { $0.contentLength < $1.contentLength } },
        "ByParam": { pages, arguments, _ in
            let key = try Arguments(arguments, "ByParam").string(0)
            return sorted(pages, arguments) { a, b in
                switch (a.param(key), b.param(key)) {
                case (.int(let x)?, .int(let y)?): return x < y
                case (.float(let x)?, .float(let y)?): return x < y
                case (.string(let x)?, .string(let y)?): return x < y
                case (nil, .some): return false
                case (.some, nil): return true
                default: return false
                }
            }
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// The page a sitemap template runs with: the home page, whose `.Data.Pages` are every page of
/// the language.
final class SitemapPageObject: TemplateObject {
    let home: PageObject

    init(_ site: SiteObject) {
        home = site.home
    }

    var typeName: String { home.typeName }
    var printed: String { home.printed }
    private static let data = Member("Data")

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        guard member == Self.data else { return try home.value(of: member, arguments: arguments, context: context) }
        let formats = home.site.all.formats
        ReadRecorder.current?.readList(.lists(of: home.site.index))
        return .map(ValueMap(["Pages": .object(PagesObject(home.site.allPages.filter { !formats.isDisabled($0.model.kind) }))]))
    }
}

/// One group of `.GroupByDate` and friends: `.Key` and `.Pages`.
final class PageGroupObject: TemplateObject {
    let key: TemplateValue
    let pages: [PageObject]

    init(key: TemplateValue, pages: [PageObject]) {
        self.key = key
        self.pages = pages
    }

    var typeName: String { "page.PageGroup" }
    var printed: String { "{\(GoFormat.printed(key)) \(pages.count)}" }

    static let members = MemberTable<PageGroupObject>([
        "Key": { group, _, _ in group.key },
        "Pages": { group, _, _ in .object(PagesObject(group.pages)) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
