import Foundation
import SiteGen
import Synchronization

/// Notices edits to a site's sources: through inotify on Linux, else by comparing each file's size
/// and modification time every `interval`. Editors that save by writing a new file and renaming it
/// over the old one are seen like any other change. Bursts (a save touching several files) are
/// reported once, when the writes have been quiet for `settle` (inotify) or `interval` (polling).
public struct SiteWatcher: Sendable {
    public let source: URL
    public var interval: Duration = .milliseconds(100)
    public var settle: Duration = .milliseconds(10)
    /// Polls even where inotify is available (tests of the fallback).
    var polls = false

    /// What a build reads: `content`, `templates`, `static`, `i18n`, Hugo's `layouts`, `data`,
    /// `assets` and `themes`, and the languages' own `contentDir` folders.
    public var folders = ["content", "templates", "static", "i18n", "layouts", "data", "assets", "themes"]
    static let configurationFiles = ["config.yaml", "config.yml", "config.toml", "config.json",
                                     "hugo.yaml", "hugo.yml", "hugo.toml", "hugo.json"]

    public init(source: URL) {
        self.source = source
        if let config = try? SiteConfig.load(from: source) {
            for language in config.languages {
                guard let folder = language.contentDir?.split(separator: "/").first.map(String.init),
                      !folders.contains(folder) else { continue }
                folders.append(folder)
            }
        }
    }

    /// Calls `changed` with the paths (from the site folder) that changed since `start` (a
    /// `snapshot()` taken before the server said it was ready, so no edit falls between), until
    /// cancelled, and with whether another batch of changes is already waiting.
    func watch(from start: [String: Stamp], _ changed: @Sendable ([String], _ waiting: @escaping @Sendable () -> Bool) async -> Void) async {
        #if os(Linux)
        if !polls, let events = FileEvents(source: source, folders: folders) {
            let waiting = WaitingBatches()
            let batches = events.batches(settle: settle) { waiting.count.withLock { $0 += 1 } }
            // Edits made before the watches were in place. One made while they were being put in
            // place is also among the first events: it is not built twice.
            let now = snapshot()
            let missed = Self.difference(start, now)
            if !missed.isEmpty { await changed(missed, waiting.any) }
            var seen = missed.isEmpty ? [:] : now.filter { missed.contains($0.key) }
            for await batch in batches {
                if Task.isCancelled { break }
                waiting.count.withLock { $0 -= 1 }
                let paths = seen.isEmpty ? batch : batch.filter { seen[$0] == nil || seen[$0] != Self.stamp(at: source.appendingPathComponent($0)) }
                seen = [:]
                if !paths.isEmpty { await changed(paths, waiting.any) }
            }
            return
        }
        #endif
        var last = start
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            // Let a burst of writes settle before building.
            try? await Task.sleep(for: interval)
            current = snapshot()
            let paths = Self.difference(last, current)
            last = current
            await changed(paths, { false })
        }
    }

    /// Editors' swap, backup and probe files (vim's `.x.swp`, `x~` and `4913`, Emacs's `.#x`), never site sources.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
    }

    static func difference(_ before: [String: Stamp], _ after: [String: Stamp]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Batches reported and not yet handled.
    final class WaitingBatches: Sendable {
        let count = Mutex(0)
        @Sendable func any() -> Bool { count.withLock { $0 > 0 } }
    }

    struct Stamp: Hashable {
        var size: Int
        var modified: Date
    }

    /// The size and modification time of the regular file at `url`; nil when there is none.
    static func stamp(at url: URL) -> Stamp? {
        guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
              values.isRegularFile == true else { return nil }
        return Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let base = source.standardizedFileURL.path
        func stamp(_ url: URL) {
            guard !Self.isEditorScratch(url.lastPathComponent), let stamp = Self.stamp(at: url) else { return }
            stamps[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = stamp
        }
        for name in Self.configurationFiles { stamp(source.appendingPathComponent(name)) }
        for folder in folders {
            let url = source.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]) else { continue }
            for case let file as URL in enumerator { stamp(file) }
        }
        return stamps
    }
}
