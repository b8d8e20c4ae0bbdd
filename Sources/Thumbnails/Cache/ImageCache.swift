import Crypto
import Foundation

/// A cache key: SHA-256 over the parts, each length-prefixed so that ("ab", "c") ≠ ("a", "bc").
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// The parts, length-prefixed; hashed when the key is read.
    private var parts = Data()

    /// Bump when a change to this library changes the pixels it produces.
    public static let version = "thumbnails-1"

    public init(_ kind: String) {
        add(CacheKey.version)
        add(kind)
    }

    public mutating func add(_ data: Data) {
        var count = UInt64(data.count).bigEndian
        parts.append(withUnsafeBytes(of: &count) { Data($0) })
        parts.append(data)
    }

    public mutating func add(_ string: String) { add(Data(string.utf8)) }

    public var description: String {
        SHA256.hash(data: parts).map { String(format: "%02x", $0) }.joined()
    }

    public static func == (a: CacheKey, b: CacheKey) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

/// Generated images stored by the hash of their inputs and settings in a folder kept between builds
/// (`<folder>/ab/abcdef….jpg`), so an image that did not change is never processed twice.
public final class ImageCache: @unchecked Sendable {
    public let directory: URL
    private let lock = NSLock()
    private var counts = (hits: 0, misses: 0)

    public init(directory: URL) {
        self.directory = directory
    }

    /// Lookups answered from the folder, and those that had to produce the file.
    public var hits: Int { lock.lock(); defer { lock.unlock() }; return counts.hits }
    public var misses: Int { lock.lock(); defer { lock.unlock() }; return counts.misses }

    public func url(for key: CacheKey, fileExtension: String) -> URL {
        let name = key.description
        return directory.appendingPathComponent(String(name.prefix(2)), isDirectory: true)
            .appendingPathComponent(name + "." + fileExtension)
    }

    /// The cached bytes, if there are.
    public func data(for key: CacheKey, fileExtension: String) -> Data? {
        let data = FileManager.default.contents(atPath: url(for: key, fileExtension: fileExtension).path)
        lock.lock()
        if data != nil { counts.hits += 1 }
        lock.unlock()
        return data
    }

    /// Stores `data` atomically (a temporary file renamed into place), so a concurrent reader or an
    /// interrupted build never sees half a file.
    public func store(_ data: Data, for key: CacheKey, fileExtension: String) throws {
        let target = url(for: key, fileExtension: fileExtension)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }

    /// The cached bytes for `key`, or `produce()`'s, stored for next time.
    public func data(for key: CacheKey, fileExtension: String, produce: () throws -> Data) throws -> Data {
        if let data = data(for: key, fileExtension: fileExtension) { return data }
        lock.lock()
        counts.misses += 1
        lock.unlock()
        let data = try produce()
        try store(data, for: key, fileExtension: fileExtension)
        return data
    }
}
