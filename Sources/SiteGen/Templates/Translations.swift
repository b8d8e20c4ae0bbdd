/// Which pages of the build's sites are translations of each other, by translation key.
struct Translations: Sendable {
    /// Each site's pages' translation keys.
    private let keys: [[String]]
    private let index: [String: [PageRef]]

    init(sites: [Site]) {
        keys = sites.map { $0.pages.map(\.translationKey) }
        var index: [String: [PageRef]] = [:]
        for (siteIndex, site) in sites.enumerated() {
            for id in site.renderedPages where !site[id].translationKey.isEmpty {
                index[site[id].translationKey, default: []].append(PageRef(site: siteIndex, page: id))
            }
        }
        self.index = index
    }

    /// Every language's version of a page, its own included, in the sites' order.
    func all(of page: PageRef) -> [PageRef] {
        let key = keys[page.site][page.page]
        return key.isEmpty ? [page] : index[key] ?? [page]
    }
}
