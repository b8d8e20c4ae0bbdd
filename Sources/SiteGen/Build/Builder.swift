import Foundation
import Thumbnails

/// What a successful build did, for the one-line summary.
public struct BuildReport: Sendable {
    public var pages: Int
    public var sections: Int
    public var filesWritten: Int
    public var images: Int
    public var seconds: Double
    public var warnings: [Diagnostic]

    public var summary: String {
        String(format: "Built %d pages, %d sections, %d files written, %d images in %.2f s", pages, sections, filesWritten, images, seconds)
    }
}

/// Runs the pipeline one way: `SiteLoader` (configuration → content → site models → Markdown),
/// then templates → site-wide files → atomic write. Every stage reports all the problems it finds;
/// the build stops before writing when any is an error, so the previous output stays as it was.
public struct Builder: Sendable {
    public static let version = "0.1.0"
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(DiagnosticList) -> BuildReport {
        let started = Date()
        var problems: [Diagnostic] = []
        var templates: TemplateSet?, loaded: LoadedSites?
        let images = ImageVariants(cache: ImageCache(directory: options.cacheDirectory.appendingPathComponent("images")))
        do {
            templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
        } catch {
            problems += error.diagnostics
        }
        do {
            loaded = try SiteLoader(options: options, templates: templates, images: images).load()
        } catch {
            problems += error.diagnostics
        }
        guard problems.isEmpty, let templates, let loaded else { throw DiagnosticList(problems) }

        let translations = Translations(sites: loaded.sites)
        let cards = options.drawCards
            ? ShareCards(sites: loaded.sites, siteDirectory: options.source,
                         cache: ImageCache(directory: options.cacheDirectory.appendingPathComponent("cards"))).render()
            : ShareCards.Output(files: [], warnings: [])
        var files = staticFiles() + resourceFiles(loaded) + cards.files
        var warnings = loaded.warnings + cards.warnings
        for index in loaded.sites.indices {
            let context = RenderContext(sites: loaded.sites, index: index, translations: translations,
                                        strings: loaded.strings, generator: "SiteGen \(Self.version)", drawsCards: options.drawCards,
                                        images: images)
            let rendered = SiteRenderer(context: context, templates: templates).render()
            problems += rendered.problems
            files += rendered.files
            files += SiteFiles(context: context, templates: templates).files()
            warnings += context.warnings
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        files += SiteFiles.shared(loaded.sites) + images.files
        warnings += images.warnings
        images.save()
        let config = loaded.site.config
        if config.relativeURLs {
            files = files.map { RelativeURLs.rewrite($0, basePath: loaded.site.urls.basePath) }
        }
        let written: Int
        do {
            written = try OutputWriter(destination: options.destination).write(files)
        } catch {
            throw DiagnosticList([error])
        }
        let pages = loaded.sites.reduce(0) { $0 + $1.renderedPages.count }
        let sections = loaded.sites.reduce(0) { $0 + $1.pages.filter { $0.kind == .section }.count }
        let imageCount = Set(loaded.sites.flatMap { $0.pages.flatMap { $0.resources.filter { $0.image != nil }.map(\.sourcePath) } }).count
            + cards.files.count + images.files.count
        return BuildReport(pages: pages, sections: sections, filesWritten: written, images: imageCount,
                           seconds: Date().timeIntervalSince(started),
                           warnings: warnings.sorted { $0.description < $1.description })
    }

    /// Every stage up to the site models, one per language: what `sitegen build` renders and later
    /// tools (the preview server, checks) read.
    public func buildSites() throws(DiagnosticList) -> LoadedSites {
        let templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
        return try SiteLoader(options: options, templates: templates).load()
    }

    private func staticFiles() -> [OutputFile] {
        var files = EmbeddedTheme.staticFiles.map { OutputFile(path: $0.key, content: .text($0.value)) }
        let staticDirectory = options.source.appendingPathComponent("static")
        let root = staticDirectory.standardizedFileURL.path
        if let enumerator = FileManager.default.enumerator(at: staticDirectory, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
                files.append(OutputFile(path: relative, content: .copy(url)))
            }
        }
        return files
    }

    /// Bundle files (once, however many translations link to them) and loose content files.
    private func resourceFiles(_ loaded: LoadedSites) -> [OutputFile] {
        var files = loaded.looseFiles.map { OutputFile(path: $0.name, content: .copy(options.source.appendingPathComponent($0.path))) }
        var written: Set<String> = []
        for site in loaded.sites {
            for page in site.pages {
                for resource in page.resources where written.insert(resource.path).inserted {
                    files.append(OutputFile(path: OutputPath.file(forURLPath: resource.path), content: .copy(resource.sourceURL)))
                }
            }
        }
        return files
    }
}
