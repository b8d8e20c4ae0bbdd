import Foundation

/// A build kept in memory between edits, for the preview server. The first build is a whole one;
/// after it, an edited page is read again alone and only the outputs that showed something of it
/// are rendered again (its own page, the lists, feeds and taxonomy pages it appears in, its share
/// card), and an edited template renders again only the outputs whose templates use it. An edit
/// that changes the site's structure (a page added, moved, redated, retagged…) renders every output
/// but still writes only the files that changed. Configuration, `i18n/` and bundle-file edits, and
/// new or deleted content files, start again from scratch.
public struct IncrementalBuild: Sendable {
    public let options: BuildOptions
    private var state: BuildState?
    /// Paths changed since the last successful build: a failed one leaves the state as it was, so
    /// they are built again with the next.
    private var pending: Set<String> = []

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What a build wrote, told as it lands.
    public enum Landed: Sendable {
        /// The whole site may have changed.
        case site
        /// These output files (paths from the output folder) were written or removed.
        case files([String])
    }

    /// Builds the whole site the first time, then what `changed` (paths from the site folder)
    /// affects. `landed` hears of the files as they are written: an edited page's own file first,
    /// then the lists, feeds and other pages that show it, which take longer on a large site.
    public mutating func build(changed: [String] = [], landed: (Landed) -> Void = { _ in }) throws(DiagnosticList) -> BuildReport {
        pending.formUnion(changed)
        let started = Date()
        if let state, let edit = Edit(pending, state: state, source: options.source),
           let rebuilt = try rebuild(state, edit, started: started, landed: landed) {
            self.state = rebuilt.state
            pending = []
            return rebuilt.report
        }
        let (report, state) = try Builder(options: options).run(recording: true)
        self.state = state
        pending = []
        landed(.site)
        return report
    }

    /// What changed paths ask of a rebuild; nil when only a whole build will do.
    struct Edit {
        /// Content files of pages, read again.
        var sources: [ContentSource] = []
        var templates = false
        /// Full paths of changed (or removed) static files, copied again (or removed).
        var staticFiles: Set<String> = []
        /// Output paths of removed static files.
        var removedStatic: [String] = []

        init?(_ paths: Set<String>, state: BuildState, source: URL) {
            let cardImages = Self.cardImages(state.content.config)
            for path in paths.sorted() {
                let url = source.appendingPathComponent(path)
                if path.hasPrefix("templates/") {
                    if path.hasSuffix("." + TemplateSet.fileExtension) { templates = true }
                } else if path.hasPrefix("static/") {
                    let name = String(path.dropFirst("static/".count))
                    if cardImages.contains(name) { return nil }
                    staticFiles.insert(url.standardizedFileURL.path)
                    if !FileManager.default.fileExists(atPath: url.path) { removedStatic.append(name) }
                } else if let page = state.content.inventory.sources.first(where: { $0.label == path }),
                          FileManager.default.fileExists(atPath: url.path) {
                    sources.append(page)
                } else if !FileManager.default.fileExists(atPath: url.path) && !Self.isKnown(path, at: url, in: state) {
                    continue  // a file that came and went (an editor's temporary): nothing to build
                } else {
                    // Configuration, i18n, a bundle file, a new or deleted page.
                    return nil
                }
            }
        }

        /// Whether the build read the file at `path` (from the site folder): a page's file, a bundle
        /// file or a loose content file.
        private static func isKnown(_ path: String, at url: URL, in state: BuildState) -> Bool {
            let content = state.content, full = url.standardizedFileURL.path
            return content.inventory.sources.contains { $0.label == path }
                || content.inventory.looseFiles.contains { $0.path == path }
                || content.pagesByLanguage.contains { $0.contains { $0.resources.contains { $0.sourceURL.standardizedFileURL.path == full } } }
        }

        /// Static files that share cards and section thumbnails are drawn with.
        private static func cardImages(_ config: SiteConfig) -> Set<String> {
            let cards = [config.cards] + Array(config.cards.sections.values)
            return Set(cards.compactMap(\.logo) + config.thumbnails.values.flatMap { [$0.image, $0.logo].compactMap { $0 } })
        }
    }

