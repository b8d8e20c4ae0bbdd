/// One pager of a list page: `/blog/`, `/blog/page/2/`, …
struct PaginatorView: TemplateView {
    let context: RenderContext
    let list: Site.PageID
    let pagers: [[Site.PageID]]
    /// From 1.
    let number: Int

    /// URL path of pager `number` of a list page at `path`.
    static func path(of number: Int, listPath: String) -> String {
        number == 1 ? listPath : listPath + "page/\(number)/"
    }

    private func url(_ number: Int) -> String {
        context.urls.relative(Self.path(of: number, listPath: context.site[list].path))
    }

    func lookup(_ key: String) -> Lookup {
        context.recordList(list)
        switch key {
        case "pages": return .found(pagers[number - 1].map { PageView(context, $0, current: list) })
        case "pageNumber": return .found(number)
        case "totalPages": return .found(pagers.count)
        case "hasPrev": return .found(number > 1)
        case "hasNext": return .found(number < pagers.count)
        case "prevURL": return .found(number > 1 ? url(number - 1) : nil)
        case "nextURL": return .found(number < pagers.count ? url(number + 1) : nil)
        case "firstURL": return .found(url(1))
        case "lastURL": return .found(url(pagers.count))
        case "hasPagers": return .found(pagers.count > 1)
        case "pagers": return .found((1...pagers.count).map { PagerLinkView(number: $0, url: url($0), current: $0 == number) })
        default: return .unknown
        }
    }
}

struct PagerLinkView: TemplateView {
    let number: Int
    let url: String
    let current: Bool

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "number": return .found(number)
        case "url": return .found(url)
        case "current": return .found(current)
        default: return .unknown
        }
    }
}

/// The object every template receives: `page`, `site`, and `paginator` on list pages.
struct RootView: TemplateView {
    let page: PageView
    let site: SiteView
    let paginator: PaginatorView?
    let i18n: I18nView

    init(context: RenderContext, page id: Site.PageID, pagesOverride: [Site.PageID]? = nil, paginator: PaginatorView?) {
        page = PageView(context, id, current: id, pagesOverride: pagesOverride)
        site = SiteView(context: context, current: id)
        self.paginator = paginator
        i18n = I18nView(context: context)
    }

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "page": return .found(page)
        case "site": return .found(site)
        case "paginator": return .found(paginator)
        case "i18n": return .found(i18n)
        default: return .unknown
        }
    }
}
