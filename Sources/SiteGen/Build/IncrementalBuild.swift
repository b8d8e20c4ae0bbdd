import Foundation

/// A build kept in memory between edits, for the preview server. The first build is a whole one;
/// after it, an edited page is read again alone and only the outputs that showed something of it
/// are rendered again (its own page, the lists, feeds and taxonomy pages it appears in, its share
/// card), with the lists whose members or order it changed; an edited template renders again only
/// the outputs whose templates use it. An edit that adds or removes a generated page or moves a URL
/// renders every output, but still writes only the files that changed. Configuration, `i18n/` and
/// bundle-file edits, and new or deleted content files, start again from scratch.
public struct IncrementalBuild: Sendable {
    public let options: BuildOptions
    private var state: BuildState?
    /// What the state's whole build read, by path: a rebuild keeps the files and bundles as they were.
    private var known: KnownFiles?
    /// Paths changed since the last successful build: a failed one leaves the state as it was, so
    /// they are built again with the next.
    private var pending: Set<String> = []
    /// Outputs rendered between two looks at whether another edit is waiting: about a tenth of a
    /// second of work for pages of the built-in theme.
    var batchSize = 256

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Whether the last build rendered everything its edits affected (see `build`'s `interrupted`).
    public var isComplete: Bool { state?.unrendered.isEmpty ?? true }

    /// What a build wrote, told as it lands.
    public enum Landed: Sendable {
        /// The whole site may have changed.
        case site
        /// These output files (paths from the output folder) were written or removed.
        case files([String])
    }

    /// Builds the whole site the first time, then what `changed` (paths from the site folder)
    /// affects. `landed` hears of the files as they are written: first an edited page's own file
    /// and those of `viewing` (output paths of pages open in a browser, as Hugo's fast render
    /// favours them), then the lists, feeds and other pages, which take longer on a large site.
    ///
    /// When `interrupted` says so (another edit is waiting), the rest is left for the next build,
    /// which renders it after that edit's own pages; `isComplete` tells whether any is left.
    public mutating func build(changed: [String] = [], viewing: Set<String> = [], interrupted: () -> Bool = { false },
                               landed: (Landed) -> Void = { _ in }) throws(DiagnosticList) -> BuildReport {
        pending.formUnion(changed)
        let started = Date()
        let clock = PhaseClock()
        func noted(_ what: Landed) {
            clock.lap()
            landed(what)
            clock.lap("notify")
        }
        // The state is taken, not copied, so that patching a page does not copy every page; a
        // failed rebuild puts back what it changed.
        if let known, let edit = state.flatMap({ Edit(pending, state: $0, known: known, source: options.source) }), var state = state.take() {
            defer { self.state = state }
            clock.lap("classify")
            if var report = try rebuild(&state, edit, viewing: viewing, started: started, clock: clock, interrupted: interrupted, landed: noted) {
                pending = []
                report.phases = clock.phases
                return report
            }
        }
        let (report, state) = try Builder(options: options).run(recording: true)
        self.state = state
        known = KnownFiles(state)
        pending = []
        landed(.site)
        return report
    }

    /// What changed paths ask of a rebuild; nil when only a whole build will do.
    struct Edit {
        /// Content files of pages, read again.
        var sources: [ContentSource] = []
        var templates = false
        /// Hugo layouts (`layouts/`, a theme's): every output rendered again with them.
        var layouts = false
        /// Among them, shortcodes or render hooks: every page's Markdown too.
        var layoutsOfMarkdown = false
        /// Full paths of changed (or removed) static files, copied again (or removed).
        var staticFiles: Set<String> = []
        /// Output paths of removed static files.
        var removedStatic: [String] = []

        init?(_ paths: Set<String>, state: BuildState, known: KnownFiles, source: URL) {
            let cardImages = Self.cardImages(state.content.config)
            for path in paths.sorted() {
                let url = source.appendingPathComponent(path)
                if path.hasPrefix("templates/") {
                    if path.hasSuffix("." + TemplateSet.fileExtension) { templates = true }
                } else if Self.isLayout(path) {
                    // A site on SiteGen's templates that gains layouts changes engine: a whole build.
                    guard state.hugoLayouts != nil else { return nil }
                    layouts = true
                    if path.contains("/shortcodes/") || path.contains("/_markup/") { layoutsOfMarkdown = true }
                } else if path.hasPrefix("static/") {
                    let name = String(path.dropFirst("static/".count))
                    if cardImages.contains(name) { return nil }
                    staticFiles.insert(url.standardizedFileURL.path)
                    if !FileManager.default.fileExists(atPath: url.path) { removedStatic.append(name) }
                } else if let page = known.sources[path], FileManager.default.fileExists(atPath: url.path) {
                    sources.append(page)
                } else if !FileManager.default.fileExists(atPath: url.path) && !known.contains(path) {
                    continue  // a file that came and went (an editor's temporary): nothing to build
                } else {
                    // Configuration, i18n, a bundle file, a new or deleted page.
                    return nil
                }
            }
        }

        /// `layouts/…` or `themes/NAME/layouts/…`.
        private static func isLayout(_ path: String) -> Bool {
            let parts = path.split(separator: "/")
            return parts.first == "layouts" || (parts.count > 3 && parts[0] == "themes" && parts[2] == "layouts")
        }

        /// Static files that share cards and section thumbnails are drawn with.
        private static func cardImages(_ config: SiteConfig) -> Set<String> {
            let cards = [config.cards] + Array(config.cards.sections.values)
            return Set(cards.compactMap(\.logo) + config.thumbnails.values.flatMap { [$0.image, $0.logo].compactMap { $0 } })
        }
    }

    /// Rebuilds `state` after `edit`; nil when it needs a whole build. On failure, and when it
    /// needs a whole build, `state` is put back as it was.
    private func rebuild(_ state: inout BuildState, _ edit: Edit, viewing: Set<String>, started: Date, clock: PhaseClock,
                         interrupted: () -> Bool, landed: (Landed) -> Void) throws(DiagnosticList) -> BuildReport? {
        var undo: [(inout BuildState) -> Void] = []
        do {
            let report = try rebuild(&state, edit, viewing: viewing, started: started, clock: clock, interrupted: interrupted,
                                     landed: landed, undo: &undo)
            if report == nil { for step in undo.reversed() { step(&state) } }
            return report
        } catch {
            for step in undo.reversed() { step(&state) }
            throw error
        }
    }

    private func rebuild(_ state: inout BuildState, _ edit: Edit, viewing: Set<String>, started: Date, clock: PhaseClock,
                         interrupted: () -> Bool, landed: (Landed) -> Void,
                         undo: inout [(inout BuildState) -> Void]) throws(DiagnosticList) -> BuildReport? {
        var changedTemplates: Set<String> = []
        var templates = state.templates
        if edit.templates {
            templates = try TemplateSet.load(siteTemplates: options.source.appendingPathComponent("templates"))
            guard templates.names == state.templates.names else { return nil }
            changedTemplates = templates.names.filter { templates.source(of: $0) != state.templates.source(of: $0) }
        }
        let loader = SiteLoader(options: options, templates: templates, images: state.images)

        // Pages: read the edited files again, every one before anything changes.
        var reloaded: [(language: Int, position: Int, page: Page, ref: PageRef)] = []
        var bodiesOnly = true, problems: [Diagnostic] = []
        // On Hugo templates, the edited pages' records before and after.
        var frontMatterEdits: [(ref: PageRef, old: Page, new: Page)] = []
        // In a scope of its own: a copy of the content held while a page of it is replaced below
        // would copy every page of the language.
        do {
            let content = state.content
            for source in edit.sources {
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
                    guard let id = state.sites[language].pages.firstIndex(where: { $0.source?.label == source.label }) else { return nil }
                    if sameFrontMatter != previous {
                        bodiesOnly = false
                        if state.hugoLayouts != nil {
                            guard HugoEdits.keepsStructure(from: previous, to: page) else { return nil }
                            frontMatterEdits.append((PageRef(site: language, page: id), state.sites[language].pages[id], page))
                        }
                    }
                    reloaded.append((language, position, page, PageRef(site: language, page: id)))
                default:
                    return nil  // a page appears or disappears
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let edited = Set(reloaded.map(\.ref))
        // A site on Hugo templates has no SiteGen templates to edit.
        if state.hugoLayouts != nil && edit.templates { return nil }
        var layouts = state.hugoLayouts
        if edit.layouts {
            let config = state.content.config
            layouts = try HugoLayouts(site: options.source, themes: config.themes, functions: HugoLayouts.standardFunctions,
                                      formats: OutputFormats(config: config).all, keepsCSS2: config.keepCSS2)
        }

        clock.lap("read")
        let (oldTemplates, oldLayouts) = (state.templates, state.hugoLayouts)
        (state.templates, state.hugoLayouts) = (templates, layouts)
        undo.append { ($0.templates, $0.hugoLayouts) = (oldTemplates, oldLayouts) }
        for (language, position, page, _) in reloaded {
            let previous = state.content.pagesByLanguage[language][position]
            state.content.pagesByLanguage[language][position] = page
            undo.append { $0.content.pagesByLanguage[language][position] = previous }
        }

        // The site models: patched when only bodies changed, else assembled again and compared.
        var change = SiteChange(), everything = false, previousPlans: [[SiteRenderer.Planned]] = []
        // With the pages whose Markdown (a shortcode, a render hook) shows an edited page's.
        var markdownTargets: Set<PageRef>? = edited.union(state.markdownReads.filter { reads in edited.contains { reads.value.contents[$0] != nil } }.keys)
        if bodiesOnly {
            for (_, _, page, ref) in reloaded {
                for keep in [\BuildState.assembled, \BuildState.sites] {
                    let previous = state[keyPath: keep][ref.site].pages[ref.page]
                    state[keyPath: keep][ref.site].pages[ref.page].body = page.body
                    state[keyPath: keep][ref.site].pages[ref.page].bodyStartLine = page.bodyStartLine
                    undo.append { $0[keyPath: keep][ref.site].pages[ref.page] = previous }
                }
            }
        } else {
            let languages = Set(reloaded.map(\.language))
            let assembled = try loader.assemble(state.content, only: languages, kept: state.assembled)
            let (oldAssembled, oldSites, oldIndexes, oldPlans) = (state.assembled, state.sites, state.indexes, state.plans)
            undo.append { ($0.assembled, $0.sites, $0.indexes, $0.plans) = (oldAssembled, oldSites, oldIndexes, oldPlans) }
            previousPlans = oldPlans
            if let changed = Self.changes(from: oldAssembled, to: assembled, in: languages) {
                change = changed
                var sites = assembled
                for site in sites.indices {
                    for page in sites[site].pages.indices { sites[site].pages[page].rendered = oldSites[site].pages[page].rendered }
                }
                state.sites = sites
                if let hugoLayouts = state.hugoLayouts {
                    guard let objects = hugoObjects(after: frontMatterEdits, changed: changed, languages: languages,
                                                    layouts: hugoLayouts, in: &state, undo: &undo) else { return nil }
                    change = objects
                }
                markdownTargets = edited.union(state.markdownReads.filter { [change] in $0.value.isAffected(by: change) }.map(\.key))
            } else if state.hugoLayouts != nil {
                return nil
            } else {
                everything = true
                markdownTargets = nil
                state.sites = assembled
                state.indexes = SiteIndexes(sites: assembled)
            }
            state.assembled = assembled
            // A page's type or layout may have changed its template.
            state.plans = []
        }
        if Self.changesMarkdown(changedTemplates, templates: state.templates) || edit.layoutsOfMarkdown { markdownTargets = nil }
        clock.lap("assemble")

        // Markdown of the pages that may have changed; outputs show a page's content only if it did.
        if markdownTargets?.isEmpty != true {
            let markdown = loader.renderMarkdown(state.sites, content: state.content, only: markdownTargets, recording: true,
                                                 indexes: state.indexes, hugoLayouts: state.hugoLayouts)
            if !markdown.problems.isEmpty { throw DiagnosticList(markdown.problems) }
            for (ref, reads) in markdown.reads {
                let (previous, previousReads) = (state.sites[ref.site].pages[ref.page].rendered, state.markdownReads[ref])
                let rendered = markdown.rendered[ref]
                if rendered != previous {
                    change.contents[ref] = state.hugoLayouts == nil ? .all
                        : PageObject.changedParts(of: state.sites[ref.site].pages[ref.page], from: previous, to: rendered,
                                                  summaryLength: state.sites[ref.site].config.summaryLength)
                }
                state.sites[ref.site].pages[ref.page].rendered = rendered
                state.markdownReads[ref] = reads
                undo.append {
                    $0.sites[ref.site].pages[ref.page].rendered = previous
                    $0.markdownReads[ref] = previousReads
                }
            }
        }

        clock.lap("markdown")
        if state.hugoLayouts != nil {
            return try renderHugoOutputs(&state, change: change, cards: Set(frontMatterEdits.map(\.ref)), edit: edit, viewing: viewing,
                                         started: started, clock: clock, landed: landed, undo: &undo)
        }

        // Outputs that read a changed page or use a changed template: the edited and viewed pages' first.
        if everything { state.count() }
        state.plan(options: options)
        // Outputs the new plan no longer has (a list that lost a pager), removed with the first batch.
        var removals = everything ? [] : edit.removedStatic
            + Set(previousPlans.joined().map(\.path)).subtracting(state.plans.joined().map(\.path))
        let selected = everything ? nil : Self.affectedOutputs(of: state, change: change,
                                                               changedTemplates: changedTemplates).union(state.unrendered)
        let unrendered = state.unrendered
        undo.append { $0.unrendered = unrendered }
        state.unrendered = []
        func affected(_ planned: SiteRenderer.Planned) -> Bool { selected?.contains(planned.path) ?? true }
        let own = everything ? [] : Set(edited.map { state.sites[$0.site][$0.page].outputPath }).union(viewing)
        var written: [String] = [], rendered: Set<String> = []
        if !own.isEmpty {
            let first = BuildState.Selection(output: { own.contains($1.path) && affected($1) }, cards: [], otherFiles: false)
            let output = try state.render(options: options, recording: true, selection: first)
            clock.lap("render")
            rendered.formUnion(output.rendered.map(\.file.path))
            written = try write(output, removing: [], into: &state, changedSources: [])
            clock.lap("write")
            if !written.isEmpty { landed(.files(written)) }
        }
        // The rest, a batch at a time: another edit waiting takes over, and the rest waits for it.
        var rest = everything ? [] : state.plans.joined().map(\.path).filter { !own.contains($0) && selected?.contains($0) == true }
        var cards = everything ? nil : change.pages
        var otherFiles = everything || !changedTemplates.isEmpty || !edit.staticFiles.isEmpty
        var drawn = 0, warnings: [Diagnostic] = []
        repeat {
            let batch = everything ? nil : Set(rest.prefix(batchSize))
            rest.removeFirst(min(rest.count, batchSize))
            let others = BuildState.Selection(output: { batch?.contains($1.path) ?? !own.contains($1.path) }, cards: cards, otherFiles: otherFiles)
            let output = try state.render(options: options, recording: true, selection: others)
            clock.lap("render")
            rendered.formUnion(output.rendered.map(\.file.path))
            let produced = Set(output.files.map(\.path)).union(own)
            let removed = (everything ? Array(state.written.keys) : removals).filter { !produced.contains($0) }
            removals = []
            let paths = try write(output, removing: removed, into: &state, changedSources: edit.staticFiles)
            clock.lap("write")
            if everything { landed(.site) } else if !paths.isEmpty { landed(.files(paths)) }
            written += paths
            drawn += output.cards
            warnings += output.warnings
            (cards, otherFiles) = ([], false)
        } while !rest.isEmpty && !interrupted()
        state.unrendered = Set(rest)
        // Every batch reports the content's warnings again.
        var report = Builder(options: options).report(state, filesWritten: written.count, cards: drawn,
                                                      started: started, warnings: Array(Set(warnings)))
        report.outputsRendered = rendered
        return report
    }

    /// On Hugo templates, the objects to render with after an edit of the front matter of
    /// `edited` that kept the site's structure, and what it changed as templates see it; nil
    /// when only a whole build will do. The kept objects take the pages' new records when
    /// no order can have changed; else objects are made again and compared with them. A failed
    /// render puts the old ones back.
    private func hugoObjects(after edited: [(ref: PageRef, old: Page, new: Page)], changed: SiteChange, languages: Set<Int>,
                             layouts: HugoLayouts, in state: inout BuildState,
                             undo: inout [(inout BuildState) -> Void]) -> SiteChange? {
        guard let kept = state.hugoSites else { return nil }
        // Menus are read as a whole, unrecorded; the site-wide lists are compared below.
        guard !changed.pages.contains(where: { $0.page == PageRef.menus(of: $0.site).page }) else { return nil }
        let pages = changed.pages.filter { $0.page >= 0 }
        let records = kept.records(of: pages).filter { $0.1 != state.sites[$0.0.site].pages[$0.0.page] }
        if Set(records.map(\.0)).isSubset(of: edited.map(\.ref)), HugoEdits.keepOrders(of: kept, edited) {
            kept.replace(records.map { ($0.0, state.sites[$0.0.site].pages[$0.0.page]) })
            undo.append { _ in kept.replace(records) }
            return SiteChange(pages: Set(records.map(\.0)))
        }
        let fresh = state.makeHugoSites(layouts, options: options)
        guard var change = kept.changes(to: fresh, in: languages) else { return nil }
        change.pages.formUnion(records.map(\.0))
        state.hugoSites = fresh
        undo.append { $0.hugoSites = kept }
        return change
    }

    /// On Hugo templates, after an edit of pages: the outputs that read what `change` says changed
    /// (of a list, its first pager and those that did), or after an edit of the layouts every
    /// output, rendered again, and what changed of them written, with the edited static files and
    /// the share cards of `cards`.
    private func renderHugoOutputs(_ state: inout BuildState, change: SiteChange, cards: Set<PageRef>, edit: Edit, viewing: Set<String>,
                                   started: Date, clock: PhaseClock, landed: (Landed) -> Void,
                                   undo: inout [(inout BuildState) -> Void]) throws(DiagnosticList) -> BuildReport {
        let everything = edit.layouts, statics = !edit.staticFiles.isEmpty
        // The objects hold (layouts are not theirs) but for the pages whose content changed, which
        // get their new records. A failed render puts the old ones back.
        if let kept = state.hugoSites {
            let previous = kept.records(of: change.contents.keys)
            kept.replace(previous.map { ($0.0, state.sites[$0.0.site].pages[$0.0.page]) })
            undo.append { _ in kept.replace(previous) }
        }
        var written: [String] = [], warnings: [Diagnostic] = [], rendered: Set<String> = [], drawn = 0
        // After a layout edit, which renders every output, the pages open in a browser first.
        var viewed: [HugoRenderer.Job: Set<Int>] = [:]
        for path in viewing where everything {
            if let record = state.hugoOutputs[path] { viewed[record.job, default: []].insert(record.pager) }
        }
        if !viewed.isEmpty {
            let selection = BuildState.Selection(output: { _, _ in false }, cards: [], otherFiles: false, hugoJobs: viewed)
            let output = try state.render(options: options, recording: true, selection: selection)
            clock.lap("render")
            written = try write(output, removing: [], into: &state, changedSources: [])
            clock.lap("write")
            rendered = Set(output.hugoOutputs.keys)
            if !written.isEmpty { landed(.files(written)) }
        }
        var jobs: [HugoRenderer.Job: Set<Int>] = [:]
        for record in state.hugoOutputs.values where record.reads.isAffected(by: change) {
            jobs[record.job, default: []].insert(record.pager)
        }
        if everything || statics || !jobs.isEmpty || !cards.isEmpty {
            let selection = BuildState.Selection(output: { _, _ in false }, cards: cards, otherFiles: statics, hugoJobs: everything ? nil : jobs)
            let output = try state.render(options: options, recording: true, selection: selection)
            clock.lap("render")
            // Outputs the layouts no longer make (a list that stopped paginating), removed.
            let made = Set(output.files.map(\.path))
            let removed = (everything ? state.hugoOutputs.keys.filter { !made.contains($0) } : []) + edit.removedStatic
            let paths = try write(output, removing: removed, into: &state, changedSources: edit.staticFiles)
            clock.lap("write")
            warnings = output.warnings
            drawn = output.cards
            rendered.formUnion(output.hugoOutputs.keys)
            written += paths
            if !paths.isEmpty { landed(.files(paths)) }
        }
        var report = Builder(options: options).report(state, filesWritten: written.count, cards: drawn, started: started, warnings: warnings)
        report.outputsRendered = rendered
        return report
    }

    /// The outputs that read what an edit changed, that use a changed template, or that are new.
    static func affectedOutputs(of state: BuildState, change: SiteChange,
                                changedTemplates: Set<String>) -> Set<String> {
        var usesChangedTemplate: [String: Bool] = [:]
        var affected: Set<String> = []
        for planned in state.plans.joined() {
            guard let record = state.outputs[planned.path], let template = planned.template,
                  !record.reads.isAffected(by: change) else {
                affected.insert(planned.path)
                continue
            }
            guard !changedTemplates.isEmpty else { continue }
            if usesChangedTemplate[template] == nil {
                usesChangedTemplate[template] = !state.templates.dependencies(of: template).isDisjoint(with: changedTemplates)
            }
            if usesChangedTemplate[template] == true { affected.insert(planned.path) }
        }
        return affected
    }

    /// Writes the files of `output` that differ from the output folder, removes `removed`, and
    /// notes it all in `state`; returns the paths written and removed.
    private func write(_ output: BuildState.Output, removing removed: [String], into state: inout BuildState,
                       changedSources: Set<String>) throws(DiagnosticList) -> [String] {
        var latest: [String: OutputFile] = [:]
        for file in output.files { latest[file.path] = file }
        let changed = latest.values.filter { !state.holds($0, changedSources: changedSources) }
        let writer = OutputWriter(destination: options.destination)
        // The manifest is written again only when the set of files changes.
        let newFiles = removed.contains { state.written[$0] != nil } || output.files.contains { state.written[$0.path] == nil }
        do {
            try writer.update(changed, removing: removed)
        } catch {
            throw DiagnosticList([error])
        }
        for path in removed {
            state.written[path] = nil
            state.outputs[path] = nil
            state.hugoOutputs[path] = nil
        }
        state.remember(output)
        if newFiles {
            do {
                try writer.recordManifest(Set(state.written.keys))
            } catch {
                throw DiagnosticList([error])
            }
        }
        return changed.map(\.path) + removed
    }

    /// What an edit changed, when every page kept its place and its URL: the pages whose records
    /// differ (the edited ones, and any the assembly changed with them) or whose neighbours changed,
    /// the site's menus and site-wide lists (`PageRef.menus`, `PageRef.lists`) when they changed, and
    /// the lists (a section, a term, a taxonomy) whose members or their order changed; a new date
    /// changes the feeds of every list the page is in.
    /// Nil when a page appeared, disappeared or moved, a new term included: only a whole
    /// re-render will do. Only the sites of `languages` are compared: the others were kept.
    static func changes(from old: [Site], to new: [Site], in languages: Set<Int>) -> SiteChange? {
        guard old.count == new.count else { return nil }
        var change = SiteChange()
        for (index, (before, after)) in zip(old, new).enumerated() where languages.contains(index) {
            guard before.pages.count == after.pages.count, before.home == after.home,
                  before.pagesByContentPath == after.pagesByContentPath,
                  before.taxonomies.map(\.page) == after.taxonomies.map(\.page) else { return nil }
            func page(_ id: Site.PageID) { change.pages.insert(PageRef(site: index, page: id)) }
            func list(_ id: Site.PageID) { change.lists.insert(PageRef(site: index, page: id)) }
            // Feeds and recent pages are sorted by date apart from their lists.
            var redated: Set<Site.PageID> = []
            for id in before.pages.indices where before.pages[id] != after.pages[id] {
                let a = before.pages[id], b = after.pages[id]
                guard a.path == b.path, a.kind == b.kind, a.source?.label == b.source?.label,
                      a.translationKey == b.translationKey, a.aliases == b.aliases, a.resources == b.resources,
                      a.frontMatter.headless == b.frontMatter.headless else { return nil }
                page(id)
                if a.date != b.date { redated.insert(id) }
            }
            for owner in Set(before.members.keys).union(after.members.keys)
            where before.members[owner] != after.members[owner] || !redated.isDisjoint(with: after.members[owner] ?? []) {
                list(owner)
            }
            for owner in Set(before.childSections.keys).union(after.childSections.keys)
            where before.childSections[owner] != after.childSections[owner] {
                list(owner)
            }
            for id in before.pages.indices
            where before.parent[id] != after.parent[id] || before.previous[id] != after.previous[id] || before.next[id] != after.next[id] {
                page(id)
            }
            for (a, b) in zip(before.taxonomies, after.taxonomies) where a != b {
                list(a.page)
                guard a.terms.map(\.page) == b.terms.map(\.page) else { return nil }
                for (x, y) in zip(a.terms, b.terms) where x != y {
                    page(x.page)
                    list(x.page)
                }
            }
            if before.menus != after.menus { change.pages.insert(.menus(of: index)) }
            if before.regularPages != after.regularPages || before.taxonomies != after.taxonomies
                || before.childSections[before.home] != after.childSections[after.home] || !redated.isEmpty {
                change.pages.insert(.lists(of: index))
            }
        }
        return change
    }

    /// Whether a template edit changes rendered Markdown: render hooks and shortcodes, and what they use.
    static func changesMarkdown(_ changed: Set<String>, templates: TemplateSet) -> Bool {
        guard !changed.isEmpty else { return false }
        return templates.names.contains { name in
            (name.hasPrefix("_markup/") || name.hasPrefix("shortcodes/")) && !templates.dependencies(of: name).isDisjoint(with: changed)
        }
    }
}

/// The content files a whole build read, by path from the site folder: pages' files, and bundle
/// and loose files. Looked up for each path of each edit, so that telling what an edit is costs
/// the same on a site of 30 files and of 30,000.
struct KnownFiles: Sendable {
    let sources: [String: ContentSource]
    private let others: Set<String>

    init(_ state: BuildState) {
        let content = state.content
        sources = Dictionary(content.inventory.sources.map { ($0.label, $0) }) { first, _ in first }
        others = Set(content.inventory.looseFiles.map(\.path) + content.pagesByLanguage.joined().flatMap { $0.resources.map(\.sourcePath) })
    }

    func contains(_ path: String) -> Bool { sources[path] != nil || others.contains(path) }
}

/// How long each phase of a rebuild took: the time since the last lap goes to the phase named,
/// added up when a phase comes back (the batches of a rebuild render and write in turn); a lap
/// without a name starts the next phase's time without counting it.
final class PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []
    private var last = Date()

    func lap(_ name: String? = nil) {
        let now = Date()
        defer { last = now }
        guard let name else { return }
        let seconds = now.timeIntervalSince(last)
        if let index = phases.firstIndex(where: { $0.name == name }) { phases[index].seconds += seconds } else { phases.append((name, seconds)) }
    }
}