    /// The rebuild after `edit`, or nil when it needs a whole build.
    private func rebuild(_ old: BuildState, _ edit: Edit, started: Date,
                         landed: (Landed) -> Void) throws(DiagnosticList) -> (report: BuildReport, state: BuildState)? {
        var state = old
        var changedTemplates: Set<String> = []
        if edit.templates {
            let templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
            guard templates.names == old.templates.names else { return nil }
            changedTemplates = templates.names.filter { templates.source(of: $0) != old.templates.source(of: $0) }
            state.templates = templates
        }
        let loader = SiteLoader(options: options, templates: state.templates, images: state.images)

        // Pages: read the edited files again.
        var edited: [PageRef: Page] = [:], bodiesOnly = true, problems: [Diagnostic] = []
        for source in edit.sources {
            let content = state.content
            guard let language = content.languages.firstIndex(where: { $0.code == source.language }) else { return nil }
            let page: Page?
            do {
                page = try loader.pageLoader(content.config, languages: content.languages, index: language,
                                             inventory: content.inventory).load(source)
            } catch {
                problems += error.diagnostics
                continue
            }
            let position = content.pagesByLanguage[language].firstIndex { $0.source?.label == source.label }
            switch (position, page) {
            case (nil, nil):
                continue  // a draft or future page the preview leaves out, still left out
            case (let position?, var page?):
                let previous = content.pagesByLanguage[language][position]
                page.resources = previous.resources  // bundle files are their own edits
                var sameFrontMatter = page
                sameFrontMatter.body = previous.body
                sameFrontMatter.bodyStartLine = previous.bodyStartLine
                if sameFrontMatter != previous { bodiesOnly = false }
                state.content.pagesByLanguage[language][position] = page
                guard let id = state.sites[language].pages.firstIndex(where: { $0.source?.label == source.label }) else { return nil }
                edited[PageRef(site: language, page: id)] = page
            default:
                return nil  // a page appears or disappears
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        // The site models: patched when only bodies changed, else assembled again and compared.
        var shown: Set<PageRef> = [], everything = false
        var markdownTargets: Set<PageRef>? = Set(edited.keys)
        if bodiesOnly {
            for (ref, page) in edited {
                for keep in [\BuildState.assembled, \BuildState.sites] {
                    state[keyPath: keep][ref.site].pages[ref.page].body = page.body
                    state[keyPath: keep][ref.site].pages[ref.page].bodyStartLine = page.bodyStartLine
                }
            }
        } else {
            let assembled = try loader.assemble(state.content)
            if let changed = Self.changedPages(from: old.assembled, to: assembled, edited: Set(edited.keys)) {
                shown = changed
                var sites = assembled
                for site in sites.indices {
                    for page in sites[site].pages.indices { sites[site].pages[page].rendered = old.sites[site].pages[page].rendered }
                }
                state.sites = sites
                markdownTargets = Set(edited.keys).union(old.markdownReads.filter { !$0.value.pages.isDisjoint(with: changed) }.map(\.key))
            } else {
                everything = true
                markdownTargets = nil
                state.sites = assembled
                state.indexes = SiteIndexes(sites: assembled)
            }
            state.assembled = assembled
        }
        if Self.changesMarkdown(changedTemplates, templates: state.templates) { markdownTargets = nil }

        // Markdown of the pages that may have changed; outputs show a page's content only if it did.
        var contentChanged: Set<PageRef> = []
        if markdownTargets?.isEmpty != true {
            let before = state.sites
            let markdown = loader.renderMarkdown(state.sites, content: state.content, only: markdownTargets, recording: true,
                                                 indexes: state.indexes)
            if !markdown.problems.isEmpty { throw DiagnosticList(markdown.problems) }
            state.sites = markdown.sites
            state.markdownReads.merge(markdown.reads) { $1 }
            contentChanged = Set(markdown.reads.keys.filter {
                before[$0.site][$0.page].rendered != state.sites[$0.site][$0.page].rendered
            })
        }

        // Outputs that read a changed page or use a changed template: the edited pages' own first.
        if everything { state.count() }
        var usesChangedTemplate: [String: Bool] = [:]
        let templates = state.templates, outputs = state.outputs
        func affected(_ planned: SiteRenderer.Planned) -> Bool {
            guard !everything, let record = outputs[planned.path], let template = planned.template else { return true }
            if record.reads.isAffected(byPages: shown, contents: contentChanged) { return true }
            guard !changedTemplates.isEmpty else { return false }
            if let known = usesChangedTemplate[template] { return known }
            let uses = !templates.dependencies(of: template).isDisjoint(with: changedTemplates)
            usesChangedTemplate[template] = uses
            return uses
        }
        let own = everything ? [] : Set(edited.keys.map { state.sites[$0.site][$0.page].outputPath })
        var written = 0
        if !own.isEmpty {
            let first = BuildState.Selection(output: { own.contains($1.path) && affected($1) }, cards: [], otherFiles: false)
            let output = try state.render(options: options, recording: true, selection: first)
            written += try write(output, removing: [], into: &state, changedSources: [])
            landed(.files(output.files.map(\.path)))
        }
        let rest = BuildState.Selection(output: { !own.contains($1.path) && affected($1) }, cards: everything ? nil : shown,
                                        otherFiles: everything || changedTemplates.count > 0 || !edit.staticFiles.isEmpty)
        let output = try state.render(options: options, recording: true, selection: rest)
        let produced = Set(output.files.map(\.path)).union(own)
        let removed = (everything ? Array(state.written.keys) : edit.removedStatic).filter { !produced.contains($0) }
        written += try write(output, removing: removed, into: &state, changedSources: edit.staticFiles)
        landed(everything ? .site : .files(output.files.map(\.path) + removed))
        let report = Builder(options: options).report(state, filesWritten: written, cards: output.cards,
                                                      started: started, warnings: output.warnings)
        return (report, state)
    }

    /// Writes the files of `output` that differ from the output folder, removes `removed`, and
    /// notes it all in `state`; returns how many files changed.
    private func write(_ output: BuildState.Output, removing removed: [String], into state: inout BuildState,
                       changedSources: Set<String>) throws(DiagnosticList) -> Int {
        var latest: [String: OutputFile] = [:]
        for file in output.files { latest[file.path] = file }
        let changed = latest.values.filter { !state.holds($0, changedSources: changedSources) }
        do {
            try OutputWriter(destination: options.destination).update(changed, removing: removed)
        } catch {
            throw DiagnosticList([error])
        }
        for path in removed {
            state.written[path] = nil
            state.outputs[path] = nil
        }
        state.remember(output)
        return changed.count + removed.count
    }

    /// The pages an edit changed, when it left the site's structure as it was: the same pages at
    /// the same URLs, in the same lists, taxonomies and menus, with the same dates, aliases and
    /// files, and nothing changed but the edited pages. Nil when the structure changed.
    static func changedPages(from old: [Site], to new: [Site], edited: Set<PageRef>) -> Set<PageRef>? {
        guard old.count == new.count else { return nil }
        var changed: Set<PageRef> = []
        for (index, (before, after)) in zip(old, new).enumerated() {
            guard before.pages.count == after.pages.count, before.home == after.home,
                  before.regularPages == after.regularPages, before.members == after.members,
                  before.childSections == after.childSections, before.parent == after.parent,
                  before.previous == after.previous, before.next == after.next,
                  before.taxonomies == after.taxonomies, before.menus == after.menus,
                  before.pagesByContentPath == after.pagesByContentPath else { return nil }
            for id in before.pages.indices where before.pages[id] != after.pages[id] {
                let ref = PageRef(site: index, page: id)
                let a = before.pages[id], b = after.pages[id]
                guard edited.contains(ref), a.path == b.path, a.kind == b.kind, a.date == b.date,
                      a.aliases == b.aliases, a.resources == b.resources, a.translationKey == b.translationKey,
                      a.frontMatter.headless == b.frontMatter.headless else { return nil }
                changed.insert(ref)
            }
        }
        return changed
    }

    /// Whether a template edit changes rendered Markdown: render hooks and shortcodes, and what they use.
    static func changesMarkdown(_ changed: Set<String>, templates: TemplateSet) -> Bool {
        guard !changed.isEmpty else { return false }
        return templates.names.contains { name in
            (name.hasPrefix("_markup/") || name.hasPrefix("shortcodes/")) && !templates.dependencies(of: name).isDisjoint(with: changed)
        }
    }
}
