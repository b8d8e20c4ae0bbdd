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

/// Runs the pipeline one way: configuration → content scan → front matter → URLs → Markdown →
/// site model → images → templates → atomic write. Every stage reports all the problems it finds;
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
        var templates: TemplateSet?, loaded: LoadedSite?
        do {
            templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
        } catch {
            problems += error.diagnostics
        }
        do {
            loaded = try buildSite()
        } catch {
            problems += error.diagnostics
        }
        guard problems.isEmpty, let templates, let site = loaded else { throw DiagnosticList(problems) }
        var warnings = site.warnings
        let context = RenderContext(site: site.site, generator: "SiteGen \(Self.version)")
        let rendered = SiteRenderer(context: context, templates: templates).render()
        if !rendered.problems.isEmpty { throw DiagnosticList(rendered.problems) }

        var files = staticFiles()
        files += resourceFiles(site.site, looseFiles: site.looseFiles)
        files += rendered.files
        files += SiteFiles(site: site.site, templates: templates, context: context).files()
        if site.site.config.relativeURLs {
            files = files.map { RelativeURLs.rewrite($0, basePath: site.site.urls.basePath) }
        }
        let written: Int
        do {
            written = try OutputWriter(destination: options.destination).write(files)
        } catch {
            throw DiagnosticList([error])
        }
        warnings.sort { $0.description < $1.description }
        let pages = site.site.renderedPages.count
        let sections = site.site.pages.filter { $0.kind == .section }.count
        let images = site.site.pages.reduce(0) { $0 + $1.resources.filter { $0.image != nil }.count }
        return BuildReport(pages: pages, sections: sections, filesWritten: written, images: images,
                           seconds: Date().timeIntervalSince(started), warnings: warnings)
    }

    /// The site model with its warnings, and the content files that belong to no bundle.
    public struct LoadedSite: Sendable {
        public var site: Site
        public var warnings: [Diagnostic]
        public var looseFiles: [ResourceSource]
    }

    /// Every stage up to the site model: what `sitegen build` renders and later stages (the preview
    /// server, checks) read.
    public func buildSite() throws(DiagnosticList) -> LoadedSite {
        var config: SiteConfig
        do {
            config = try SiteConfig.load(from: options.source)
        } catch {
            throw DiagnosticList([error])
        }
        if let baseURL = options.baseURL {
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let urls = SiteURLs(baseURL: config.baseURL, basePath: config.basePath)
        let contentDirectory = options.source.appendingPathComponent("content")
        let inventory: ContentInventory
        do {
            inventory = try ContentScanner(contentDirectory: contentDirectory).scan()
        } catch {
            throw DiagnosticList([error])
        }

        let loader = PageLoader(contentDirectory: contentDirectory, config: config, options: options,
                                sectionDirectories: inventory.sectionDirectories)
        var problems: [Diagnostic] = []
        var pages: [Page] = []
        for result in inventory.sources.parallelMap({ source in Result(catching: { () throws(DiagnosticList) in try loader.load(source) }) }) {
            switch result {
            case .success(let page): if let page { pages.append(page) }
            case .failure(let list): problems += list.diagnostics
            }
        }

        let resolver = DestinationResolver(urls: urls, pagePaths: Dictionary(
            pages.compactMap { page in page.source.map { ($0.path, page.path) } }, uniquingKeysWith: { a, _ in a }))
        var markdownOptions = MarkdownOptions()
        markdownOptions.unsafeHTML = config.unsafeHTML
        markdownOptions.summaryLength = config.summaryLength
        markdownOptions.tocStartLevel = config.tocStartLevel
        markdownOptions.tocEndLevel = config.tocEndLevel
        let markdown = MarkdownRenderer(options: markdownOptions)
        let imageResults = pages.parallelMap { page -> (Page, [Diagnostic]) in
            var page = page
            page.rendered = markdown.render(page, resolver: resolver)
            let (resources, warnings) = Self.readImageSizes(page.resources)
            page.resources = resources
            return (page, warnings)
        }
        pages = imageResults.map(\.0)
        let warnings = imageResults.flatMap(\.1)

        var assembler = SiteAssembler(config: config, urls: urls, sectionDirectories: inventory.sectionDirectories, buildDate: options.now)
        let site: Site
        do {
            site = try assembler.assemble(pages)
        } catch {
            throw DiagnosticList(problems + error.diagnostics)
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return LoadedSite(site: site, warnings: warnings, looseFiles: inventory.looseFiles)
    }

    /// Reads the size of every image in a bundle. A broken image is a warning, not a failed
    /// build: the file is still published as it is.
    private static func readImageSizes(_ resources: [PageResource]) -> ([PageResource], [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let sized = resources.map { resource -> PageResource in
            guard MediaType.imageExtensions.contains((resource.name as NSString).pathExtension.lowercased()) else { return resource }
            var resource = resource
            do throws(ImageInfoError) {
                resource.image = try ImageInfo.read(contentsOf: resource.sourceURL)
            } catch {
                warnings.append(.warning("content/\(resource.sourcePath)", error.description))
            }
            return resource
        }
        return (sized, warnings)
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

    private func resourceFiles(_ site: Site, looseFiles: [ResourceSource]) -> [OutputFile] {
        let content = options.source.appendingPathComponent("content")
        var files = looseFiles.map { OutputFile(path: $0.path, content: .copy(content.appendingPathComponent($0.path))) }
        for page in site.pages {
            for resource in page.resources {
                files.append(OutputFile(path: OutputPath.file(forURLPath: resource.path), content: .copy(resource.sourceURL)))
            }
        }
        return files
    }
}
