import Foundation
import Testing
@testable import SiteGen

/// The site model built from real content folders: sections, bundles, menus, neighbours.
@Suite struct SiteModelTests {
    static func load(_ files: [String: String]) throws -> Site {
        let site = try TestSite(files)
        return try Builder(options: site.options()).buildSites().site
    }

    static func page(_ site: Site, _ path: String) -> Page? {
        site.pages.first { $0.path == path }
    }

    @Test func sectionsBundlesAndNestedSections() throws {
        let site = try Self.load([
            "content/_index.md": "---\ntitle: Welcome\n---\n",
            "content/newsletter/_index.md": "---\ntitle: Weekly\n---\n",
            "content/newsletter/news-1/index.md": "---\ntitle: One\n---\n",
            "content/newsletter/news-1/photo.jpg": "x",
            "content/newsletter/news-1/extra/notes.txt": "x",
            "content/docs/guide/_index.md": "---\ntitle: Guide\n---\n",
            "content/docs/guide/start.md": "---\ntitle: Start\n---\n",
            "content/docs/faq.md": "---\ntitle: FAQ\n---\n",
            "content/docs/2020/old.md": "---\ntitle: Old\n---\n",
        ])
        let home = site[site.home]
        #expect(home.title == "Welcome")
        #expect(site.topLevelSections.map { site[$0].path }.sorted() == ["/docs/", "/newsletter/"])
        let docs = try #require(Self.page(site, "/docs/"))
        #expect(docs.title == "Docs")
        let docsID = site.pages.firstIndex { $0.path == "/docs/" }!
        #expect(site.childSections[docsID]?.map { site[$0].title } == ["Guide"])
        // A folder without _index.md is not a section: its pages belong to the section above.
        #expect(Set(site.members[docsID]!.map { site[$0].title }) == ["FAQ", "Old"])
        #expect(Self.page(site, "/docs/2020/old/") != nil)
        let bundle = try #require(Self.page(site, "/newsletter/news-1/"))
        #expect(bundle.resources.map(\.name).sorted() == ["extra/notes.txt", "photo.jpg"])
        #expect(bundle.resources.map(\.path).sorted() == ["/newsletter/news-1/extra/notes.txt", "/newsletter/news-1/photo.jpg"])
    }

    @Test func headlessBundlesAreNotPagesButKeepTheirFiles() throws {
        let site = try Self.load([
            "content/gallery/index.md": "---\ntitle: Gallery\nheadless: true\n---\n",
            "content/gallery/a.jpg": "x",
            "content/blog/post.md": "---\ntitle: Post\n---\n",
        ])
        let gallery = try #require(Self.page(site, "/gallery/"))
        #expect(gallery.resources.count == 1)
        #expect(!site.renderedPages.contains { site[$0].path == "/gallery/" })
        #expect(!site.regularPages.contains { site[$0].path == "/gallery/" })
    }

    @Test func previousIsOlderAndNextIsNewerWithinASection() throws {
        let site = try Self.load([
            "content/news/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n",
            "content/news/b.md": "---\ntitle: B\ndate: 2026-01-08\n---\n",
            "content/news/c.md": "---\ntitle: C\ndate: 2026-01-15\n---\n",
            "content/other/d.md": "---\ntitle: D\ndate: 2026-01-10\n---\n",
        ])
        let id = { (title: String) in site.pages.firstIndex { $0.title == title }! }
        #expect(site.previous[id("B")] == id("A"))
        #expect(site.next[id("B")] == id("C"))
        #expect(site.previous[id("A")] == nil)
        #expect(site.next[id("C")] == nil)
        #expect(site.next[id("D")] == nil && site.previous[id("D")] == nil)
    }

    @Test func menusComeFromConfigurationAndFrontMatterAndNest() throws {
        let site = try Self.load([
            "config.yaml": """
            menus:
              main:
                - {name: Blog, url: /blog, weight: 20}
                - {name: Docs, pageRef: /docs, weight: 10, identifier: docs}
                - {name: FAQ, url: /docs/faq/, parent: docs}
            """,
            "content/docs/_index.md": "---\ntitle: Documentation\n---\n",
            "content/about.md": "---\ntitle: About this project\nlinkTitle: About\nmenu:\n  main:\n    weight: 30\n---\n",
            "content/contact.md": "---\ntitle: Contact\nmenu: footer\n---\n",
        ])
        let main = try #require(site.menus["main"])
        #expect(main.map(\.name) == ["Docs", "Blog", "About"])
        #expect(main.map(\.url) == ["/docs/", "/blog/", "/about/"])
        #expect(main[0].children.map(\.name) == ["FAQ"])
        #expect(site.menus["footer"]?.map(\.url) == ["/contact/"])
    }

    @Test func homeListsMainSectionsWhenConfigured() throws {
        let site = try Self.load([
            "config.yaml": "params:\n  mainSections: [blog]\n",
            "content/blog/a.md": "---\ntitle: A\n---\n",
            "content/docs/b.md": "---\ntitle: B\n---\n",
        ])
        #expect(site.members[site.home]?.map { site[$0].title } == ["A"])
    }

    @Test func contentUnderATaxonomyFolderTitlesTheTaxonomyPage() throws {
        let site = try Self.load([
            "content/tags/_index.md": "---\ntitle: All topics\n---\nBrowse by topic.",
            "content/blog/a.md": "---\ntitle: A\ntags: [swift]\n---\n",
        ])
        let tags = try #require(Self.page(site, "/tags/"))
        #expect(tags.kind == .taxonomy)
        #expect(tags.title == "All topics")
        #expect(site.pages.filter { $0.path == "/tags/" }.count == 1)
    }

    @Test func looseFilesAreCopiedAtTheirContentPath() throws {
        let site = try TestSite([
            "content/blog/post.md": "---\ntitle: Post\n---\n",
            "content/blog/diagram.svg": "<svg/>",
        ])
        try site.build()
        #expect(try site.read("blog/diagram.svg") == "<svg/>")
    }
}
