import Foundation

/// Rewrites link and image destinations written relative to a content file: a bundle file
/// (`![](cover.jpg)`) becomes its published URL, a link to another content file
/// (`[x](../blog/post.md)`) becomes that page's URL in the same language. Anything else is left
/// as written.
struct DestinationResolver: Sendable {
    let urls: SiteURLs
    /// `LANGUAGE|translation key` → site-relative URL path of the page.
    let pagePaths: [String: String]
    let languages: Set<String>

    init(sites: [Site]) {
        urls = sites[0].urls
        languages = Set(sites.map(\.language.code))
        var paths: [String: String] = [:]
        for site in sites {
            for page in site.pages {
                if let key = page.source?.translationKey { paths["\(site.language.code)|\(key)"] = page.path }
            }
        }
        pagePaths = paths
    }

    func resolve(_ destination: String, kind: LinkKind, for page: Page) -> String {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("//"),
              !Self.hasScheme(destination) else { return destination }
        if destination.hasPrefix("/") { return urls.relative(destination) }

        let (path, suffix) = Self.splitSuffix(destination)
        let decoded = path.removingPercentEncoding ?? path
        let name = decoded.hasPrefix("./") ? String(decoded.dropFirst(2)) : decoded
        if let resource = page.resources.first(where: { $0.name == name }) {
            return urls.relative(resource.urlPath) + suffix
        }
        if kind == .link, let source = page.source, let target = pagePath(for: name, from: source) {
            return urls.relative(target) + suffix
        }
        return destination
    }

    /// The page a link to a Markdown file means, in the linking page's language unless the file
    /// name gives one (`post.fr.md`).
    private func pagePath(for name: String, from source: ContentSource) -> String? {
        guard ContentScanner.markdownExtensions.contains((name as NSString).pathExtension.lowercased()) else { return nil }
        let folder = source.path.deletingLastPathSegment
        guard let normalized = OutputPath.normalize("/" + (folder.isEmpty ? "" : folder + "/") + name) else { return nil }
        let target = String(normalized.dropFirst())
        var base = ((target as NSString).lastPathComponent as NSString).deletingPathExtension
        var language = source.language
        let suffix = (base as NSString).pathExtension.lowercased()
        if languages.contains(suffix) {
            language = suffix
            base = (base as NSString).deletingPathExtension
        }
        let directory = target.deletingLastPathSegment
        let key: String
        switch base.lowercased() {
        case "index": key = "page:\(directory)"
        case "_index": key = "list:\(directory)"
        default: key = "page:" + (directory.isEmpty ? base : "\(directory)/\(base)")
        }
        return pagePaths["\(language)|\(key)"]
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// Splits `cover.jpg?v=2#top` into `cover.jpg` and `?v=2#top`.
    private static func splitSuffix(_ destination: String) -> (String, String) {
        guard let index = destination.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return (destination, "") }
        return (String(destination[..<index]), String(destination[index...]))
    }
}
