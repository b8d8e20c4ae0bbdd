import Foundation

/// `sitegen check`'s internal links: every `href` and `src` in the built site's HTML that points
/// into the site must find a file there, and its `#anchor` an element with that id. Each broken
/// link is reported at the content file of the page it is on, at the link's line and column when
/// the file writes it as it is, else at the page (a template's link, or one made from a `ref`).
/// The links out of the site are collected for `ExternalLinkCheck` (`sitegen check --external`).
struct LinkCheck {
    /// The built site's folder.
    let output: URL
    let sites: [Site]

    func findings() -> [Diagnostic] {
        let files = Set(SiteFolderReader(site: output).files(under: output).files)
        var knownIDs: [String: Set<String>] = [:]
        func ids(of file: String) -> Set<String> {
            if let known = knownIDs[file] { return known }
            let found = Set(Self.attributes(Self.ids, in: (try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)) ?? ""))
            knownIDs[file] = found
            return found
        }
        var findings: [Diagnostic] = []
        var fromLayouts: [String: [String]] = [:]
        forEachContentPage(among: files) { file, page, source, urls, html in
            var reported: Set<String> = []
            for link in Self.attributes(Self.links, in: html) where !reported.contains(link) {
                guard let (target, anchor) = Self.target(of: link, from: file, urls: urls) else { continue }
                let problem: String?
                if !target.isEmpty, !files.contains(target) {
                    problem = "links to \(link), which the site does not have"
                } else if let anchor, !anchor.isEmpty {
                    let anchored = target.isEmpty ? file : target
                    problem = anchored.hasSuffix(".html") && !ids(of: anchored).contains(anchor)
                        ? "links to \(link), but \(anchored.hasSuffix("index.html") ? "that page" : anchored) has no element with the id \"\(anchor)\"" : nil
                } else {
                    problem = nil
                }
                guard let problem else { continue }
                reported.insert(link)
                if let position = Self.position(of: link, in: page) {
                    findings.append(.error(source.label, line: position.line, column: position.column, problem))
                } else {
                    fromLayouts[problem, default: []].append(source.label)
                }
            }
        }
        // A link a layout writes is broken on every page that shows it: said once.
        findings += fromLayouts.map { Self.fromLayout(.error, problem: $0.key, pages: $0.value) }
        return findings
    }

    /// A link a layout writes, wrong on `pages` (the first reported): one finding for them all.
    static func fromLayout(_ severity: Diagnostic.Severity, problem: String, pages: [String]) -> Diagnostic {
        let others = pages.count > 1 ? " and \(pages.count - 1) other page\(pages.count == 2 ? "" : "s")" : ""
        return Diagnostic(severity, SourceLocation(file: pages[0]),
                          "\(problem) (here\(others); the link is not in the Markdown: a layout, shortcode or render hook writes it)")
    }

    /// Every http(s) link and image out of the site, without its fragment, once per page, at
    /// the line and column where the page's Markdown writes it (none where a layout does).
    func externalLinks() -> [ExternalLinkCheck.Use] {
        var uses: [ExternalLinkCheck.Use] = []
        forEachContentPage(among: Set(SiteFolderReader(site: output).files(under: output).files)) { file, page, source, urls, html in
            var seen: Set<String> = []
            for link in Self.attributes(Self.links, in: html) where Self.target(of: link, from: file, urls: urls) == nil {
                let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
                let absolute = decoded.hasPrefix("//") ? "https:" + decoded : decoded
                guard ["http://", "https://"].contains(where: { absolute.lowercased().hasPrefix($0) }) else { continue }
                let url = absolute.firstIndex(of: "#").map { String(absolute[..<$0]) } ?? absolute
                guard seen.insert(url).inserted else { continue }
                let position = Self.position(of: decoded, in: page) ?? Self.position(of: link, in: page)
                uses.append(ExternalLinkCheck.Use(url: url, file: source.label, line: position?.line, column: position?.column))
            }
        }
        return uses
    }

    /// The HTML pages of `files` made from content files, in path order: the rest (lists,
    /// pagers, aliases) are made from those.
    private func forEachContentPage(among files: Set<String>, _ body: (_ file: String, Page, ContentSource, SiteURLs, _ html: String) -> Void) {
        var sources: [String: (page: Page, urls: SiteURLs)] = [:]
        for site in sites {
            for page in site.pages where page.source != nil { sources[page.outputPath] = (page, site.urls) }
        }
        for file in files.sorted() where file.hasSuffix(".html") {
            guard let (page, urls) = sources[file], let source = page.source,
                  let html = try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8) else { continue }
            body(file, page, source, urls, html)
        }
    }

    /// The output file a link leads to (empty for the page itself) and its anchor; nil for a link
    /// out of the site (another host, `mailto:`, a `data:` URL).
    static func target(of link: String, from file: String, urls: SiteURLs) -> (String, String?)? {
        var link = link.replacingOccurrences(of: "&amp;", with: "&")
        if urls.baseURL.contains("://"), link.hasPrefix(urls.baseURL) {
            link = urls.basePath + link.dropFirst(urls.baseURL.count)
        }
        guard !link.contains("://"), !link.hasPrefix("//"), !link.lowercased().hasPrefix("mailto:"), !link.lowercased().hasPrefix("data:"),
              !link.lowercased().hasPrefix("tel:"), !link.lowercased().hasPrefix("javascript:") else { return nil }
        let (withoutAnchor, anchor) = link.firstIndex(of: "#").map { (String(link[..<$0]), String(link[link.index(after: $0)...])) } ?? (link, nil)
        let path = withoutAnchor.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !path.isEmpty else { return ("", anchor?.removingPercentEncoding ?? anchor) }
        let sitePath: String
        if path.hasPrefix("/") {
            guard path.hasPrefix(urls.basePath) else { return nil }
            sitePath = "/" + path.dropFirst(urls.basePath.count)
        } else {
            sitePath = "/" + file.deletingLastPathSegment + "/" + path
        }
        // A link above the site's root leads nowhere in it: a name no file has.
        guard let clean = OutputPath.normalize(sitePath.removingPercentEncoding ?? sitePath) else { return ("../" + path, nil) }
        return (OutputPath.file(forURLPath: clean), anchor?.removingPercentEncoding ?? anchor)
    }

    private static func attributePattern(_ names: [String]) -> NSRegularExpression {
        try! NSRegularExpression(pattern: #"\s(?:"# + names.joined(separator: "|") + #")\s*=\s*(?:"([^"]*)"|'([^']*)')"#,
                                 options: [.caseInsensitive])
    }

    /// Made once: every page is searched with them.
    static let links = attributePattern(["href", "src"]), ids = attributePattern(["id"])

    /// The values of the attributes `expression` finds, double- or single-quoted, in `html`.
    static func attributes(_ expression: NSRegularExpression, in html: String) -> [String] {
        expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            [1, 2].lazy.compactMap { Range(match.range(at: $0), in: html).map { String(html[$0]) } }.first
        }
    }

    /// Where the page's Markdown writes `link`, as it is or percent-decoded, 1-based.
    private static func position(of link: String, in page: Page) -> (line: Int, column: Int)? {
        let text = page.body
        let candidates = [link, link.removingPercentEncoding ?? link].filter { !$0.isEmpty }
        for candidate in candidates {
            guard let range = text.range(of: candidate) else { continue }
            let before = text[..<range.lowerBound]
            let line = before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + page.bodyStartLine
            let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
            return (line, column)
        }
        return nil
    }
}
