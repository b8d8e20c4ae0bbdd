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
        var strings = StringTables(defaultLanguage: config.defaultContentLanguage)
        do {
            strings = try StringTables.load(siteDirectory: options.source, languages: languages.map(\.code),
                                            defaultLanguage: config.defaultContentLanguage)
        } catch {
            problems += error.diagnostics
        }
        var pagesByLanguage: [[Page]] = []
        for language in languages {
            let loader = PageLoader(siteDirectory: options.source, config: config.localized(for: language),
                                    languagePrefix: prefix(of: language, in: config), options: options,
                                    sectionDirectories: inventory.sectionDirectories)
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
        pagesByLanguage = SharedResources.assign(pagesByLanguage)
        let (sized, warnings) = ImageSizes.read(pagesByLanguage)
        pagesByLanguage = sized

        let urls = SiteURLs(baseURL: config.baseURL, basePath: config.basePath)
        var sites: [Site] = []
        for (language, pages) in zip(languages, pagesByLanguage) {
            var assembler = SiteAssembler(config: config.localized(for: language), urls: urls, language: language,
                                          languagePrefix: prefix(of: language, in: config),
                                          sectionDirectories: inventory.sectionDirectories, buildDate: options.now)
            do {
                sites.append(try assembler.assemble(pages))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let rendered = renderMarkdown(sites, config: config, strings: strings)
        if !rendered.problems.isEmpty { throw DiagnosticList(rendered.problems) }
        return LoadedSites(sites: rendered.sites, warnings: warnings, looseFiles: inventory.looseFiles, strings: strings)
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
                                               defaultLanguage: language, excluding: nested).scan()
                inventory.sources += found.sources
                inventory.sectionDirectories.formUnion(found.sectionDirectories)
                inventory.looseFiles += found.looseFiles
            } catch {
                throw DiagnosticList([error])
            }
        }
        return inventory
    }

    /// Renders every content page's Markdown, in parallel over all languages, through the site's
    /// render hooks.
    private func renderMarkdown(_ sites: [Site], config: SiteConfig, strings: StringTables) -> (sites: [Site], problems: [Diagnostic]) {
        var markdownOptions = MarkdownOptions()
        markdownOptions.unsafeHTML = config.unsafeHTML
        markdownOptions.summaryLength = config.summaryLength
        markdownOptions.tocStartLevel = config.tocStartLevel
        markdownOptions.tocEndLevel = config.tocEndLevel
        let markdown = MarkdownRenderer(options: markdownOptions)
        let resolver = DestinationResolver(sites: sites)
        var sites = sites
        let work = sites.indices.flatMap { siteIndex in
            sites[siteIndex].pages.indices.filter { sites[siteIndex].pages[$0].source != nil }.map { (siteIndex, $0) }
        }
        let translations = Translations(sites: sites)
        let contexts = sites.indices.map {
            RenderContext(sites: sites, index: $0, translations: translations, strings: strings, generator: "", images: images)
        }
        let content = PageContent(markdown: markdown, resolver: resolver, references: PageReferences(sites: sites),
                                  templates: templates, enableEmoji: config.enableEmoji)
        let problems = WarningLog()
        let rendered = work.parallelMap { siteIndex, pageIndex in
            content.render(pageIndex, in: contexts[siteIndex], problems: problems)
        }
        for ((siteIndex, pageIndex), result) in zip(work, rendered) {
            sites[siteIndex].pages[pageIndex].rendered = result
        }
        return (sites, problems.all.sorted { $0.description < $1.description })
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
