import Foundation
import Thumbnails

/// Every site of a build, one per language, and what loading them found.
public struct LoadedSites: Sendable {
    /// By language weight; the default language first.
    public var sites: [Site]
    public var warnings: [Diagnostic]
    /// Content files outside any bundle, copied to their content path.
    public var looseFiles: [ResourceSource]
    /// The `i18n/` strings, over the theme's.
    public var strings: StringTables

    /// The default language's site.
    public var site: Site { sites[0] }
}

/// What the content stages read, before the site models are assembled. An incremental build keeps
/// it, so that an edited file is read again alone.
struct LoadedContent: Sendable {
    var config: SiteConfig
    /// The default language first.
    var languages: [LanguageConfig]
    var inventory: ContentInventory
    var strings: StringTables
    /// Each language's content pages, with their bundle files and image sizes.
    var pagesByLanguage: [[Page]]
    /// The configuration's, the string tables' and the bundle images'; the pages carry their own.
    var warnings: [Diagnostic]
    /// Pages and string tables that failed to read, reported with the problems of later stages.
    var problems: [Diagnostic]
    /// Whether `i18n/` loaded: without its strings, rendering templates would only report their absence.
    var hasStrings = true
}

/// The stages up to the site model: configuration → content scan → front matter and URLs per
/// language → shared bundle files and image sizes → site model per language → Markdown. What
/// `sitegen build` renders, and what later tools (the preview server, checks) read.
struct SiteLoader {
    let options: BuildOptions
    /// For render hooks (and shortcodes); nil when the templates did not load, which fails the build anyway.
    let templates: TemplateSet?
    /// Image variants that render hooks and shortcodes ask for.
    var images: ImageVariants?

