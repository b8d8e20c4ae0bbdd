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
    /// Of a rebuild (`IncrementalBuild`): how long each of its phases took, in order.
    public var phases: [(name: String, seconds: Double)] = []
    /// Of a rebuild: the paths of the outputs its templates rendered again, written or not.
    public var outputsRendered: Set<String> = []

    /// `classify 0.2 ms, read 1.1 ms, …; 3 outputs rendered`.
    public var phaseSummary: String {
        phases.map { String(format: "%@ %.1f ms", $0.name, $0.seconds * 1000) }.joined(separator: ", ")
            + "; \(outputsRendered.count) output\(outputsRendered.count == 1 ? "" : "s") rendered"
    }

    public var summary: String {
        String(format: "Built %d pages, %d sections, %d files written, %d images in %.2f s", pages, sections, filesWritten, images, seconds)
    }
}

/// Runs the pipeline one way: `SiteLoader` (configuration → content → site models → Markdown),
/// then templates → site-wide files → atomic write. Every stage reports all the problems it finds;
/// the build stops before writing when any is an error, so the previous output stays as it was.
public struct Builder: Sendable {
    public static let version = "0.1.0"
    public static let generator = "SiteGen \(version)"
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(DiagnosticList) -> BuildReport {
        let (report, state) = try run(recording: false)
        releaseInBackground(consume state)
        return report
    }

    /// The whole pipeline. When `recording`, it also notes what each output and each page's
    /// Markdown read, and keeps every stage's result, for `IncrementalBuild`.
    func run(recording: Bool) throws(DiagnosticList) -> (report: BuildReport, state: BuildState) {
        let started = Date()
        do {
            try DestinationCheck.checkSource(options.source)
        } catch {
            throw DiagnosticList([error])
        }
        var problems: [Diagnostic] = []
        var templates: TemplateSet?
        let images = ImageVariants(cache: ImageCache(directory: options.cacheDirectory.appendingPathComponent("images")))
        do {
            templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
        } catch {
            problems += error.diagnostics
        }
        let loader = SiteLoader(options: options, templates: templates, images: images)
        var content: LoadedContent?, assembled: [Site]?
        do throws(DiagnosticList) {
            let loaded = try options.progress.run(.loading) { () throws(DiagnosticList) in try loader.loadContent() }
            do {
                try DestinationCheck.checkDestination(options.destination, source: options.source,
                                                      contentFolders: loaded.languages.compactMap(\.contentDir))
                try OutputWriter(destination: options.destination).recoverInterruptedBuilds()
            } catch {
                throw DiagnosticList([error])
            }
            problems += loaded.problems
            content = loaded
            assembled = try options.progress.run(.assembling, count: loaded.pagesByLanguage.map(\.count).reduce(0, +)) { () throws(DiagnosticList) in
                try loader.assemble(loaded)
            }
        } catch {
            problems += error.diagnostics
        }
        // Past a broken page the build goes on without it, so that one build reports the errors of
        // every stage (Markdown, shortcodes, templates); it stops only where a stage has nothing to work on.
        guard let templates, let content, let assembled else { throw DiagnosticList(unique: problems) }
        var hugoLayouts: HugoLayouts?
        if HugoLayouts.exist(site: options.source, themes: content.config.themes) {
            do {
                hugoLayouts = try HugoLayouts(site: options.source, themes: content.config.themes, functions: HugoLayouts.standardFunctions,
                                              formats: OutputFormats(config: content.config).all, keepsCSS2: content.config.keepCSS2)
            } catch {
                problems += error.diagnostics
                throw DiagnosticList(unique: problems)
            }
        }
        let indexes = SiteIndexes(sites: assembled)
        let markdown = options.progress.run(.markdown, count: assembled.map { $0.pages.filter { $0.source != nil }.count }.reduce(0, +)) {
            loader.renderMarkdown(assembled, content: content, recording: recording, indexes: indexes, hugoLayouts: hugoLayouts)
        }
        problems += markdown.problems

        var sites = assembled
        markdown.apply(to: &sites)
        var state = BuildState(templates: templates, hugoLayouts: hugoLayouts, content: content, assembled: assembled, sites: sites,
                               markdownReads: markdown.reads, indexes: indexes, images: images)
        state.count()
        if recording { state.plan(options: options) }
        if !content.hasStrings { throw DiagnosticList(unique: problems) }
        var renderOptions = options
        // Hugo draws no share cards: a site on Hugo templates gets none it did not ask for.
        if !problems.isEmpty || hugoLayouts != nil { renderOptions.drawCards = false }
        let output: BuildState.Output
        do {
            output = try options.progress.run(.templates, count: sites.map(\.pages.count).reduce(0, +)) { () throws(DiagnosticList) in
                try state.render(options: renderOptions, recording: recording)
            }
        } catch {
            throw DiagnosticList(unique: problems + error.diagnostics)
        }
        if !problems.isEmpty { throw DiagnosticList(unique: problems) }
        let written: Int
        do {
            written = try options.progress.run(.writing, count: output.files.count) { () throws(Diagnostic) in
                try OutputWriter(destination: options.destination, cleansDestination: options.cleansDestination).write(output.files, progress: options.progress)
            }
        } catch {
            throw DiagnosticList([error])
        }
        if recording { state.remember(output) }
        return (report(state, filesWritten: written, cards: output.cards, started: started, warnings: output.warnings), state)
    }

    func report(_ state: BuildState, filesWritten: Int, cards: Int, started: Date, warnings: [Diagnostic]) -> BuildReport {
        BuildReport(pages: state.counts.pages, sections: state.counts.sections, filesWritten: filesWritten,
                    images: state.counts.images + cards + state.images.files.count,
                    seconds: Date().timeIntervalSince(started),
                    warnings: warnings.sorted { $0.description < $1.description })
    }

    /// Every stage up to the site models, one per language: what `sitegen build` renders and later
    /// tools (the preview server, checks) read.
    public func buildSites() throws(DiagnosticList) -> LoadedSites {
        let templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
        return try SiteLoader(options: options, templates: templates).load()
    }
}
