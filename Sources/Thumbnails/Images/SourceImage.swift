import Foundation

/// A source image file whose variants are made on demand, through the cache. A variant already
/// cached costs a look at its header; the source is read and decoded only for a missing variant,
/// and at most once however many variants are asked for, until `releaseDecoded()`.
///
/// The cache key is the file's content digest with the variant's settings, so the cache survives a
/// move or a fresh checkout; `FileDigests` keeps warm builds from reading the sources to hash them.
public final class SourceImage: @unchecked Sendable {
    public let url: URL
    private let identity: String
    private let sourceFormat: ImageInfo.Format?
    private let cache: ImageCache
    private let lock = NSLock()
    private var decoded: Image?

    /// `digest` identifies the file's bytes (see `FileDigests`).
    public init(url: URL, digest: String, cache: ImageCache) {
        self.url = url
        self.cache = cache
        identity = digest
        let ext = url.pathExtension.lowercased()
        sourceFormat = ImageInfo.Format(rawValue: ext == "jpg" ? "jpeg" : ext)
    }

    public struct Variant: Sendable, Hashable {
        /// The file in the cache.
        public var file: URL
        public var format: ImageInfo.Format
        public var width: Int
        public var height: Int
    }

    /// The variant, from the cache or made now.
    public func variant(_ variant: ImageVariant) throws(ImageError) -> Variant {
        let format = variant.outputFormat(for: sourceFormat ?? .jpeg)
        var key = CacheKey("variant-of-file")
        key.add(identity)
        key.add(variant.specification)
        let fileExtension = format == .jpeg ? "jpg" : format.rawValue
        let file = cache.url(for: key, fileExtension: fileExtension)
        if let info = try? ImageInfo.read(contentsOf: file) {
            return Variant(file: file, format: format, width: info.width, height: info.height)
        }
        let image = try decodedSource()
        let result = try variant.operation.apply(to: image)
        let data = try result.encoded(as: format, quality: variant.quality, background: variant.background)
        // The build publishes the cached file, so a cache that cannot be written fails the variant.
        do { try cache.store(data, for: key, fileExtension: fileExtension) } catch { throw .encodingFailed(format) }
        return Variant(file: file, format: format, width: result.width, height: result.height)
    }

    /// Frees the decoded pixels; a later variant decodes the file again.
    public func releaseDecoded() {
        lock.withLock { decoded = nil }
    }

    public var isDecoded: Bool { lock.withLock { decoded != nil } }

    private func decodedSource() throws(ImageError) -> Image {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let image = try Image.decode(contentsOf: url)
        decoded = image
        return image
    }
}
