import Foundation

/// Finds the page a `ref`/`relref` names, as Hugo does: a content path from the content root
/// (`/blog/post.md`, `blog/post`), a path relative to the referring page (`../post.md`), or a
/// bare file or bundle name when only one page has it. The page in the referrer's language wins.
struct PageReferences: Sendable {
    private let sites: [Site]
    /// `LANGUAGE|translation key` → page.
    private let byKey: [String: PageRef]
    /// `LANGUAGE|base name` → pages with that file or bundle name.
    private let byName: [String: [PageRef]]

    init(sites: [Site]) {
        self.sites = sites
        var byKey: [String: PageRef] = [:], byName: [String: [PageRef]] = [:]
        for (siteIndex, site) in sites.enumerated() {
            for (id, page) in site.pages.enumerated() {
                guard let source = page.source else { continue }
                let ref = PageRef(site: siteIndex, page: id)
                byKey["\(site.language.code)|\(source.translationKey)"] = ref
                byName["\(site.language.code)|\(source.baseName.lowercased())", default: []].append(ref)
            }
        }
        self.byKey = byKey
        self.byName = byName
    }

    /// The page meant by `reference` from `page` of `site`, or nil.
    func page(_ reference: String, from page: Page, in site: Site) -> Page? {
        let language = site.language.code
        var path = reference.split(separator: "#", maxSplits: 1).first.map(String.init) ?? reference
        for ext in ContentScanner.markdownExtensions where path.lowercased().hasSuffix("." + ext) {
            path = String(path.dropLast(ext.count + 1))
        }
        let folder = page.source.map { ($0.path as NSString).deletingLastPathComponent } ?? ""
        let candidates = path.hasPrefix("/")
            ? [String(path.dropFirst())]
            : [OutputPath.normalize("/\(folder)/\(path)").map { String($0.dropFirst()) } ?? path, path]
        for candidate in candidates {
            var trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            for suffix in ["/_index", "/index"] where trimmed.hasSuffix(suffix) { trimmed = String(trimmed.dropLast(suffix.count)) }
            if trimmed == "_index" { trimmed = "" }
            for key in ["page:\(trimmed)", "list:\(trimmed)"] {
                if let ref = byKey["\(language)|\(key)"] ?? byKey["\(sites[0].language.code)|\(key)"] {
                    return sites[ref.site][ref.page]
                }
            }
        }
        let name = (path as NSString).lastPathComponent.lowercased()
        if let matches = byName["\(language)|\(name)"], matches.count == 1 {
            return sites[matches[0].site][matches[0].page]
        }
        return nil
    }
}
