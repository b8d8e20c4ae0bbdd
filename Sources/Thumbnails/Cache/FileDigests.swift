import Crypto
import Foundation

/// SHA-256 digests of source files, remembered with each file's size and modification time in an
/// index beside the cache. An unchanged file is not read again; a fresh checkout (new times, same
/// bytes) reads each file once and still finds every derived image in the cache.
public final class FileDigests: @unchecked Sendable {
    private struct Entry: Codable {
        var size: Int
        var modified: Double
        var digest: String
    }

    private let index: URL
    private let lock = NSLock()
    private var entries: [String: Entry]
    private var changed = false

    public init(index: URL) {
        self.index = index
        entries = (try? JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: index))) ?? [:]
    }

    /// The digest of the file at `url`, remembered under `name` (a path that does not depend on
    /// where the site is checked out).
    public func digest(of url: URL, name: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        if let entry = lock.withLock({ entries[name] }), entry.size == size, entry.modified == modified {
            return entry.digest
        }
        let digest = SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
        lock.withLock {
            entries[name] = Entry(size: size, modified: modified, digest: digest)
            changed = true
        }
        return digest
    }

    /// Writes the index when a digest was added or replaced.
    public func save() throws {
        let data = try lock.withLock { () throws -> Data? in
            guard changed else { return nil }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try encoder.encode(entries)
        }
        guard let data else { return }
        try FileManager.default.createDirectory(at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: index, options: .atomic)
    }
}
