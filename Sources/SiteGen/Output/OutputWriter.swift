import CFileSystem
import Foundation

/// Where bytes hit the disk. Writes the whole site into a staging folder beside the destination
/// and swaps it in only when every file is written, so a failed build leaves the previous output
/// exactly as it was and a reader never sees half a site.
///
/// SiteGen deletes only what it wrote: each build leaves a manifest of its files in the
/// destination, and the next one carries every other file over into the new site (as a hard link,
/// so the original stays in place until the swap) unless asked to clean the destination.
public struct OutputWriter: Sendable {
    public let destination: URL
    /// Remove every file of the destination that this build does not write (`--clean-destination-dir`),
    /// keeping only folders whose names start with `.` (a deploy checkout's `.git`).
    public var cleansDestination = false

    public init(destination: URL, cleansDestination: Bool = false) {
        self.destination = destination.standardizedFileURL
        self.cleansDestination = cleansDestination
    }

    private var parent: URL { destination.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(destination.lastPathComponent).staging-" }

    /// Writes `files` (later entries win over earlier ones with the same path) and returns how
    /// many were written; `progress` is told of each.
    public func write(_ files: [OutputFile], progress: BuildProgress? = nil) throws(Diagnostic) -> Int {
        let fileManager = FileManager.default
        let staging = parent.appendingPathComponent(stagingPrefix + UUID().uuidString.prefix(8))
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .error(destination.path, "cannot create the output folder: \(error.localizedDescription)")
        }
        do {
            var unique: [String: OutputFile] = [:]
            for file in files { unique[file.path] = file }
            let ordered = unique.keys.sorted().map { unique[$0]! }
            // Paths joined as strings: building a URL for each of thousands of files was 3 % of a build.
            let stagingPath = staging.path
            let counter = progress.counter(.writing, total: ordered.count)
            let failures = ordered.parallelMap { file -> String? in
                defer { counter?.countOne() }
                do {
                    try Self.write(file, toPath: stagingPath + "/" + file.path)
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }.compactMap { $0 }
            if let failure = failures.first { throw WriteFailure(message: failure) }
            let written = Set(unique.keys)
            try carryOver(into: staging, keeping: written)
            try OutputManifest(paths: written).write(to: staging.appendingPathComponent(OutputManifest.fileName))
            try swap(staging)
            return ordered.count
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error(destination.path, "cannot write the site: \((error as? WriteFailure)?.message ?? error.localizedDescription)")
        }
    }

    private struct WriteFailure: Error { let message: String }

    /// Makes the folder at `path` and the missing ones above it, any of which another writer may
    /// be making at the same time. A file's folder is made by the writer of the file, when its
    /// first try finds none: one folder per page, on every core rather than all before on one.
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw WriteFailure(message: "\(path): \(String(cString: strerror(errno)))") }
        try makeFolder(path.deletingLastPathSegment)
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        throw WriteFailure(message: "\(path): \(String(cString: strerror(errno)))")
    }

    /// Runs `create`, which makes the file at `path` and returns whether it could; when it could
    /// not for want of its folder, makes the folder and runs it again.
    private static func inFolder(of path: String, _ create: () -> Bool) throws -> Bool {
        if create() { return true }
        guard errno == ENOENT else { return false }
        try makeFolder(path.deletingLastPathSegment)
        return create()
    }

    /// Writes `files` over the destination one at a time, each atomically (written beside its
    /// place, then renamed into it), and removes `removed`: for the preview's private folder, where
    /// a rebuild changes a few files of a site that stays in place.
    public func update(_ files: [OutputFile], removing removed: [String]) throws(Diagnostic) {
        let fileManager = FileManager.default
        do {
            for file in files {
                let url = destination.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sitegen-\(UUID().uuidString.prefix(8))")
                do {
                    try Self.write(file, to: temporary)
                    if rename(temporary.path, url.path) != 0 { throw WriteFailure(message: "\(file.path): \(String(cString: strerror(errno)))") }
                } catch {
                    try? fileManager.removeItem(at: temporary)
                    throw error
                }
            }
            for path in removed {
                try? fileManager.removeItem(at: destination.appendingPathComponent(path))
            }
        } catch {
            throw .error(destination.path, "cannot write the site: \((error as? WriteFailure)?.message ?? error.localizedDescription)")
        }
    }

    /// Replaces the destination's manifest after `update` added or removed files.
    public func recordManifest(_ paths: Set<String>) throws(Diagnostic) {
        let temporary = destination.appendingPathComponent(".\(OutputManifest.fileName).sitegen-\(UUID().uuidString.prefix(8))")
        do {
            try OutputManifest(paths: paths).write(to: temporary)
            if rename(temporary.path, destination.appendingPathComponent(OutputManifest.fileName).path) != 0 {
                throw WriteFailure(message: "\(OutputManifest.fileName): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .error(destination.path, "cannot write the site: \((error as? WriteFailure)?.message ?? error.localizedDescription)")
        }
    }

    /// Copies are clones or real copies, never links: a tool that edits the output in place (a
    /// minifier, an image optimiser) must not change the site's sources.
    private static func write(_ file: OutputFile, to url: URL) throws {
        try write(file, toPath: url.path)
    }

    private static func write(_ file: OutputFile, toPath path: String) throws {
        switch file.content {
        case .text(let text):
            var text = text
            try text.withUTF8 { bytes in try writeBytes(UnsafeRawBufferPointer(bytes), toPath: path, for: file) }
        case .data(let data):
            try data.withUnsafeBytes { bytes in try writeBytes(bytes, toPath: path, for: file) }
        case .copy(let source):
            if try !inFolder(of: path, { sitegen_clone_file(source.path, path) == 0 }) {
                throw WriteFailure(message: "\(file.path): cannot copy \(source.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A new file holding `bytes` (a write may be cut short: the rest is written again).
    private static func writeBytes(_ bytes: UnsafeRawBufferPointer, toPath path: String, for file: OutputFile) throws {
        var descriptor: Int32 = -1
        guard try inFolder(of: path, {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            return descriptor >= 0
        }) else { throw WriteFailure(message: "\(file.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(message: "\(file.path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Carries every file of the destination that SiteGen did not write into the staging folder,
    /// unless this build writes the same path or the destination is to be cleaned. Files of the
    /// previous build (its manifest) are left behind, so they disappear with the old site.
    private func carryOver(into staging: URL, keeping written: Set<String>) throws {
        guard FileManager.default.fileExists(atPath: destination.path) else { return }
        let previous = OutputManifest.read(in: destination)?.paths ?? []
        let previousFolders = Set(previous.flatMap(Self.folders(of:)))
        try walk("") { relative, isFolder in
            if relative == OutputManifest.fileName || written.contains(relative) || previous.contains(relative) { return true }
            // Cleaning keeps, as Hugo's `--cleanDestinationDir` does, the folders whose names start
            // with `.` (a deploy checkout's `.git`) and everything in them.
            if cleansDestination && !Self.isInDotFolder(relative, isFolder: isFolder) { return isFolder }
            let target = staging.appendingPathComponent(relative)
            if isFolder {
                if !previousFolders.contains(relative) {
                    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                }
                return true
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Self.preserve(destination.appendingPathComponent(relative), at: target, relative: relative)
            return false
        }
    }

    private static func isInDotFolder(_ relative: String, isFolder: Bool) -> Bool {
        let components = relative.split(separator: "/")
        return (isFolder ? components : components.dropLast()).contains { $0.hasPrefix(".") }
    }

    /// Visits the destination's entries depth first without following symbolic links; `visit`
    /// returns whether to descend into a folder.
    private func walk(_ relative: String, _ visit: (String, Bool) throws -> Bool) throws {
        let folder = relative.isEmpty ? destination : destination.appendingPathComponent(relative)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard lstat(folder.appendingPathComponent(name).path, &info) == 0 else { continue }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            if try visit(path, isFolder) && isFolder { try walk(path, visit) }
        }
    }

    /// A second name for a file SiteGen did not write (a hard link, which leaves the original
    /// untouched until the swap), or a copy where the file system refuses links.
    private static func preserve(_ original: URL, at target: URL, relative: String) throws {
        if link(original.path, target.path) == 0 { return }
        if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: original.path) {
            try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
        } else if sitegen_clone_file(original.path, target.path) != 0 {
            throw WriteFailure(message: "\(relative) (not written by SiteGen, kept): \(String(cString: strerror(errno)))")
        }
    }

    /// `a/b/c.html` → `a`, `a/b`.
    private static func folders(of path: String) -> [String] {
        var folders: [String] = [], folder = path.deletingLastPathSegment
        while !folder.isEmpty {
            folders.append(folder)
            folder = folder.deletingLastPathSegment
        }
        return folders
    }

    /// Removes the staging folders of builds that were killed. One whose swap was half done (the
    /// old site renamed away, the new one not yet in place) is put back first, so the destination
    /// is never lost. Run before a build, whether or not it gets as far as writing.
    public func recoverInterruptedBuilds() throws(Diagnostic) {
        do {
            try removeAbandonedStaging()
        } catch {
            throw .error(destination.path, "cannot clean up after an interrupted build: \(error.localizedDescription)")
        }
    }

    private func removeAbandonedStaging() throws {
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names.sorted() where name.hasPrefix(stagingPrefix) {
            let url = parent.appendingPathComponent(name)
            if name.hasSuffix(".old") && !fileManager.fileExists(atPath: destination.path) {
                try fileManager.moveItem(at: url, to: destination)
            } else {
                try fileManager.removeItem(at: url)
            }
        }
    }

    /// Replaces the destination with the staging folder: an atomic exchange where the kernel offers
    /// one (Linux `renameat2` with `RENAME_EXCHANGE`), else two renames a moment apart.
    private func swap(_ staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: destination.path) else {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        if Self.exchange(staging.path, destination.path) {
            try fileManager.removeItem(at: staging)
            return
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
        try fileManager.moveItem(at: destination, to: old)
        try fileManager.moveItem(at: staging, to: destination)
        try fileManager.removeItem(at: old)
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        sitegen_rename_exchange(a, b) == 0
    }
}
