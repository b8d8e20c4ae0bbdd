import Foundation
import Testing
@testable import SiteGenServer

/// The watcher reports the files an editor changes, however it saves them, through inotify and
/// through the polling fallback alike.
@Suite struct SiteWatcherTests {
    /// A watcher running on a temporary site, collecting the batches it reports.
    final class Watching: @unchecked Sendable {
        let source: URL
        private let task: Task<Void, Never>
        private let batches: AsyncStream<[String]>.Iterator.Box

        init(polling: Bool) throws {
            source = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-watch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: source.appendingPathComponent("content/blog"), withIntermediateDirectories: true)
            try Data("---\ntitle: A\n---\nA.\n".utf8).write(to: source.appendingPathComponent("content/blog/a.md"))
            var watcher = SiteWatcher(source: source)
            watcher.polls = polling
            watcher.interval = .milliseconds(50)
            let (stream, continuation) = AsyncStream<[String]>.makeStream()
            batches = .init(stream.makeAsyncIterator())
            let start = watcher.snapshot()
            task = Task { await watcher.watch(from: start) { paths, _ in continuation.yield(paths) } }
            // Let the watches be placed.
            Thread.sleep(forTimeInterval: 0.2)
        }

        func write(_ path: String, _ text: String) throws {
            let url = source.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// The paths of the batches reported until one names `path` (a loaded machine may split a
        /// save over two batches, or report a file again), or nil after five seconds.
        func changes(until path: String) async -> Set<String>? {
            var seen: Set<String> = []
            while !seen.contains(path) {
                guard let batch = await batches.next(within: .seconds(5)) else { return nil }
                seen.formUnion(batch)
            }
            return seen
        }

        func stop() {
            task.cancel()
            try? FileManager.default.removeItem(at: source)
        }
    }

    @Test(arguments: [false, true]) func reportsWritesRenamesNewFoldersAndDeletions(polling: Bool) async throws {
        let watching = try Watching(polling: polling)
        defer { watching.stop() }

        try watching.write("content/blog/a.md", "---\ntitle: A\n---\nEdited.\n")
        #expect(await watching.changes(until: "content/blog/a.md") == ["content/blog/a.md"])

        // Saved as editors do: a new file renamed over the old one, an editor's swap file beside.
        try watching.write("content/blog/.a.md.swp", "swap")
        try watching.write("content/blog/a.md.tmp", "---\ntitle: A\n---\nRenamed over.\n")
        rename(watching.source.appendingPathComponent("content/blog/a.md.tmp").path, watching.source.appendingPathComponent("content/blog/a.md").path)
        let renamed = await watching.changes(until: "content/blog/a.md")
        #expect(renamed?.contains("content/blog/.a.md.swp") == false)

        try watching.write("content/news/first/index.md", "---\ntitle: New\n---\n")
        #expect(await watching.changes(until: "content/news/first/index.md") != nil)

        try FileManager.default.removeItem(at: watching.source.appendingPathComponent("content/blog/a.md"))
        #expect(await watching.changes(until: "content/blog/a.md") != nil)

        try watching.write("config.yaml", "title: T\n")
        #expect(await watching.changes(until: "config.yaml") != nil)

        // What a site on Hugo templates builds from, in folders made after the watch began.
        for path in ["layouts/_default/single.html", "data/team.yaml", "assets/main.scss", "themes/t/layouts/index.html"] {
            try watching.write(path, "x")
            #expect(await watching.changes(until: path) != nil, "\(path)")
        }
    }

    @Test func watchesTheLanguagesOwnContentFolders() throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: source) }
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content_fr/pages"), withIntermediateDirectories: true)
        try Data("languages:\n  en: {weight: 1}\n  fr: {weight: 2, contentDir: content_fr/pages}\n".utf8)
            .write(to: source.appendingPathComponent("config.yaml"))
        try Data("---\ntitle: Bonjour\n---\n".utf8).write(to: source.appendingPathComponent("content_fr/pages/a.md"))
        let watcher = SiteWatcher(source: source)
        #expect(watcher.folders.contains("content_fr"))
        #expect(watcher.snapshot().keys.contains("content_fr/pages/a.md"))
    }
}

extension AsyncStream.Iterator {
    /// Shares one iterator between tasks, so that a wait for the next element can time out.
    final class Box: @unchecked Sendable {
        private var iterator: AsyncStream.Iterator
        init(_ iterator: AsyncStream.Iterator) { self.iterator = iterator }
        func next() async -> Element? { await iterator.next() }

        /// The next element, or nil when none comes within `timeout`.
        func next(within timeout: Duration) async -> Element? where Element: Sendable {
            await withTaskGroup(of: Element?.self) { group in
                group.addTask { await self.next() }
                group.addTask { try? await Task.sleep(for: timeout); return nil }
                let first = await group.next()!
                group.cancelAll()
                return first
            }
        }
    }
}
