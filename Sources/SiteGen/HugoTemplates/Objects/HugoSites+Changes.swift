import GoTemplates

extension HugoSites {
    /// What an edit that kept every page in its place changed between these objects (from before
    /// it) and `new` (made after it), as templates see the pages: the lists whose members or
    /// order changed (a list page's `.Pages`, `.RegularPages`, `.RegularPagesRecursive`, a term's
    /// pages, a taxonomy's terms; `PageRef.lists` for the site-wide ones), the list pages whose
    /// dates, taken from their pages, changed, and the pages whose neighbours (`.Next`,
    /// `.NextInSection` and their `.Prev`) changed. Nil when the menus changed: templates read
    /// them as a whole, and what they show is not recorded. Only the sites of `languages` are compared.
    func changes(to new: HugoSites, in languages: Set<Int>) -> SiteChange? {
        var change = SiteChange()
        for index in languages.sorted() where sites.indices.contains(index) && new.sites.indices.contains(index) {
            let (before, after) = (sites[index], new.sites[index])
            guard before.pages.count == after.pages.count, before.menus == after.menus else { return nil }
            func ids(_ pages: [PageObject]) -> [Site.PageID] { pages.map(\.id) }
            if ids(before.regularPages) != ids(after.regularPages) || ids(before.allPages) != ids(after.allPages)
                || before.model.taxonomies != after.model.taxonomies {
                change.lists.insert(.lists(of: index))
            }
            for (a, b) in zip(before.pages, after.pages) {
                let ref = PageRef(site: index, page: a.id)
                if a.model.isListPage {
                    let recursive = a.model.kind == .home || a.model.kind == .section
                    if ids(a.pages) != ids(b.pages) || ids(a.children) != ids(b.children)
                        || (recursive && ids(a.regularPagesRecursive) != ids(b.regularPagesRecursive)) {
                        change.lists.insert(ref)
                    }
                    if Self.stamp(a.dates.date) != Self.stamp(b.dates.date) || Self.stamp(a.dates.lastmod) != Self.stamp(b.dates.lastmod) {
                        change.pages.insert(ref)
                    }
                } else if before.neighbours(of: a.id) != after.neighbours(of: b.id) {
                    change.pages.insert(ref)
                }
            }
        }
        return change
    }

    /// A time as templates print it, its zone included.
    private static func stamp(_ time: GoTime?) -> String? { time.map { GoFormat.printed(.time($0)) } }
}

extension SiteObject {
    /// The pages next to `id` in the site's regular pages and in its section's: what `.Next`,
    /// `.Prev`, `.NextInSection` and `.PrevInSection` show.
    func neighbours(of id: Site.PageID) -> [Site.PageID?] {
        func around(_ list: [PageObject], _ position: Int?) -> [Site.PageID?] {
            guard let position else { return [nil, nil] }
            return [position > 0 ? list[position - 1].id : nil, position + 1 < list.count ? list[position + 1].id : nil]
        }
        let section = sectionPages[model.parent[id] ?? model.home] ?? []
        return around(regularPages, regularPosition[id]) + around(section, sectionPosition[id])
    }
}
