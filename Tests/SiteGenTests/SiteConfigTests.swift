import Foundation
import Testing
@testable import SiteGen

@Suite struct SiteConfigTests {
    /// A fresh directory holding the given files.
    func site(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("siteconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    func expectDefaults(_ config: SiteConfig) {
        #expect(config.baseURL == "/")
        #expect(config.basePath == "/")
        #expect(config.title == "")
        #expect(config.languageCode == "")
        #expect(config.copyright == nil)
        #expect(config.params.isEmpty)
        #expect(config.taxonomies == [TaxonomyConfig(singular: "tag", plural: "tags"), TaxonomyConfig(singular: "category", plural: "categories")])
        #expect(config.menus.isEmpty)
        #expect(config.permalinks.isEmpty)
        #expect(config.paginate == 10)
        #expect(config.summaryLength == 70)
        #expect(!config.enableRobotsTXT)
        #expect(!config.unsafeHTML)
        #expect(config.tocStartLevel == 2)
        #expect(config.tocEndLevel == 3)
        #expect(!config.relativeURLs)
        #expect(config.rssLimit == -1)
        #expect(config.raw.isEmpty)
    }

    @Test func defaults() throws {
        expectDefaults(SiteConfig())
        let loaded = try SiteConfig.load(from: try site([:]))
        expectDefaults(loaded)
        #expect(loaded.file == nil)
    }

    @Test func everyKeyFromYAML() throws {
        let config = try SiteConfig.load(from: try site(["config.yaml": """
            baseURL: https://berty.tech/docs
            title: Berty
            languageCode: en-us
            copyright: © Berty
            params:
              description: Secure messaging
              social: {twitter: berty}
            taxonomies:
              tag: tags
              author: authors
            menu:
              main:
                - name: Blog
                  url: /blog/
                  weight: 2
                - name: Docs
                  pageRef: /docs
                  weight: 1
                  identifier: docs
                  parent: top
                  pre: <i></i>
                  post: →
                  title: Documentation
            permalinks:
              newsletter: /:year/:month/:slug/
            paginate: 5
            summaryLength: 30
            enableRobotsTXT: true
            relativeURLs: true
            rssLimit: 20
            markup:
              goldmark:
                renderer:
                  unsafe: true
              tableOfContents:
                startLevel: 1
                endLevel: 4
            unknownKey: kept
            """]))
        #expect(config.file == "config.yaml")
        #expect(config.baseURL == "https://berty.tech/docs/")
        #expect(config.basePath == "/docs/")
        #expect(config.title == "Berty")
        #expect(config.languageCode == "en-us")
        #expect(config.copyright == "© Berty")
        #expect(config.params["description"] == .string("Secure messaging"))
        #expect(config.params["social"] == .table(["twitter": .string("berty")]))
        #expect(config.taxonomies == [TaxonomyConfig(singular: "author", plural: "authors"), TaxonomyConfig(singular: "tag", plural: "tags")])
        #expect(config.menus == ["main": [
            MenuEntrySpec(menu: "main", name: "Blog", url: "/blog/", weight: 2),
            MenuEntrySpec(menu: "main", name: "Docs", pageRef: "/docs", weight: 1, parent: "top", identifier: "docs", pre: "<i></i>", post: "→", title: "Documentation"),
        ]])
        #expect(config.permalinks == ["newsletter": "/:year/:month/:slug/"])
        #expect(config.paginate == 5)
        #expect(config.summaryLength == 30)
        #expect(config.enableRobotsTXT)
        #expect(config.relativeURLs)
        #expect(config.rssLimit == 20)
        #expect(config.unsafeHTML)
        #expect(config.tocStartLevel == 1)
        #expect(config.tocEndLevel == 4)
        #expect(config.raw["unknownKey"] == .string("kept"))
        #expect(config.raw["title"] == .string("Berty"))
    }

    @Test func newerHugoKeysFromTOML() throws {
        let config = try SiteConfig.load(from: try site(["hugo.toml": """
            baseurl = "https://example.org"
            Title = "Example"

            [pagination]
            pagerSize = 7

            [services.rss]
            limit = 15

            [permalinks.page]
            posts = "/:year/:slug/"
            [permalinks.section]
            posts = "/articles/"

            [[menus.main]]
            name = "Home"
            pageRef = "/"
            weight = 1
            [[menus.footer]]
            name = "About"
            url = "/about/"

            [taxonomies]
            """]))
        #expect(config.file == "hugo.toml")
        #expect(config.baseURL == "https://example.org/")
        #expect(config.basePath == "/")
        #expect(config.title == "Example")
        #expect(config.paginate == 7)
        #expect(config.rssLimit == 15)
        #expect(config.permalinks == ["posts": "/:year/:slug/"])
        #expect(config.menus == [
            "main": [MenuEntrySpec(menu: "main", name: "Home", pageRef: "/", weight: 1)],
            "footer": [MenuEntrySpec(menu: "footer", name: "About", url: "/about/")],
        ])
        #expect(config.taxonomies.isEmpty)
    }

    @Test func json() throws {
        let config = try SiteConfig.load(from: try site(["config.json": """
            {"baseURL": "/blog", "title": "J", "paginate": 3, "permalinks": {"posts": "/p/:slug/"}}
            """]))
        #expect(config.file == "config.json")
        #expect(config.baseURL == "/blog/")
        #expect(config.basePath == "/blog/")
        #expect(config.title == "J")
        #expect(config.paginate == 3)
        #expect(config.permalinks == ["posts": "/p/:slug/"])
    }

    @Test func emptyTaxonomiesMeansNone() throws {
        let config = try SiteConfig.load(from: try site(["config.yaml": "taxonomies: {}\n"]))
        #expect(config.taxonomies.isEmpty)
    }

    @Test func firstCandidateWins() throws {
        let config = try SiteConfig.load(from: try site([
            "hugo.toml": "title = \"hugo\"",
            "config.toml": "title = \"config toml\"",
            "config.yml": "title: config yml",
        ]))
        #expect(config.file == "config.yml")
        #expect(config.title == "config yml")
    }

    @Test(arguments: [
        ("https://example.com", "https://example.com/", "/"),
        ("https://example.com/", "https://example.com/", "/"),
        ("https://example.com/docs", "https://example.com/docs/", "/docs/"),
        ("http://localhost:1313/a/b/", "http://localhost:1313/a/b/", "/a/b/"),
        ("//cdn.example.com/site", "//cdn.example.com/site/", "/site/"),
        ("/", "/", "/"),
        ("", "/", "/"),
        ("docs", "docs/", "/docs/"),
    ])
    func baseURLIsNormalised(written: String, baseURL: String, basePath: String) throws {
        let config = try SiteConfig(values: ["baseURL": .string(written)])
        #expect(config.baseURL == baseURL)
        #expect(config.basePath == basePath)
    }

    @Test func wrongTypesNameTheFileAndLine() throws {
        let directory = try site(["config.yaml": "title: ok\npaginate: many\n"])
        let error = #expect(throws: Diagnostic.self) { try SiteConfig.load(from: directory) }
        #expect(error?.location == SourceLocation(file: "config.yaml", line: 2, column: 1))
        #expect(error?.message == "`paginate` must be an integer, found \"many\"")

        let nested = #expect(throws: Diagnostic.self) {
            try SiteConfig.load(from: try site(["hugo.toml": "title = \"x\"\n\n[markup.goldmark.renderer]\nunsafe = \"sometimes\"\n"]))
        }
        #expect(nested?.location == SourceLocation(file: "hugo.toml", line: 3, column: 1))
        #expect(nested?.message == "`markup.goldmark.renderer.unsafe` must be true or false, found \"sometimes\"")

        let menu = #expect(throws: Diagnostic.self) { try SiteConfig(values: ["menus": .table(["main": .string("x")])]) }
        #expect(menu?.message == "`menus.main` must be a list of tables, found \"x\"")
    }

    @Test func syntaxErrorsNameTheFile() throws {
        let error = #expect(throws: Diagnostic.self) {
            try SiteConfig.load(from: try site(["config.toml": "title = \n"]))
        }
        #expect(error?.location.file == "config.toml")
        #expect(error?.location.line == 1)
    }
}
