import Foundation
import Thumbnails

/// Resized, fitted, filled and cropped versions of bundle images that templates ask for
/// (`{{page.image.fill.1200x630.url}}`), made on first use from any rendering thread, cached
/// between builds, and published next to their source.
final class ImageVariants: @unchecked Sendable {
    private let cache: ImageCache
    private let digests: FileDigests
    private let lock = NSLock()
    private var sources: [String: SourceImage] = [:]
    /// Sources holding decoded pixels, oldest first: a page asks for its image's variants one
    /// after another, so a few decoded images serve them all without keeping every photo in memory.
    private var decoded: [SourceImage] = []
    private var published: [String: URL] = [:]
    private var problems: [Diagnostic] = []
    private let decodedLimit = 2 * ProcessInfo.processInfo.activeProcessorCount

    init(cache: ImageCache) {
        self.cache = cache
        digests = FileDigests(index: cache.directory.appendingPathComponent("sources.json"))
    }

    /// Keeps the sources' digests for the next build.
    func save() {
        try? digests.save()
    }

    struct Made: Sendable {
        var path: String
        var width: Int
        var height: Int
    }

    /// The variant of `resource` described by Hugo's `method` and `options` (`fill`, `1200x630 TopLeft webp q80`), or nil
    /// (with a warning) when the image cannot be read.
    func variant(of resource: PageResource, _ variant: ImageVariant, specification: String) -> Made? {
        do {
            var source = lock.withLock { sources[resource.sourcePath] }
            if source == nil {
                // Hashed outside the lock: other threads go on with their own images meanwhile.
                let digest = try digests.digest(of: resource.sourceURL, name: resource.sourcePath)
                source = lock.withLock {
                    if let existing = sources[resource.sourcePath] { return existing }
                    let created = SourceImage(url: resource.sourceURL, digest: digest, cache: cache)
                    sources[resource.sourcePath] = created
                    return created
                }
            }
            guard let source else { return nil }
            let made = try source.variant(variant)
            let base = (resource.path as NSString).deletingPathExtension
            let path = "\(base)_\(specification).\(made.format == .jpeg ? "jpg" : made.format.rawValue)"
            lock.withLock {
                published[path] = made.file
                if source.isDecoded && !decoded.contains(where: { $0 === source }) {
                    decoded.append(source)
                    if decoded.count > decodedLimit { decoded.removeFirst().releaseDecoded() }
                }
            }
            return Made(path: path, width: made.width, height: made.height)
        } catch {
            lock.withLock { problems.append(.warning(resource.sourcePath, "cannot make the \(specification) variant: \(error)")) }
            return nil
        }
    }

    /// Every variant made, to publish.
    var files: [OutputFile] {
        lock.withLock { published.sorted { $0.key < $1.key }.map { OutputFile(path: OutputPath.file(forURLPath: $0.key), content: .copy($0.value)) } }
    }

    var warnings: [Diagnostic] { lock.withLock { problems } }
}

/// `resize`, `fit`, `fill` or `crop` of an image resource: a key per specification, written with
/// `-` between Hugo's options since Mustache splits names at `.`: `fill.1200x630-topleft-webp-q80`.
struct ImageVariantsView: TemplateView {
    let method: String
    let resource: PageResource
    let images: ImageVariants
    let urls: SiteURLs

    func lookup(_ key: String) -> Lookup {
        guard let variant = ImageVariant(method: method, options: key.replacingOccurrences(of: "-", with: " ")) else { return .unknown }
        let specification = "\(key.lowercased())_\(method)"
        guard let made = images.variant(of: resource, variant, specification: specification) else { return .found(nil) }
        return .found(ResourceView(url: made.path, urls: urls, width: made.width, height: made.height))
    }
}
