import Foundation

/// Finds the page a `ref`/`relref` names, as Hugo does: a content path from the content root
/// (`/blog/post.md`, `blog/post`), a path relative to the referring page (`../post.md`), or a
/// bare file or bundle name when only one page has it. The page in the referrer's language wins.
struct PageReferences: Sendable {
    private let defaultLanguage: String
    /// `LANGUAGE|translation key` → the page's URL path.
    private let byKey: [String: String]
    /// `LANGUAGE|base name` → URL paths of the pages with that file or bundle name.
    private let byName: [String: [String]]

    init(sites: [Site]) {
        defaultLanguage = sites[0].language.code
        var byKey: [String: String] = [:], byName: [String: [String]] = [:]
        for site in sites {
            for page in site.pages {
                guard let source = page.source else { continue }
                byKey["\(site.language.code)|\(source.translationKey)"] = page.path
                byName["\(site.language.code)|\(source.baseName.lowercased())", default: []].append(page.path)
            }
        }
        self.byKey = byKey
        self.byName = byName
    }

    /// The URL path of the page meant by `reference` from `page` of `site`, or nil.
    func path(_ reference: String, from page: Page, in site: Site) -> String? {
        let language = site.language.code
        var path = reference.split(separator: "#", maxSplits: 1).first.map(String.init) ?? reference
        for ext in ContentScanner.markdownExtensions where path.lowercased().hasSuffix("." + ext) {
            path = String(path.dropLast(ext.count + 1))
        }
        let folder = page.source.map { $0.path.deletingLastPathSegment } ?? ""
        let candidates = path.hasPrefix("/")
            ? [String(path.dropFirst())]
            : [OutputPath.normalize("/\(folder)/\(path)").map { String($0.dropFirst()) } ?? path, path]
        for candidate in candidates {
            var trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            for suffix in ["/_index", "/index"] where trimmed.hasSuffix(suffix) { trimmed = String(trimmed.dropLast(suffix.count)) }
            if trimmed == "_index" { trimmed = "" }
            for key in ["page:\(trimmed)", "list:\(trimmed)"] {
                if let path = byKey["\(language)|\(key)"] ?? byKey["\(defaultLanguage)|\(key)"] { return path }
            }
        }
        let name = (path as NSString).lastPathComponent.lowercased()
        if let matches = byName["\(language)|\(name)"], matches.count == 1 {
            return matches[0]
        }
        return nil
    }
}
