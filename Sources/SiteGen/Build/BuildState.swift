import Foundation
import Thumbnails

/// Every stage's result of one build: what the outputs are rendered from, and, for
/// `IncrementalBuild`, what each output read and what is on disk.
struct BuildState: Sendable {
    var templates: TemplateSet
    /// The site's Hugo templates (`layouts/`, a theme's), which render it instead of `templates`.
    var hugoLayouts: HugoLayouts?
    var content: LoadedContent
    /// The site models before Markdown, to tell what an edit changed in them.
    var assembled: [Site]
    var sites: [Site]
    /// What each page's Markdown (its render hooks and shortcodes) read of other pages.
    var markdownReads: [PageRef: PageReads]
    /// Lookups over the sites' pages, made again only when the structure changes.
    var indexes: SiteIndexes
    let images: ImageVariants
    /// Each templated output's template and reads, by output path.
    var outputs: [String: OutputRecord] = [:]
    /// Each output of the Hugo templates: its job, its pager and what it read, by output path.
    var hugoOutputs: [String: HugoRenderer.OutputRecord] = [:]
    /// The Hugo objects of the last recorded render, which the next renders take again: a rebuild
    /// on Hugo templates changes no site's structure, only pages' records (`HugoSites.replace`),
    /// and keeps what the others worked out (`.Plain`, `.Summary`, dates…).
    var hugoSites: HugoSites?
    /// Each site's planned outputs, kept while the structure and the pages' templates stay.
    var plans: [[SiteRenderer.Planned]] = []
    /// Outputs an interrupted rebuild left to render (see `IncrementalBuild.build`).
    var unrendered: Set<String> = []
    /// What the output folder holds, by path, to write only what a rebuild changes.
    var written: [String: OutputFile.Content] = [:]

    /// Pages, sections and bundle images, for the report: they change only with the structure.
    var counts: (pages: Int, sections: Int, images: Int) = (0, 0, 0)

    mutating func count() {
        counts = (0, 0, 0)
        var images: Set<String> = []
        for site in sites {
            counts.pages += site.renderedPages.count
            for id in site.pages.indices {
                if site.pages[id].kind == .section { counts.sections += 1 }
                for resource in site.pages[id].resources where resource.image != nil { images.insert(resource.sourcePath) }
            }
        }
        counts.images = images.count
    }

    struct OutputRecord: Sendable {
        var template: String
        var reads: PageReads
    }

    /// Which outputs to render: every one, or some.
    struct Selection {
        /// Whether to render a planned output of the site at an index.
        var output: (Int, SiteRenderer.Planned) -> Bool
        /// Pages whose share cards to draw; nil for every card and section thumbnail.
        var cards: Set<PageRef>?
        /// Static files, bundle files and the site-wide files (aliases, robots, redirects, sitemap index).
        var otherFiles = true
        /// The jobs of the Hugo templates to run, each with the pagers after its first; nil for every one.
        var hugoJobs: [HugoRenderer.Job: Set<Int>]?

        static var everything: Selection { Selection(output: { _, _ in true }, cards: nil) }
    }

    struct Output {
        /// Every file of the site, except the templated outputs and cards left out by the selection.
        var files: [OutputFile]
        var rendered: [RenderedOutput]
        var cards: Int
        var warnings: [Diagnostic]
        var hugoOutputs: [String: HugoRenderer.OutputRecord] = [:]
        /// The Hugo objects rendered with, when recording.
        var hugoSites: HugoSites?
    }

