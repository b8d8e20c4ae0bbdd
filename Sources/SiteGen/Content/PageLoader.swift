import Foundation

/// Reads one content file into a `Page`: front matter, publication filters, URL and resources.
/// Markdown is rendered later, once every page's URL is known, so links between pages resolve.
struct PageLoader: Sendable {
    let siteDirectory: URL
    /// The configuration as the pages' language sees it.
    let config: SiteConfig
    let options: BuildOptions
    let sectionDirectories: Set<String>
    let urls: PageURL

    init(siteDirectory: URL, config: SiteConfig, languagePrefix: String, options: BuildOptions, sectionDirectories: Set<String>) {
        self.siteDirectory = siteDirectory
        self.config = config
        self.options = options
        self.sectionDirectories = sectionDirectories
        self.urls = PageURL(permalinks: config.permalinks, languagePrefix: languagePrefix)
    }

    /// The page, or nil when it is a draft, in the future or expired and the build leaves those out.
    func load(_ source: ContentSource) throws(DiagnosticList) -> Page? {
        let label = source.label
        let text: String
        do {
            text = try TextFile.read(siteDirectory.appendingPathComponent(source.label), label: label)
        } catch {
            throw DiagnosticList([error])
        }
        return try load(source, text: text)
    }

    /// The page that `text`, as the content of `source`'s file, makes.
    func load(_ source: ContentSource, text: String) throws(DiagnosticList) -> Page? {
        let label = source.label
        let document: SourceDocument
        do {
            document = try FrontMatterParser.parse(text, file: label)
        } catch {
            throw DiagnosticList([error])
        }
        let frontMatter = try FrontMatter(
            values: document.values,
            taxonomies: config.taxonomies.map(\.plural),
            file: label,
            keyLines: document.keyLines)
        guard isPublished(frontMatter) else { return nil }

        let section = Self.topLevelSection(of: source)
        func line(of key: String) -> Int? {
            document.keyLines.first { $0.key.lowercased() == key }?.value
        }
        let path: String
        do {
            path = try urls.path(for: source, frontMatter: frontMatter, section: section)
        } catch {
            var located = error
            located.location.line = line(of: frontMatter.url?.isEmpty == false ? "url" : "slug")
            located.location.column = located.location.line.map { _ in 1 }
            throw DiagnosticList([located])
        }
        let resourceFolder = path.hasSuffix("/") ? path : path.deletingLastPathSegment + "/"
        let resources = source.resources.map { resource in
            PageResource(name: resource.name, sourcePath: resource.path,
                         sourceURL: siteDirectory.appendingPathComponent(resource.path),
                         path: resourceFolder + resource.name,
                         size: resource.size, image: nil)
        }
        var page = Page(
            kind: source.kind == .home ? .home : (source.kind == .section ? .section : .page),
            source: source,
            frontMatter: frontMatter,
            body: document.body,
            bodyStartLine: document.bodyStartLine,
            // As in Hugo, a page file without a title has none, even the home page's `_index.md`.
            title: frontMatter.title ?? "",
            path: path,
            section: section,
            sectionDirectory: sectionDirectory(of: source),
            resources: resources,
            rendered: nil)
        page.translationKey = source.translationKey
        page.keyLines = document.keyLines
        page.warnings = document.warnings + Mojibake.findings(in: text).map { finding in
            .warning(label, line: finding.line, column: finding.column,
                     "mojibake: \(finding.found) is \(finding.repaired) with its UTF-8 read as Windows-1252; sitegen check --fix repairs it")
        }
        page.aliases = try aliases(frontMatter.aliases, of: path, label: label, line: line(of: "aliases"))
        return page
    }

    /// Hugo resolves an alias without a leading `/` against the folder that holds the page.
    private func aliases(_ aliases: [String], of path: String, label: String, line: Int?) throws(DiagnosticList) -> [String] {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        var result: [String] = [], problems: [Diagnostic] = []
        for alias in aliases {
            let absolute = alias.hasPrefix("/") ? urls.prefixed(alias) : folder.deletingLastPathSegment + "/" + alias
            if let normalized = OutputPath.normalize(absolute) {
                if let refusal = OutputPath.refusal(of: normalized) {
                    problems.append(.error(label, line: line, column: line.map { _ in 1 }, "the alias '\(alias)' \(refusal)"))
                } else {
                    result.append(normalized)
                }
            } else {
                problems.append(.error(label, line: line, column: line.map { _ in 1 }, "the alias '\(alias)' leaves the output folder"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return result
    }

    /// Hugo's rules: drafts need `--drafts`, a publish date in the future `--future`, a past expiry date `--expired`.
    func isPublished(_ frontMatter: FrontMatter) -> Bool {
        if frontMatter.draft && !options.includeDrafts { return false }
        if let publish = frontMatter.publishDate ?? frontMatter.date, publish > options.now, !options.includeFuture { return false }
        if let expiry = frontMatter.expiryDate, expiry <= options.now, !options.includeExpired { return false }
        return true
    }

    static func topLevelSection(of source: ContentSource) -> String {
        guard source.kind != .home else { return "" }
        let components = source.directory.split(separator: "/")
        if source.kind == .single && components.isEmpty { return "" }
        return components.first.map(String.init) ?? ""
    }

    /// The nearest folder, at or above the page's, that is a section.
    private func sectionDirectory(of source: ContentSource) -> String {
        sectionDirectories.nearestSection(to: source.kind == .bundle ? source.directory.deletingLastPathSegment : source.directory)
    }
}
