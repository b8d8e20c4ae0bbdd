import Foundation
import Synchronization

/// Where a build is, for a live line on a terminal: the stage it has started, with how much work
/// it has (pages, files), how much of it is done, and when one ends, how long it took.
public struct BuildProgress: Sendable {
    public enum Stage: String, Sendable {
        case loading = "Reading content"
        case assembling = "Assembling the site"
        case markdown = "Rendering Markdown"
        case templates = "Rendering templates"
        /// Within `templates`, before the pages (which show the cards): only counted.
        case cards = "Drawing share cards"
        case writing = "Writing files"
    }

    public enum Event: Sendable {
        /// `count`: the stage's pages or files, when known.
        case started(Stage, count: Int?)
        /// `done` of the stage's `total` items (pages, outputs, files): each hundredth of them.
        case advanced(Stage, done: Int, total: Int)
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

/// A stage's items counted as the threads of a parallel map finish them, reported each time
/// another hundredth is done (not each item: a 20,000-page stage would write 20,000 lines).
final class StageCounter: Sendable {
    private let stage: BuildProgress.Stage
    private let total: Int
    private let step: Int
    private let report: @Sendable (BuildProgress.Event) -> Void
    private let done = Atomic<Int>(0)

    fileprivate init(stage: BuildProgress.Stage, total: Int, report: @escaping @Sendable (BuildProgress.Event) -> Void) {
        self.stage = stage
        self.total = total
        step = max(1, total / 100)
        self.report = report
    }

    func countOne() {
        let done = done.add(1, ordering: .relaxed).newValue
        if done % step == 0 || done == total { report(.advanced(stage, done: done, total: total)) }
    }
}

extension Optional where Wrapped == BuildProgress {
    /// Counts `total` items of `stage` as they are done, when there is someone to report to.
    func counter(_ stage: BuildProgress.Stage, total: Int) -> StageCounter? {
        self.map { StageCounter(stage: stage, total: total, report: $0.report) }
    }

    /// `body`, reported when there is someone to report to.
    func run<T, E: Error>(_ stage: BuildProgress.Stage, count: Int? = nil, _ body: () throws(E) -> T) throws(E) -> T {
        guard let self else { return try body() }
        return try self.run(stage, count: count, body)
    }
}
