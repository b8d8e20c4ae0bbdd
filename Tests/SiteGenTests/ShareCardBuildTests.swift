import Foundation
import Testing
@testable import SiteGen
@testable import Thumbnails

/// Open Graph cards in a real build: one per page, the meta tags that point at them, and the cache.
@Suite struct ShareCardBuildTests {
    static let files = [
        "config.yaml": """
            baseURL: https://example.org/
            title: Example
            languageCode: en-us
            params:
              images: [/images/site.png]
            cards:
              background: ["#0f172a", "#1e40af"]
              sections:
                docs: {enable: false}
            thumbnails:
              docs: {title: The Docs, background: ["#064e3b"]}
            """,
        "content/blog/plain.md": "---\ntitle: A post without an image\ndate: 2026-01-02\nauthor: Ada\n---\nText.",
        "content/blog/off.md": "---\ntitle: No card\ncard: false\n---\n",
        "content/blog/photo/index.md": "---\ntitle: With a photo\nimage: cover.jpg\n---\n",
        "content/docs/guide.md": "---\ntitle: Guide\n---\n",
        "content/blog/arabic.md": "---\ntitle: مرحبا بالعالم\n---\n",
    ]

    let site: TestSite

    init() throws {
        site = try TestSite(Self.files)
        try site.copy("content/newsletter/weekly-02/cover.jpg", to: "content/blog/photo/cover.jpg")
        try site.build(cards: true)
    }

    func info(_ path: String) throws -> ImageInfo {
        try ImageInfo.read(contentsOf: site.output.appendingPathComponent(path))
    }

    @Test func everyPageGetsAJPEGCardUnder300KB() throws {
        for path in ["blog/plain/og-card.jpg", "blog/photo/og-card.jpg", "blog/arabic/og-card.jpg", "og-card.jpg", "blog/og-card.jpg"] {
            #expect(try info(path) == ImageInfo(format: .jpeg, width: 1200, height: 630), "\(path)")
            let size = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.size] as? Int
            #expect((size ?? .max) < 300_000)
        }
    }

    @Test func aSectionThumbnailServesPagesWithoutACard() throws {
        #expect(try info("docs/og-section.jpg") == ImageInfo(format: .jpeg, width: 1200, height: 630))
        #expect(try site.read("docs/guide/index.html").contains(#"<meta property="og:image" content="https://example.org/docs/og-section.jpg">"#))
        let thumbnail = try Image.decode(contentsOf: site.output.appendingPathComponent("docs/og-section.jpg"))
        let corner = thumbnail.pixel(x: 5, y: 5)
        #expect(abs(Int(corner.red) - 0x06) < 12 && abs(Int(corner.green) - 0x4e) < 12 && abs(Int(corner.blue) - 0x3b) < 12)
    }

    @Test func cardsCanBeTurnedOffPerPageAndPerSection() {
        #expect(!site.exists("blog/off/og-card.jpg"))
        #expect(!site.exists("docs/guide/og-card.jpg"))
    }

    @Test func metaTagsFollowTheImageChain() throws {
        // No image of its own: the card.
        let plain = try site.read("blog/plain/index.html")
        #expect(plain.contains(#"<meta property="og:image" content="https://example.org/blog/plain/og-card.jpg">"#))
        #expect(plain.contains(#"<meta property="og:image:width" content="1200">"#))
        #expect(plain.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        #expect(plain.contains(#"<meta property="og:locale" content="en_US">"#))
        #expect(plain.contains(#"<meta property="article:published_time" content="2026-01-02T00:00:00Z">"#))
        // Its own image first.
        #expect(try site.read("blog/photo/index.html").contains(#"<meta property="og:image" content="https://example.org/blog/photo/cover.jpg">"#))
        // No image and no card: the site's default.
        #expect(try site.read("blog/off/index.html").contains(#"<meta property="og:image" content="https://example.org/images/site.png">"#))
    }

    @Test func theTitleIsDrawnAndAPhotoBackgroundIsDarkened() throws {
        let card = try Image.decode(contentsOf: site.output.appendingPathComponent("blog/plain/og-card.jpg"))
        // White title pixels on the dark gradient, in the left part of the middle band.
        var bright = 0
        for y in stride(from: 200, to: 430, by: 3) {
            for x in stride(from: 72, to: 800, by: 3) where card.pixel(x: x, y: y).red > 200 { bright += 1 }
        }
        #expect(bright > 200)
        let photo = try Image.decode(contentsOf: site.output.appendingPathComponent("blog/photo/og-card.jpg"))
        let corner = photo.pixel(x: 1190, y: 10)
        #expect(Int(corner.red) + Int(corner.green) + Int(corner.blue) < 3 * 160)
    }

    @Test func oneCardByContentPath() throws {
        let card = try ShareCard.draw("blog/photo", options: site.options())
        #expect(card.suggestedName == "photo.jpg")
        #expect(try ImageInfo.read(header: card.data, path: "card") == ImageInfo(format: .jpeg, width: 1200, height: 630))
        #expect(throws: DiagnosticList.self) { try ShareCard.draw("blog/missing", options: site.options()) }
    }

    /// `sitegen card --output x.png` asks for the format its file's name says.
    @Test func oneCardInTheFormatAskedFor() throws {
        let png = try ShareCard.draw("blog/photo", format: "png", options: site.options())
        #expect(png.suggestedName == "photo.png")
        #expect(try ImageInfo.read(header: png.data, path: "card") == ImageInfo(format: .png, width: 1200, height: 630))
        let webp = try ShareCard.draw("blog/photo", format: "webp", options: site.options())
        #expect(try ImageInfo.read(header: webp.data, path: "card").format == .webp)
    }

    @Test func anUnchangedSiteDrawsNoCardAgain() throws {
        let cache = site.root.appendingPathComponent("resources/_gen/cards")
        func snapshot() throws -> [String: Date] {
            var result: [String: Date] = [:]
            for case let url as URL in FileManager.default.enumerator(at: cache, includingPropertiesForKeys: [.contentModificationDateKey])! {
                result[url.lastPathComponent] = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
            }
            return result
        }
        let before = try snapshot()
        #expect(before.count >= 5)
        try site.build(cards: true)
        #expect(try snapshot() == before)
        try site.write("content/blog/plain.md", "---\ntitle: A new title\n---\n")
        try site.build(cards: true)
        #expect(try snapshot().count > before.count)
    }
}
