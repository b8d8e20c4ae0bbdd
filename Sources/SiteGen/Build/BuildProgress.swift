import Foundation

/// Where a build is, for a live line on a terminal: the stage it has started, with how much work
/// it has (pages, files), and when one ends, how long it took.
public struct BuildProgress: Sendable {
    public enum Stage: String, Sendable {
        case loading = "Reading content"
        case assembling = "Assembling the site"
        case markdown = "Rendering Markdown"
        case templates = "Rendering templates"
        case writing = "Writing files"
    }

    public enum Event: Sendable {
        /// `count`: the stage's pages or files, when known.
        case started(Stage, count: Int?)
        case finished(Stage, seconds: Double)
    }

    public let report: @Sendable (Event) -> Void

    public init(_ report: @escaping @Sendable (Event) -> Void) {
        self.report = report
    }

    /// Runs `stage`, reporting its start and its end.
    func run<T, E: Error>(_ stage: Stage, count: Int? = nil, _ body: () throws(E) -> T) throws(E) -> T {
        report(.started(stage, count: count))
        let started = Date()
        defer { report(.finished(stage, seconds: Date().timeIntervalSince(started))) }
        return try body()
    }
}

extension Optional where Wrapped == BuildProgress {
    /// `body`, reported when there is someone to report to.
    func run<T, E: Error>(_ stage: BuildProgress.Stage, count: Int? = nil, _ body: () throws(E) -> T) throws(E) -> T {
        guard let self else { return try body() }
        return try self.run(stage, count: count, body)
    }
}