    func load() throws(DiagnosticList) -> LoadedSites {
        let content = try loadContent()
        var problems = content.problems, sites: [Site] = []
        do {
            sites = try assemble(content)
        } catch {
            problems += error.diagnostics
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let rendered = renderMarkdown(sites, content: content)
        if !rendered.problems.isEmpty { throw DiagnosticList(rendered.problems) }
        rendered.apply(to: &sites)
        return LoadedSites(sites: sites, warnings: content.warnings, looseFiles: content.inventory.looseFiles,
                           strings: content.strings)
    }

    /// Configuration, content scan, every content page read, string tables. Throws only when the
    /// configuration or the scan fails; a broken page is one of `problems`, and the others still load.
    func loadContent() throws(DiagnosticList) -> LoadedContent {
        var config: SiteConfig
        do {
            config = try SiteConfig.load(from: options.source)
        } catch {
            throw DiagnosticList([error])
        }
        if let baseURL = options.baseURL {
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let languages = [config.defaultLanguage] + config.languages.filter { $0.code != config.defaultLanguage.code }
        let inventory = try scan(config, languages: languages)

        var problems: [Diagnostic] = []
        let onHugoLayouts = HugoLayouts.exist(site: options.source, themes: config.themes)
        var strings = StringTables(defaultLanguage: config.defaultContentLanguage), hasStrings = true
        do {
            strings = try StringTables.load(siteDirectory: options.source, languages: languages.map(\.code),
                                            defaultLanguage: config.defaultContentLanguage, themes: config.themes,
                                            embeddedTheme: !onHugoLayouts)
        } catch {
            problems += error.diagnostics
            hasStrings = false
        }
        var pagesByLanguage: [[Page]] = []
        for (index, language) in languages.enumerated() {
            let loader = pageLoader(config, languages: languages, index: index, inventory: inventory)
            let sources = inventory.sources.filter { $0.language == language.code }
            var pages: [Page] = []
            for result in sources.parallelMap({ source in Result(catching: { () throws(DiagnosticList) in try loader.load(source) }) }) {
                switch result {
                case .success(let page): if let page { pages.append(page) }
                case .failure(let list): problems += list.diagnostics
                }
            }
            pagesByLanguage.append(pages)
        }
        // Hugo 0.111 publishes a bundle's files in every language's folder; SiteGen's own theme shares one copy.
        if !onHugoLayouts { pagesByLanguage = SharedResources.assign(pagesByLanguage) }
        let (sized, imageWarnings) = ImageSizes.read(pagesByLanguage)
        return LoadedContent(config: config, languages: languages, inventory: inventory, strings: strings,
                             pagesByLanguage: sized, warnings: inventory.warnings + config.warnings + strings.warnings + imageWarnings,
                             problems: problems, hasStrings: hasStrings)
    }

    /// Reads the pages of `languages[index]`.
    func pageLoader(_ config: SiteConfig, languages: [LanguageConfig], index: Int, inventory: ContentInventory) -> PageLoader {
        PageLoader(siteDirectory: options.source, config: config.localized(for: languages[index]),
                   languagePrefix: prefix(of: languages[index], in: config), options: options,
                   sectionDirectories: inventory.sectionDirectories)
    }

    /// One site model per language; with `kept`, only the languages in `only` are assembled again
    /// and the others are taken from `kept` (an edit in one language leaves the others' as they were).
    func assemble(_ content: LoadedContent, only: Set<Int>? = nil, kept: [Site] = []) throws(DiagnosticList) -> [Site] {
        let config = content.config
        let urls = SiteURLs(baseURL: config.baseURL, basePath: config.basePath)
        var sites: [Site] = []
        for (index, (language, pages)) in zip(content.languages, content.pagesByLanguage).enumerated() {
            if let only, !only.contains(index), kept.indices.contains(index) {
                sites.append(kept[index])
                continue
            }
            var assembler = SiteAssembler(config: config.localized(for: language), urls: urls, language: language,
                                          languagePrefix: prefix(of: language, in: config),
                                          sectionDirectories: content.inventory.sectionDirectories, buildDate: options.now)
            sites.append(assembler.assemble(pages))
        }
        try URLClaims.check(sites)
        return sites
    }

    /// `/fr` for every language but the default, which sits at the root unless
    /// `defaultContentLanguageInSubdir` is set.
    private func prefix(of language: LanguageConfig, in config: SiteConfig) -> String {
        language.code == config.defaultContentLanguage && !config.defaultContentLanguageInSubdir ? "" : "/\(language.code)"
    }

    /// Scans every language's `contentDir`, and `content/` for the languages without one (told
    /// apart by file name), never reading a language's folder as part of another's.
    private func scan(_ config: SiteConfig, languages: [LanguageConfig]) throws(DiagnosticList) -> ContentInventory {
        let codes = Set(languages.map(\.code))
        var roots: [(directory: String, language: String)] = []
        for language in languages {
            let directory = (language.contentDir ?? "content").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if !roots.contains(where: { $0.directory == directory }) { roots.append((directory, language.code)) }
        }
        var inventory = ContentInventory(sources: [], sectionDirectories: [], looseFiles: [])
        for (root, language) in roots {
            let nested = Set(roots.compactMap { other in
                other.directory.hasPrefix(root + "/") ? String(other.directory.dropFirst(root.count + 1)) : nil
            })
            do {
                let found = try ContentScanner(siteDirectory: options.source, root: root, languages: codes,
                                               defaultLanguage: language, excluding: nested,
                                               contentFolders: roots.map(\.directory)).scan()
                inventory.sources += found.sources
                inventory.warnings += found.warnings
                inventory.sectionDirectories.formUnion(found.sectionDirectories)
                inventory.looseFiles += found.looseFiles
            } catch {
                throw DiagnosticList([error])
            }
        }
        return inventory
    }

    /// Each page's Markdown rendered through the site's render hooks and shortcodes, and what it
    /// read of other pages (when `recording`).
    struct RenderedMarkdownPages {
        var rendered: [PageRef: RenderedMarkdown]
        var reads: [PageRef: PageReads]
        var problems: [Diagnostic]

        func apply(to sites: inout [Site]) {
            for (ref, markdown) in rendered { sites[ref.site].pages[ref.page].rendered = markdown }
        }
    }

    /// Renders the content pages' Markdown in parallel over all languages: all of them, or only
    /// `only`. `indexes` are the sites', when already made.
    func renderMarkdown(_ sites: [Site], content: LoadedContent, only: Set<PageRef>? = nil,
                        recording: Bool = false, indexes: SiteIndexes? = nil, hugoLayouts: HugoLayouts? = nil) -> RenderedMarkdownPages {
        let config = content.config
        let markdown = MarkdownRenderer(options: MarkdownOptions(config: config, goldmarkHTML: hugoLayouts != nil))
        let indexes = indexes ?? SiteIndexes(sites: sites)
        let work = only.map { $0.sorted { ($0.site, $0.page) < ($1.site, $1.page) } } ?? sites.indices.flatMap { siteIndex in
            sites[siteIndex].pages.indices.filter { sites[siteIndex].pages[$0].source != nil }.map { PageRef(site: siteIndex, page: $0) }
        }
        let contexts = sites.indices.map {
            RenderContext(sites: sites, index: $0, translations: indexes.translations, strings: content.strings, generator: "",
                          images: images, recordsReads: recording)
        }
        let pageContent = PageContent(markdown: markdown, resolver: indexes.resolver, references: indexes.references,
                                      templates: templates, enableEmoji: config.enableEmoji,
                                      hugo: hugoLayouts.map { [options] layouts in
                                          HugoMarkdownSites(layouts: layouts, strings: content.strings) {
                                              HugoSites(sites: sites, config: config, sourceFolder: options.source, data: layouts.data)
                                          }
                                      })
        let problems = WarningLog()
        let counter = options.progress.counter(.markdown, total: work.count)
        let onDemand = ContentOnDemand(pages: Set(work)) { ref in
            ReadRecorder.recording(recording) { pageContent.render(ref.page, in: contexts[ref.site], problems: problems) }
        }
        pageContent.hugo?.contentOnDemand = onDemand
        let rendered = work.parallelMap { ref in
            defer { counter?.countOne() }
            return onDemand.result(of: ref)
        }
        pageContent.hugo?.contentOnDemand = nil
        releaseInBackground(consume pageContent)
        var results: [PageRef: RenderedMarkdown] = [:], reads: [PageRef: PageReads] = [:]
        for (ref, (result, read)) in zip(work, rendered) {
            results[ref] = result
            reads[ref] = read
        }
        return RenderedMarkdownPages(rendered: results, reads: reads, problems: problems.all.sorted { $0.description < $1.description })
    }
}

/// Lookups over every page of every language (link targets, `ref` names, translations). They read
/// only what an edit that keeps the site's structure cannot change, so a rebuild reuses them.
struct SiteIndexes: Sendable {
    let resolver: DestinationResolver
    let references: PageReferences
    let translations: Translations

    init(sites: [Site]) {
        resolver = DestinationResolver(sites: sites)
        references = PageReferences(sites: sites)
        translations = Translations(sites: sites)
    }
}

/// The files of a bundle are published once, beside the bundle's page in the default language
/// (or the first language that has it), and every translation links to that copy.
enum SharedResources {
    static func assign(_ pagesByLanguage: [[Page]]) -> [[Page]] {
        var primary: [String: [PageResource]] = [:]
        for pages in pagesByLanguage {
            for page in pages where !page.resources.isEmpty {
                guard let key = page.source?.translationKey, primary[key] == nil else { continue }
                primary[key] = page.resources
            }
        }
        return pagesByLanguage.map { pages in
            pages.map { page in
                var page = page
                if let key = page.source?.translationKey, let shared = primary[key] { page.resources = shared }
                return page
            }
        }
    }
}

/// Reads each image's size once, however many translations share it. A broken image is a
/// warning, not a failed build: the file is still published as it is.
enum ImageSizes {
    static func read(_ pagesByLanguage: [[Page]]) -> ([[Page]], [Diagnostic]) {
        var unique: [String: URL] = [:]
        for pages in pagesByLanguage {
            for page in pages {
                for resource in page.resources where isImage(resource) { unique[resource.sourcePath] = resource.sourceURL }
            }
        }
        let files = unique.sorted { $0.key < $1.key }
        let results = files.parallelMap { file -> Result<ImageInfo, ImageInfoError> in
            Result(catching: { () throws(ImageInfoError) in try ImageInfo.read(contentsOf: file.value) })
        }
        var sizes: [String: ImageInfo] = [:]
        var warnings: [Diagnostic] = []
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let info): sizes[file.key] = info
            case .failure(let error): warnings.append(.warning(file.key, error.description))
            }
        }
        let sized = pagesByLanguage.map { pages in
            pages.map { page in
                var page = page
                page.resources = page.resources.map { resource in
                    var resource = resource
                    resource.image = sizes[resource.sourcePath]
                    return resource
                }
                return page
            }
        }
        return (sized, warnings)
    }

    private static func isImage(_ resource: PageResource) -> Bool {
        MediaType.imageExtensions.contains((resource.name as NSString).pathExtension.lowercased())
    }
}
