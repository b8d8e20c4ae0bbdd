/// Which pages of the build's sites are translations of each other, by translation key.
struct Translations: Sendable {
    let sites: [Site]
    private let index: [String: [PageRef]]

    init(sites: [Site]) {
        self.sites = sites
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
        let key = sites[page.site][page.page].translationKey
        return key.isEmpty ? [page] : index[key] ?? [page]
    }
}
