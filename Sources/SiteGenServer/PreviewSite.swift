import Foundation
import SiteGen
import Synchronization

/// What open pages are told after a rebuild.
public struct PreviewEvent: Sendable, Equatable {
    /// `reload`, or `css` when only stylesheets changed.
    public var name: String
    /// For `reload`, the pages to reload as a JSON array of paths (`["/blog/post/"]`), or `"*"` for every page.
    public var data: String

    static let reloadAll = PreviewEvent(name: "reload", data: "\"*\"")
    static let css = PreviewEvent(name: "css", data: "css")

    /// What open pages are told when `landed` is written: the pages written reload, stylesheets
    /// are swapped, and any other file a page may use (a script, an image) reloads every page.
    /// Feeds, sitemaps and other files no page shows are not news to open pages.
    static func events(for landed: IncrementalBuild.Landed) -> [PreviewEvent] {
        guard case .files(let paths) = landed else { return [.reloadAll] }
        let unseen: Set<String> = ["xml", "txt", "json", ""]
        let kinds = Set(paths.map { ($0 as NSString).pathExtension.lowercased() })
        if !kinds.subtracting(unseen).subtracting(["html", "css"]).isEmpty { return [.reloadAll] }
        return [reload(paths), kinds.contains("css") ? .css : nil].compactMap { $0 }
    }

    /// A reload of the pages written at `outputs` (paths from the output folder).
    static func reload(_ outputs: [String]) -> PreviewEvent? {
        let pages = outputs.filter { $0.hasSuffix(".html") }.map { path in
            path == "index.html" ? "/" : path.hasSuffix("/index.html") ? "/" + path.dropLast("index.html".count) : "/" + path
        }.sorted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard !pages.isEmpty, let json = try? encoder.encode(pages) else { return nil }
        return PreviewEvent(name: "reload", data: String(decoding: json, as: UTF8.self))
    }
}

/// The site being previewed: built into a private folder (never the user's `public/`), rebuilt
/// incrementally on change from the site model kept in memory, and the last good build kept when
/// an edit breaks, with the errors for the overlay. Builds run on a thread of their own and what
/// pages are served with is read without waiting for them, so an edited page is served as soon as
/// its file lands, while the lists and feeds that show it are still being rendered.
public actor PreviewSite {
    public let options: BuildOptions
    /// Errors of the last build.
    private let lastErrors = Mutex<[Diagnostic]>([])
    /// Output paths of the pages served last, rendered first after an edit.
    private let viewing = Mutex<[String]>([])
    private let listeners = Mutex<[UUID: AsyncStream<PreviewEvent>.Continuation]>([:])
    private let build: Mutex<IncrementalBuild>
    private let log: @Sendable (String) -> Void
    /// Each rebuild's phases are logged too.
    private let verbose: Bool

    /// `options.destination` is replaced by a private folder. `log` hears of each rebuild.
    public init(options: BuildOptions, verbose: Bool = false, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.verbose = verbose
        var options = options
        options.destination = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-preview-\(UUID().uuidString)/site")
        self.options = options
        self.log = log
        build = Mutex(IncrementalBuild(options: options))
    }

    public nonisolated var root: URL { options.destination }
    /// Errors of the last build; empty when it succeeded.
    public nonisolated var errors: [Diagnostic] { lastErrors.withLock { $0 } }

    /// Builds what `changed` (paths from the site folder) affects, the whole site the first time;
    /// on failure the previous output stays and the errors are kept. Tells open pages what changed
    /// as the files land (see `PreviewEvent.events(for:)`). When
    /// `interrupted` says another edit is waiting, what is left of this one is rendered with it.
    @discardableResult
    public func rebuild(changed: [String] = [], interrupted: @escaping @Sendable () -> Bool = { false }) async -> Result<BuildReport, DiagnosticList> {
        let hadErrors = !errors.isEmpty
        let viewing = Set(self.viewing.withLock { $0 })
        let landed = { @Sendable [self] (landed: IncrementalBuild.Landed) in
            if !hadErrors { for event in PreviewEvent.events(for: landed) { send(event) } }
        }
        // Not on the shared pool: a build's parallel work would take every thread it has (two on
        // two cores) and requests would wait for the whole rebuild instead of the edited page.
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<BuildReport, DiagnosticList>, Never>) in
            Thread { [self] in
                continuation.resume(returning: build.withLock { build in
                    Result(catching: { () throws(DiagnosticList) in
                        var report = try build.build(changed: changed, viewing: viewing, interrupted: interrupted, landed: landed)
                        // Left over for an edit that turned out not to need a build (an editor's scratch file).
                        while !build.isComplete && !interrupted() {
                            report = try build.build(interrupted: interrupted, landed: landed)
                        }
                        return report
                    })
                })
            }.start()
        }
        switch result {
        case .success(let report):
            lastErrors.withLock { $0 = [] }
            // The overlay is on every open page: all of them reload when the fix lands.
            if hadErrors { send(.reloadAll) }
            if !changed.isEmpty {
                let phases = verbose && !report.phases.isEmpty ? " (\(report.phaseSummary))" : ""
                log(String(format: "Rebuilt in %.0f ms: %d file%@ written", report.seconds * 1000, report.filesWritten, report.filesWritten == 1 ? "" : "s") + phases)
            }
        case .failure(let list):
            lastErrors.withLock { $0 = list.diagnostics.filter { $0.severity == .error } }
            send(.reloadAll)
            for diagnostic in list.diagnostics { log(diagnostic.description) }
        }
        return result
    }

    /// Notes that a browser was sent the page at `outputPath` (from the output folder).
    public nonisolated func viewed(_ outputPath: String) {
        viewing.withLock { pages in
            pages.removeAll { $0 == outputPath }
            pages.append(outputPath)
            if pages.count > 8 { pages.removeFirst() }
        }
    }

    private nonisolated func send(_ event: PreviewEvent) {
        listeners.withLock { listeners in
            for listener in listeners.values { listener.yield(event) }
        }
    }

    /// Rebuild events for one open page.
    public nonisolated func events() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream()
        let id = UUID()
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.listeners.withLock { _ = $0.removeValue(forKey: id) } }
        return stream
    }

    /// Ends open pages' event streams and removes the private folder. Synchronous, for the
    /// command line's last resort when a build will not finish in time (see `StopSignals`).
    public nonisolated func close() {
        listeners.withLock { listeners in
            for listener in listeners.values { listener.finish() }
        }
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
