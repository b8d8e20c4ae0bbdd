import Foundation

/// Warnings gathered from many threads, each kept once.
final class WarningLog: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var seen: Set<Diagnostic> = []
    nonisolated(unsafe) private var ordered: [Diagnostic] = []

    func add(_ warning: Diagnostic) {
        lock.withLock {
            if seen.insert(warning).inserted { ordered.append(warning) }
        }
    }

    var all: [Diagnostic] { lock.withLock { ordered } }
}
