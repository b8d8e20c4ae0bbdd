import CRenameExchange
import Foundation

/// Where bytes hit the disk. Writes the whole site into a staging folder beside the destination
/// and swaps it in only when every file is written, so a failed build leaves the previous output
/// exactly as it was and a reader never sees half a site.
public struct OutputWriter: Sendable {
    public let destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Writes `files` (later entries win over earlier ones with the same path) and returns how many were written.
    public func write(_ files: [OutputFile]) throws(Diagnostic) -> Int {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(UUID().uuidString.prefix(8))")
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
            let folders = Set(ordered.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
            for folder in folders.sorted() {
                try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failures = ordered.parallelMap { file -> String? in
                do {
                    try Self.write(file, to: staging.appendingPathComponent(file.path))
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }.compactMap { $0 }
            if let failure = failures.first { throw WriteFailure(message: failure) }
            try keepDotEntries(into: staging)
            try swap(staging)
            return ordered.count
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error(destination.path, "cannot write the site: \((error as? WriteFailure)?.message ?? error.localizedDescription)")
        }
    }

    private struct WriteFailure: Error { let message: String }

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
                    // Renaming a hard link over another link to the same file does nothing, leaving the temporary.
                    if fileManager.fileExists(atPath: temporary.path) { try fileManager.removeItem(at: temporary) }
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

    private static func write(_ file: OutputFile, to url: URL) throws {
        switch file.content {
        case .text(let text): try Data(text.utf8).write(to: url)
        case .data(let data): try data.write(to: url)
        case .copy(let source):
            // A hard link costs nothing and is safe: outputs are replaced, never edited in place.
            if link(source.path, url.path) != 0 {
                try FileManager.default.copyItem(at: source, to: url)
            }
        }
    }

    /// A deploy checkout (`public/.git`) or a host's marker file survives rebuilds: top-level
    /// entries starting with `.` that the build did not produce are carried over.
    private func keepDotEntries(into staging: URL) throws {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: destination.path) else { return }
        for name in names where name.hasPrefix(".") && !fileManager.fileExists(atPath: staging.appendingPathComponent(name).path) {
            try fileManager.moveItem(at: destination.appendingPathComponent(name), to: staging.appendingPathComponent(name))
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
