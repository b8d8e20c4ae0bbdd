import Foundation
import Testing
@testable import Thumbnails

@Suite struct CacheTests {
    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thumbnails-cache-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func keysAreSHA256OfTheirLengthPrefixedParts() {
        // Stable across runs and machines: the digest Python computes for the same bytes
        // (`sha256(b"".join(struct.pack(">Q", len(p)) + p for p in parts))`).
        var known = CacheKey("card")
        known.add("title")
        #expect(known.description == "253c386e46113800a9b0d2b2dd682ef3fc65e95213481076b0870823b40099aa")
        #expect(CacheKey("x").description.count == 64)
        #expect(CacheKey("x").description == CacheKey("x").description)
        #expect(CacheKey("x").description != CacheKey("y").description)
    }

    @Test func keysSeparateTheirParts() {
        var a = CacheKey("x"); a.add("ab"); a.add("c")
        var b = CacheKey("x"); b.add("a"); b.add("bc")
        #expect(a != b)
        var c = CacheKey("x"); c.add("ab"); c.add("c")
        #expect(a == c)
    }

    @Test func variantsAreProcessedOnceThenReadFromTheCache() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ImageCache(directory: folder)
        let processor = ImageProcessor(cache: cache)
        let photo = try TestPicture.quadrants(width: 1600, height: 1067).encoded(as: .jpeg)
        let variants = [
            ImageVariant(method: "fill", options: "1200x630 TopLeft q80")!,
            ImageVariant(method: "resize", options: "400x webp")!,
        ]
        let first = try processor.variants(of: photo, path: "photo.jpg", variants)
        #expect(cache.misses == 2 && cache.hits == 0)
        #expect(first.map { "\($0.width)x\($0.height) \($0.format)" } == ["1200x630 jpeg", "400x267 webp"])
        // A new cache over the same folder, as the next build: nothing is decoded or encoded.
        let warm = ImageCache(directory: folder)
        let second = try ImageProcessor(cache: warm).variants(of: photo, path: "photo.jpg", variants)
        #expect(warm.hits == 2 && warm.misses == 0)
        #expect(second == first)
        // The source's header is always checked, so a broken file is reported even with a warm cache.
        #expect(throws: ImageError.self) { try ImageProcessor(cache: warm).variants(of: Data("x".utf8), path: "bad.jpg", variants) }
        // Changed settings or changed bytes miss.
        _ = try ImageProcessor(cache: warm).variants(of: photo, path: "photo.jpg", [ImageVariant(.fill(width: 1200, height: 630, anchor: .center))])
        #expect(warm.misses == 1)
    }

    @Test func cardsAreRenderedOnceThenReadFromTheCache() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ImageCache(directory: folder)
        let renderer = CardRenderer()
        let content = CardContent(title: "Cached card", subtitle: "Blog")
        let first = try renderer.render(content, cache: cache)
        let second = try renderer.render(content, cache: cache)
        #expect(first == second)
        #expect(cache.misses == 1 && cache.hits == 1)
        var other = CardStyle()
        other.titleColor = RGBColor(hex: "#ffcc00")!
        _ = try CardRenderer(style: other).render(content, cache: cache)
        #expect(cache.misses == 2)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jpg") }
        #expect(files.count == 2)
    }

    @Test func hugoOptionsParse() {
        #expect(ImageVariant(method: "Fill", options: "1200x630 TopLeft q75 webp")
                == ImageVariant(.fill(width: 1200, height: 630, anchor: .topLeft), format: .webp, quality: 75))
        #expect(ImageVariant(method: "resize", options: "x300")?.operation == .resize(width: nil, height: 300))
        #expect(ImageVariant(method: "fit", options: "300x") == nil)
        #expect(ImageVariant(method: "fill", options: "1200x630 Sideways") == nil)
        #expect(ImageVariant(method: "resize", options: "600x Lanczos photo #ff0000 jpg")
                == ImageVariant(.resize(width: 600, height: nil), format: .jpeg, background: RGBColor(red: 255, green: 0, blue: 0)))
    }
}
