import Foundation
import SiteGen
import Synchronization

/// What the command line writes to the terminal: colours only on a terminal and without
/// `NO_COLOR` (no-color.org), and a live line of the build's stage that only a terminal gets.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    static let usesColour = isInteractive && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    /// `file:line:column: error: …`, its severity red or yellow where colours are used.
    static func line(for diagnostic: Diagnostic) -> String {
        let text = diagnostic.description
        guard usesColour else { return text }
        let (word, colour) = diagnostic.severity == .error ? ("error", "31") : ("warning", "33")
        return text.replacingOccurrences(of: ": \(word): ", with: ": \u{1B}[1;\(colour)m\(word)\u{1B}[0m: ", options: [], range: text.range(of: ": \(word): "))
    }

    /// How a build shows where it is: a line rewritten in place on a terminal, or with
    /// `verbose` a line per finished stage with its time; nothing when neither.
    static func progress(verbose: Bool) -> BuildProgress? {
        if verbose {
            return BuildProgress { event in
                if case .finished(let stage, let seconds) = event { printError(String(format: "%@: %.3f s", stage.rawValue, seconds)) }
            }
        }
        guard isInteractive else { return nil }
        // Counts come from several threads: one that reports late does not move the line back.
        let shown = Mutex<(stage: BuildProgress.Stage?, done: Int)>((nil, 0))
        return BuildProgress { event in
            switch event {
            case .started(let stage, let count):
                shown.withLock { $0 = (stage, 0) }
                FileHandle.standardError.write(Data("\r\u{1B}[K\(stage.rawValue)\(count.map { " (\($0))" } ?? "")…".utf8))
            case .advanced(let stage, let done, let total):
                shown.withLock { shown in
                    guard shown.stage != stage || done > shown.done else { return }
                    shown = (stage, done)
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(stage.rawValue): \(done) of \(total)…".utf8))
                }
            case .finished(.writing, _):
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            case .finished:
                break
            }
        }
    }
}
