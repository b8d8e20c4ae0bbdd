import Foundation
import Testing
@testable import SiteGen
@testable import Thumbnails

/// Variants of bundle images asked for by templates and render hooks, made once and cached.
@Suite struct ImageVariantTests {
    static func site() throws -> TestSite {
        let site = try TestSite([
            "content/news/n1/index.md": "---\ntitle: One\nimage: cover.jpg\n---\n![A photo](cover.jpg)\n",
            "templates/_default/single.mustache": """
                {{#page.image}}<img src="{{fill.1200x630.url}}" width="{{fill.1200x630.width}}" height="{{fill.1200x630.height}}"> {{resize.400x.url}} {{resize.400x.height}} {{fit.300x300-webp.url}}{{/page.image}}
                {{{page.content}}}
                """,
            "templates/_markup/render-image.mustache": #"<img src="{{destination}}" alt="{{text}}"{{#resource}} width="{{width}}" height="{{height}}" srcset="{{resize.480x.url}} 480w, {{url}} {{width}}w"{{/resource}}>"#,
        ])
        try site.copy("content/newsletter/weekly-01/cover.jpg", to: "content/news/n1/cover.jpg")
        return site
    }

    @Test func templatesGetResizedFilledAndFittedVariants() throws {
        let site = try Self.site()
        try site.build()
        let html = try site.read("news/n1/index.html")
        #expect(html.contains(#"<img src="/news/n1/cover_1200x630_fill.jpg" width="1200" height="630">"#))
        #expect(html.contains("/news/n1/cover_400x_resize.jpg 267"))
        #expect(html.contains("/news/n1/cover_300x300-webp_fit.webp"))
        #expect(try ImageInfo.read(contentsOf: site.output.appendingPathComponent("news/n1/cover_1200x630_fill.jpg")) == ImageInfo(format: .jpeg, width: 1200, height: 630))
        #expect(try ImageInfo.read(contentsOf: site.output.appendingPathComponent("news/n1/cover_400x_resize.jpg")) == ImageInfo(format: .jpeg, width: 400, height: 267))
        #expect(try ImageInfo.read(contentsOf: site.output.appendingPathComponent("news/n1/cover_300x300-webp_fit.webp")).format == .webp)
    }

    @Test func theImageHookGetsTheResourceForResponsiveImages() throws {
        let site = try Self.site()
        try site.build()
        let html = try site.read("news/n1/index.html")
        #expect(html.contains(#"<img src="/news/n1/cover.jpg" alt="A photo" width="1600" height="1067" srcset="/news/n1/cover_480x_resize.jpg 480w, /news/n1/cover.jpg 1600w">"#))
        #expect(site.exists("news/n1/cover_480x_resize.jpg"))
    }

    @Test func aWarmBuildMakesNoVariantAgain() throws {
        let site = try Self.site()
        try site.build()
        let cache = site.root.appendingPathComponent("resources/_gen/images")
        let files = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".webp") }
        let dates = try files.map { try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent($0).path)[.modificationDate] as? Date }
        #expect(files.count == 4)
        try site.build()
        #expect(try files.map { try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent($0).path)[.modificationDate] as? Date } == dates)
    }

    @Test func aFreshCheckoutElsewhereStillFindsTheCachedVariants() throws {
        let site = try Self.site()
        try site.build()
        let moved = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-moved-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: site.root, to: moved)
        let photo = moved.appendingPathComponent("content/news/n1/cover.jpg")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: photo.path)
        let cache = moved.appendingPathComponent("resources/_gen/images")
        let before = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".jpg") }.sorted()
        var options = BuildOptions(source: moved)
        options.drawCards = false
        try Builder(options: options).build()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".jpg") }.sorted() == before)
    }

    @Test func aBadSpecificationIsATemplateError() throws {
        let site = try Self.site()
        try site.write("templates/_default/single.mustache", "{{#page.image}}{{fill.huge.url}}{{/page.image}}")
        #expect(site.failedBuild().map(\.description) == ["templates/_default/single.mustache:1:16: error: unknown template key 'huge'"])
    }
}