    /// Templates → share cards → site-wide files: the files of the site, with static files and
    /// bundle files. Throws every template error at once.
    func render(options: BuildOptions, recording: Bool, selection: Selection = .everything) throws(DiagnosticList) -> Output {
        var cards = ShareCards.Output(files: [], warnings: [])
        if options.drawCards && selection.cards?.isEmpty != true {
            cards = ShareCards(sites: sites, siteDirectory: options.source,
                               cache: ImageCache(directory: options.cacheDirectory.appendingPathComponent("cards")))
                .render(pages: selection.cards, progress: options.progress)
        }
        let statics: (files: [OutputFile], warnings: [Diagnostic]) = selection.otherFiles ? staticFiles(options) : ([], [])
        var files = statics.files + (selection.otherFiles ? resourceFiles(options) : []) + cards.files
        var warnings = content.warnings + content.pagesByLanguage.joined().flatMap(\.warnings) + statics.warnings + cards.warnings
        var rendered: [RenderedOutput] = [], problems: [Diagnostic] = []
        if let hugoLayouts {
            let hugoSites: HugoSites
            if let kept = self.hugoSites {
                kept.clearRenderState()
                hugoSites = kept
            } else {
                hugoSites = makeHugoSites(hugoLayouts, options: options)
            }
            let result = HugoRenderer(sites: hugoSites, layouts: hugoLayouts, strings: content.strings)
                .render(progress: options.progress, only: selection.hugoJobs, recording: recording)
            let kept = recording ? hugoSites : nil
            if !recording { releaseInBackground(consume hugoSites) }
            if !result.problems.isEmpty { throw DiagnosticList(result.problems) }
            files += result.files
            warnings += result.warnings
            return Output(files: files, rendered: [], cards: cards.files.count, warnings: warnings, hugoOutputs: result.records,
                          hugoSites: kept)
        }
        let renderers = sites.indices.map { index in
            let context = RenderContext(sites: sites, index: index, translations: indexes.translations, strings: content.strings,
                                        generator: Builder.generator, drawsCards: options.drawCards, images: images,
                                        recordsReads: recording)
            let renderer = SiteRenderer(context: context, templates: templates)
            return (context, renderer, (plans.indices.contains(index) ? plans[index] : renderer.plan()).filter { selection.output(index, $0) })
        }
        let counter = options.progress.counter(.templates, total: renderers.map(\.2.count).reduce(0, +))
        for (context, renderer, planned) in renderers {
            let result = renderer.render(planned, counter: counter)
            problems += result.problems
            rendered += result.outputs
            files += result.outputs.map(\.file)
            if selection.otherFiles { files += SiteFiles(context: context, templates: templates).files() }
            warnings += context.warnings
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        files += (selection.otherFiles ? SiteFiles.shared(sites) : []) + images.files
        warnings += images.warnings
        images.save()
        if sites[0].config.relativeURLs {
            files = files.map { RelativeURLs.rewrite($0, basePath: sites[0].urls.basePath) }
        }
        return Output(files: files, rendered: rendered, cards: cards.files.count, warnings: warnings)
    }

    /// The Hugo objects of the sites as they are.
    func makeHugoSites(_ layouts: HugoLayouts, options: BuildOptions) -> HugoSites {
        HugoSites(sites: sites, config: content.config, sourceFolder: options.source, data: layouts.data)
    }

    /// Plans every site's outputs, unless they are planned.
    mutating func plan(options: BuildOptions) {
        guard plans.isEmpty else { return }
        plans = sites.indices.map { index in
            let context = RenderContext(sites: sites, index: index, translations: indexes.translations, strings: content.strings,
                                        generator: Builder.generator, drawsCards: options.drawCards, images: images)
            return SiteRenderer(context: context, templates: templates).plan()
        }
    }

    /// Notes what `output` read and wrote.
    mutating func remember(_ output: Output) {
        hugoOutputs.merge(output.hugoOutputs) { $1 }
        if let sites = output.hugoSites { hugoSites = sites }
        for item in output.rendered {
            guard let template = item.template, let reads = item.reads else { continue }
            outputs[item.file.path] = OutputRecord(template: template, reads: reads)
        }
        for file in output.files { written[file.path] = file.content }
    }

    /// Whether the output folder holds `file` already: the same text, or a copy of the same
    /// source that has not changed since.
    func holds(_ file: OutputFile, changedSources: Set<String>) -> Bool {
        switch (file.content, written[file.path]) {
        case (.text(let new), .text(let old)?): return new == old
        case (.data(let new), .data(let old)?): return new == old
        case (.copy(let new), .copy(let old)?):
            return new.path == old.path && (changedSources.isEmpty || !changedSources.contains(new.standardizedFileURL.path))
        default: return false
        }
    }

    /// The theme's files, then `static/` (links that lead outside the site skipped, with warnings).
    /// A site with Hugo templates has its Hugo themes' `static/` folders instead of the embedded theme's files.
    private func staticFiles(_ options: BuildOptions) -> (files: [OutputFile], warnings: [Diagnostic]) {
        let reader = SiteFolderReader(site: options.source)
        var folders = [options.source.appendingPathComponent("static")]
        var files: [String: OutputFile] = [:]
        if hugoLayouts == nil {
            for (path, text) in EmbeddedTheme.staticFiles { files[path] = OutputFile(path: path, content: .text(text)) }
        } else {
            folders += content.config.themes.map { options.source.appendingPathComponent("themes/\($0)/static") }
        }
        var warnings: [Diagnostic] = []
        // The site's files over its first theme's over the next's.
        for folder in folders.reversed() {
            let found = reader.files(under: folder)
            warnings += found.warnings
            for path in found.files { files[path] = OutputFile(path: path, content: .copy(folder.appendingPathComponent(path))) }
        }
        return (files.keys.sorted().map { files[$0]! }, warnings)
    }

    /// Bundle files (once, however many translations link to them) and loose content files.
    private func resourceFiles(_ options: BuildOptions) -> [OutputFile] {
        var files = content.inventory.looseFiles.map {
            OutputFile(path: $0.name, content: .copy(options.source.appendingPathComponent($0.path)))
        }
        var written: Set<String> = []
        for site in sites {
            for page in site.pages {
                for resource in page.resources where written.insert(resource.path).inserted {
                    files.append(OutputFile(path: OutputPath.file(forURLPath: resource.path), content: .copy(resource.sourceURL)))
                }
            }
        }
        return files
    }
}
