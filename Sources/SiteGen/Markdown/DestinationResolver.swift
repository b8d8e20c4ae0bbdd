import Foundation

/// Rewrites link and image destinations written relative to a content file: a bundle file
/// (`![](cover.jpg)`) becomes its published URL, a link to another content file
/// (`[x](../blog/post.md)`) becomes that page's URL. Anything else is left as written.
struct DestinationResolver: Sendable {
    let urls: SiteURLs
    /// Content path (`blog/post.md`) → site-relative URL path of its page.
    let pagePaths: [String: String]

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
        if kind == .link, let source = page.source,
           ContentScanner.markdownExtensions.contains((name as NSString).pathExtension.lowercased()) {
            let folder = (source.path as NSString).deletingLastPathComponent
            let target = OutputPath.normalize("/" + (folder.isEmpty ? "" : folder + "/") + name).map { String($0.dropFirst()) }
            if let target, let pagePath = pagePaths[target.hasSuffix("/") ? String(target.dropLast()) : target] {
                return urls.relative(pagePath) + suffix
            }
        }
        return destination
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

extension MarkdownRenderer {
    /// Renders a page's body, and its front-matter `summary` (Markdown too) when it has one.
    func render(_ page: Page, resolver: DestinationResolver) -> RenderedMarkdown {
        var rendered = render(page.body) { resolver.resolve($0, kind: $1, for: page) }
        if let summary = page.frontMatter.summary, !summary.isEmpty {
            rendered.summaryHTML = render(summary) { resolver.resolve($0, kind: $1, for: page) }.html
            rendered.isTruncated = true
        }
        return rendered
    }
}
