import Foundation

/// How an edit of pages' front matter reaches the Hugo objects a preview keeps between renders.
enum HugoEdits {
    /// Front-matter keys that decide what a page is, where it goes or how it renders (Hugo's
    /// `url`, `layout`, `outputs`, `cascade`, `menu`…): what outputs read is not recorded for
    /// them, so an edit of one renders everything again. Other keys (`title`, the dates, `weight`,
    /// the terms, `description`, a site's own params) are read through the pages' members.
    static let structuralKeys: Set<String> = [
        "aliases", "build", "_build", "cascade", "draft", "headless", "iscjklanguage", "layout", "markup",
        "menu", "menus", "outputs", "resources", "sitemap", "slug", "translationkey", "type", "url",
    ]

    /// Whether the edit from `old` to `new` changed only what templates read through the page's members.
    static func keepsStructure(from old: Page, to new: Page) -> Bool {
        let (a, b) = (old.frontMatter, new.frontMatter)
        guard a.slug == b.slug, a.url == b.url, a.type == b.type, a.layout == b.layout, a.menus == b.menus,
              a.headless == b.headless, a.draft == b.draft, a.aliases == b.aliases else { return false }
        return changedKeys(a.params, b.params).isDisjoint(with: structuralKeys)
    }

    /// The keys, lower-cased, whose values differ between two front matters' params.
    static func changedKeys(_ a: [String: Value], _ b: [String: Value]) -> Set<String> {
        let (x, y) = (lowercased(a), lowercased(b))
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }
    }

    private static func lowercased(_ params: [String: Value]) -> [String: Value] {
        Dictionary(params.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
    }

    private static let orderKeys: Set<String> = [
        "date", "lastmod", "modified", "publishdate", "pubdate", "published", "expirydate", "unpublishdate", "weight",
    ]

    /// Whether giving the regular pages `edited` their new records (`HugoSites.replace`) leaves
    /// every order of `sites` as it was: their dates, weights and terms are the same, and a
    /// new title could move one only among pages of the same weight and date, of which it has none.
    /// Else the objects are made again and their orders compared (`HugoSites.changes`).
    static func keepOrders(of sites: HugoSites, _ edited: [(ref: PageRef, old: Page, new: Page)]) -> Bool {
        edited.allSatisfy { ref, old, new in
            guard old.kind == .page, new.kind == .page, sites.sites.indices.contains(ref.site),
                  old.frontMatter.taxonomies == new.frontMatter.taxonomies else { return false }
            let changed = changedKeys(old.frontMatter.params, new.frontMatter.params)
            guard changed.isDisjoint(with: orderKeys) else { return false }
            guard changed.contains("title") || changed.contains("linktitle") else { return true }
            let site = sites.sites[ref.site]
            let page = site.pages[ref.page]
            let date = page.dates.date?.unixSeconds
            return !site.pages.contains { $0.id != ref.page && $0.model.weight == page.model.weight && $0.dates.date?.unixSeconds == date }
        }
    }
}
