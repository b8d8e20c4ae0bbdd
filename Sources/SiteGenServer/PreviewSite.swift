import Foundation
import SiteGen

/// The site being previewed: built into a private folder (never the user's `public/`), rebuilt
/// incrementally on change from the site model kept in memory, and the last good build kept when
/// an edit breaks, with the errors for the overlay.
public actor PreviewSite {
    public let options: BuildOptions
    /// Errors of the last build; empty when it succeeded.
    public private(set) var errors: [Diagnostic] = []
    /// Counts builds, so pages' ETags change with each rebuild.
    public private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private var build: IncrementalBuild

    /// `options.destination` is replaced by a private folder.
    public init(options: BuildOptions) {
        var options = options
        options.destination = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-preview-\(UUID().uuidString)/site")
        self.options = options
        build = IncrementalBuild(options: options)
    }

    public var root: URL { options.destination }

    /// Builds what `changed` (paths from the site folder) affects, the whole site the first time; on failure the previous output stays and the errors are kept. Tells every
    /// open page to reload, or only to refresh its stylesheets when only CSS files changed.
    @discardableResult
    public func rebuild(changed: [String] = []) -> Result<BuildReport, DiagnosticList> {
        let result = Result(catching: { () throws(DiagnosticList) in try build.build(changed: changed) })
        switch result {
        case .success: errors = []
        case .failure(let list): errors = list.diagnostics.filter { $0.severity == .error }
        }
        generation += 1
        let cssOnly = !changed.isEmpty && errors.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") }
        for listener in listeners.values { listener.yield(cssOnly ? "css" : "reload") }
        return result
    }

    /// Rebuild events (`reload` or `css`) for one open page.
    public func events() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }

    /// Removes the private folder.
    public func close() {
        for listener in listeners.values { listener.finish() }
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
