#if os(Linux)
import Foundation
import Glibc
import Synchronization

/// Linux's inotify over a site's watched folders: the paths of files written, created, renamed
/// or removed, as they happen, without walking the tree. inotify does not recurse, so every folder
/// gets its own watch, and folders that appear later get theirs when they do.
final class FileEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let source: URL
    private let folders: [String]
    /// Touched only by the reading thread once `start` is called.
    private var watched: [Int32: String] = [:]
    private let stopped = Mutex(false)

    private static let fileMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_ATTRIB)

    /// Watches `source` itself (for configuration files) and `folders` in it, recursively; nil
    /// when inotify is unavailable (the caller polls instead).
    init?(source: URL, folders: [String]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        self.source = source.standardizedFileURL
        self.folders = folders
        guard add("") else {
            close(descriptor)
            return nil
        }
        for folder in folders { addTree(folder) }
    }

    deinit { close(descriptor) }

    /// Batches of changed paths (from the site folder), each batch once the writes have been quiet
    /// for `settle`, read on a thread of their own until the stream is dropped. `reported` is
    /// called as each batch is handed over, before anyone reads it.
    func batches(settle: Duration, reported: @escaping @Sendable () -> Void) -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream<[String]>.makeStream()
        continuation.onTermination = { [self] _ in stopped.withLock { $0 = true } }
        let settleMilliseconds = Int32(settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000)
        let thread = Thread { [self] in
            while !stopped.withLock({ $0 }) {
                var batch = Set(wait(milliseconds: 100))
                guard !batch.isEmpty else { continue }
                while true {
                    let more = wait(milliseconds: max(1, settleMilliseconds))
                    if more.isEmpty { break }
                    batch.formUnion(more)
                }
                reported()
                continuation.yield(batch.sorted())
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }

    /// The changed paths of the events that arrive within `milliseconds`.
    private func wait(milliseconds: Int32) -> [String] {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return [] }
        var paths: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                let name = event.len > 0 ? String(cString: nameStart) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                guard let folder = watched[event.wd], !name.isEmpty else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0 {
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, isWatched(path) {
                        paths += addTree(path)  // files written before the watch was in place count too
                    }
                    continue
                }
                if isWatched(path) && !SiteWatcher.isEditorScratch(name) { paths.append(path) }
            }
        }
        return paths
    }

    /// A configuration file at the root, or anything inside a watched folder.
    private func isWatched(_ path: String) -> Bool {
        if !path.contains("/") { return folders.contains(path) || SiteWatcher.configurationFiles.contains(path) }
        return folders.contains { path.hasPrefix($0 + "/") }
    }

    @discardableResult
    private func add(_ folder: String) -> Bool {
        let url = folder.isEmpty ? source : source.appendingPathComponent(folder)
        let mask = folder.isEmpty ? Self.fileMask : Self.fileMask | UInt32(IN_DELETE_SELF)
        let watch = inotify_add_watch(descriptor, url.path, mask)
        guard watch >= 0 else { return false }
        watched[watch] = folder
        return true
    }

    /// Watches `folder` and the folders under it; returns the files already in them.
    @discardableResult
    private func addTree(_ folder: String) -> [String] {
        guard add(folder) else { return [] }
        var files: [String] = []
        let url = source.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { files += addTree(folder + "/" + name) } else { files.append(folder + "/" + name) }
        }
        return files
    }
}
#endif
