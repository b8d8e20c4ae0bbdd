import GoTemplates

/// Hugo's `.Paginator`: one pager of a list, and the way to the others.
final class PaginatorObject: TemplateObject {
    let pages: [PageObject]
    let size: Int
    let number: Int
    unowned let page: PageObject

    init(pages: [PageObject], size: Int, number: Int, page: PageObject) {
        self.pages = pages
        self.size = size
        self.number = number
        self.page = page
    }

    /// The pages a value holds (`.Paginate (where …)`).
    static func pages(in value: TemplateValue) throws -> [PageObject] {
        switch value {
        case .object(let pages as PagesObject): return pages.pages
        case .list(let values):
            return try values.map { value in
                guard case .object(let page as PageObject) = value else { throw TemplateFailure("Paginate: \(value.goTypeName) is not a page") }
                return page
            }
        case .object(let object):
            guard case .list(let values)? = object.elements else { throw TemplateFailure("Paginate: cannot paginate \(object.typeName)") }
            return try pages(in: .list(values))
        case .null: return []
        default: throw TemplateFailure("Paginate: cannot paginate \(value.goTypeName)")
        }
    }

    var totalPagers: Int { max(1, (pages.count + size - 1) / size) }
    var typeName: String { "*page.Pager" }

    /// Hugo's pagers are made once per list, so `eq . $paginator` in `range .Pagers` finds the
    /// current one; here each is made when asked for, and equal when it is the same list's pager.
    func isEqual(to other: any TemplateObject) -> Bool {
        guard let other = other as? PaginatorObject else { return false }
        return other.number == number && other.size == size && other.page.model.path == page.model.path
            && Self.samePages(other.pages, pages)
    }

    /// The pagers of one list share one array: `eq` in `range .Pagers` compares each with the
    /// current one, and comparing 3,000 pages one by one there was most of a home page's time.
    private static func samePages(_ a: [PageObject], _ b: [PageObject]) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        return shared || zip(a, b).allSatisfy { $0 === $1 }
    }
    var printed: String { "Pager \(number)" }

    /// The URL path of pager `n` (`/posts/`, `/posts/page/2/`).
    func path(of n: Int) -> String {
        n == 1 ? page.model.path : page.model.path + "page/\(n)/"
    }

    private func pager(_ n: Int) -> TemplateValue {
        guard n >= 1, n <= totalPagers else { return .null }
        return .object(PaginatorObject(pages: pages, size: size, number: n, page: page))
    }

    private var pagePages: [PageObject] {
        let start = (number - 1) * size
        guard start < pages.count else { return [] }
        return Array(pages[start..<min(start + size, pages.count)])
    }

    static let members = MemberTable<PaginatorObject>([
        "Pages": { pager, _, _ in .object(PagesObject(pager.pagePages)) },
        "PageNumber": { pager, _, _ in .int(pager.number) },
        "TotalPages": { pager, _, _ in .int(pager.totalPagers) },
        "TotalNumberOfElements": { pager, _, _ in .int(pager.pages.count) },
        "NumberOfElements": { pager, _, _ in .int(pager.pagePages.count) },
        "PagerSize": { pager, _, _ in .int(pager.size) },
        "PageSize": { pager, _, _ in .int(pager.size) },
        "HasPrev": { pager, _, _ in .bool(pager.number > 1) },
        "HasNext": { pager, _, _ in .bool(pager.number < pager.totalPagers) },
        "Prev": { pager, _, _ in pager.pager(pager.number - 1) },
        "Next": { pager, _, _ in pager.pager(pager.number + 1) },
        "First": { pager, _, _ in pager.pager(1) },
        "Last": { pager, _, _ in pager.pager(pager.totalPagers) },
        "Pagers": { pager, _, _ in .list((1...pager.totalPagers).map { pager.pager($0) }) },
        "URL": { pager, _, _ in .string(pager.page.site.model.urls.relative(pager.path(of: pager.number))) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
