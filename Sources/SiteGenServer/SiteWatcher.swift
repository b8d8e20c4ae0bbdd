import Foundation

/// Notices edits to a site's sources by comparing each file's size and modification time every
/// `interval`. Editors that save by writing a new file and renaming it over the old one are seen
/// like any other change. Bursts (a save touching several files) are reported once.
public struct SiteWatcher: Sendable {
    public let source: URL
    public var interval: Duration = .milliseconds(100)

    static let folders = ["content", "templates", "static", "i18n"]
    static let configurationFiles = ["config.yaml", "config.yml", "config.toml", "config.json",
                                     "hugo.yaml", "hugo.yml", "hugo.toml", "hugo.json"]

    public init(source: URL) {
        self.source = source
    }

    /// Calls `changed` with the paths (from the site folder) that changed since `start` (a
    /// `snapshot()` taken before the server said it was ready, so no edit falls between), until cancelled.
    func watch(from start: [String: Stamp], _ changed: @Sendable ([String]) async -> Void) async {
        var last = start
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            // Let a burst of writes settle before building.
            try? await Task.sleep(for: interval)
            current = snapshot()
            let paths = Set(last.keys).union(current.keys).filter { last[$0] != current[$0] }.sorted()
            last = current
            await changed(paths)
        }
    }

    struct Stamp: Hashable {
        var size: Int
        var modified: Date
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let base = source.standardizedFileURL.path
        func stamp(_ url: URL) {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                  values.isRegularFile == true else { return }
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            stamps[path] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
        }
        for name in Self.configurationFiles { stamp(source.appendingPathComponent(name)) }
        for folder in Self.folders {
            let url = source.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]) else { continue }
            for case let file as URL in enumerator { stamp(file) }
        }
        return stamps
    }
}
