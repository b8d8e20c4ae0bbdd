import Foundation
import Testing
@testable import SiteGen

@Suite struct BuildTests {
    /// Templates that print just what a test looks at.
    static let plainTemplates = [
        "templates/_default/single.mustache": "{{page.title}}|{{page.url}}|{{page.permalink}}|{{page.date.short}}\n{{{page.content}}}",
        "templates/_default/list.mustache": "LIST {{page.title}}:{{#paginator.pages}} {{title}}{{/paginator.pages}} [{{paginator.pageNumber}}/{{paginator.totalPages}}]{{#paginator.nextURL}} next={{.}}{{/paginator.nextURL}}",
        "templates/index.mustache": "HOME{{#page.pages}} {{title}}{{/page.pages}}",
    ]

    static func site(_ files: [String: String], templates: Bool = true) throws -> TestSite {
        try TestSite((templates ? plainTemplates : [:]).merging(files) { _, new in new })
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let site = try Self.site([
            "content/blog/published.md": "---\ntitle: Published\ndate: 2026-01-01\n---\nText",
            "content/blog/wip.md": "---\ntitle: Work in progress\ndraft: true\n---\nText",
        ])
        try site.build()
        #expect(site.exists("blog/published/index.html"))
        #expect(!site.exists("blog/wip/index.html"))
        #expect(try !site.read("blog/index.html").contains("Work in progress"))
        try site.build(drafts: true)
        #expect(site.exists("blog/wip/index.html"))
        #expect(try site.read("blog/index.html").contains("Work in progress"))
    }

    @Test func futureAndExpiredPagesNeedTheirFlags() throws {
        let site = try Self.site([
            "content/blog/later.md": "---\ntitle: Later\ndate: 2030-01-01\n---\n",
            "content/blog/gone.md": "---\ntitle: Gone\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n",
        ])
        try site.build()
        #expect(!site.exists("blog/later/index.html"))
        #expect(!site.exists("blog/gone/index.html"))
        try site.build(future: true, expired: true)
        #expect(site.exists("blog/later/index.html"))
        #expect(site.exists("blog/gone/index.html"))
    }

    @Test func urlsFollowHugoDefaultsSlugURLAndPermalinks() throws {
        let site = try Self.site([
            "config.yaml": "baseURL: https://example.org/\npermalinks:\n  posts: /:year/:month/:slug/\n",
            "content/about.md": "---\ntitle: About Us\n---\n",
            "content/docs/Getting Started.md": "---\ntitle: Start\n---\n",
            "content/docs/renamed.md": "---\ntitle: Renamed\nslug: new-name\n---\n",
            "content/docs/fixed.md": "---\ntitle: Fixed\nurl: /elsewhere/fixed/\n---\n",
            "content/posts/hello.md": "---\ntitle: Hello World\ndate: 2019-12-13\n---\n",
        ])
        try site.build()
        #expect(try site.read("about/index.html").hasPrefix("About Us|/about/|https://example.org/about/|"))
        #expect(site.exists("docs/getting-started/index.html"))
        #expect(site.exists("docs/new-name/index.html"))
        #expect(site.exists("elsewhere/fixed/index.html"))
        #expect(try site.read("2019/12/hello-world/index.html").hasPrefix("Hello World|/2019/12/hello-world/|"))
    }

    @Test func baseURLWithAPathPrefixesEveryURL() throws {
        let site = try Self.site([
            "config.yaml": "baseURL: https://example.org/docs/\n",
            "content/guide/intro/index.md": "---\ntitle: Intro\n---\n![diagram](diagram.png)",
            "content/guide/intro/diagram.png": "not really a png",
        ])
        let report = try site.build()
        let html = try site.read("guide/intro/index.html")
        #expect(html.hasPrefix("Intro|/docs/guide/intro/|https://example.org/docs/guide/intro/|"))
        #expect(html.contains(#"src="/docs/guide/intro/diagram.png""#))
        #expect(report.warnings.contains { $0.location.file == "content/guide/intro/diagram.png" && $0.message.contains("not an image") })
    }

    @Test func sectionsPaginate() throws {
        var files = ["config.yaml": "paginate: 2\n"]
        for day in 1...5 {
            files["content/blog/post-\(day).md"] = "---\ntitle: Post \(day)\ndate: 2026-01-0\(day)\n---\n"
        }
        let site = try Self.site(files)
        try site.build()
        #expect(try site.read("blog/index.html") == "LIST Blogs: Post 5 Post 4 [1/3] next=/blog/page/2/")
        #expect(try site.read("blog/page/2/index.html") == "LIST Blogs: Post 3 Post 2 [2/3] next=/blog/page/3/")
        #expect(try site.read("blog/page/3/index.html") == "LIST Blogs: Post 1 [3/3]")
    }

    @Test func weightOrdersBeforeDate() throws {
        let site = try Self.site([
            "content/blog/a.md": "---\ntitle: Old but pinned\ndate: 2020-01-01\nweight: 1\n---\n",
            "content/blog/b.md": "---\ntitle: New\ndate: 2026-01-01\n---\n",
        ])
        try site.build()
        #expect(try site.read("blog/index.html").hasPrefix("LIST Blogs: Old but pinned New"))
    }

    @Test func taxonomiesGetListAndTermPages() throws {
        let site = try Self.site([
            "content/blog/a.md": "---\ntitle: A\ntags: [Swift, Performance]\n---\n",
            "content/blog/b.md": "---\ntitle: B\ntags: swift\ncategories: [News]\n---\n",
            "templates/_default/taxonomy.mustache": "{{#page.terms}}{{name}}={{count}}@{{url}};{{/page.terms}}",
            "templates/_default/term.mustache": "{{page.title}}:{{#page.pages}} {{title}}{{/page.pages}}",
        ])
        try site.build()
        #expect(try site.read("tags/index.html") == "Performance=1@/tags/performance/;Swift=2@/tags/swift/;")
        #expect(try site.read("tags/swift/index.html") == "Swift: A B" || site.read("tags/swift/index.html") == "Swift: B A")
        #expect(try site.read("categories/news/index.html") == "News: B")
        #expect(site.exists("tags/swift/index.xml"))
    }

    @Test func twoPagesClaimingOneURLIsAnErrorNamingBoth() throws {
        let site = try Self.site([
            "content/one.md": "---\ntitle: One\nurl: /same/\n---\n",
            "content/two.md": "---\ntitle: Two\nurl: /same/\n---\n",
        ])
        let errors = site.failedBuild()
        #expect(errors.count == 1)
        #expect(errors.first.map { $0.description.contains("content/one.md") && $0.description.contains("content/two.md") } == true)
    }

    @Test func urlsAndAliasesCannotLeaveTheOutputFolder() throws {
        let site = try Self.site([
            "content/a.md": "---\ntitle: A\nurl: /../../etc/passwd\n---\n",
            "content/b.md": "---\ntitle: B\naliases: [\"/../../outside\"]\n---\n",
        ])
        let errors = site.failedBuild().map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/a.md:3:1: error:") && $0.contains("leaves the output folder") })
        #expect(errors.contains { $0.hasPrefix("content/b.md:3:1: error:") && $0.contains("leaves the output folder") })
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("../outside").standardizedFileURL.path))
    }

    @Test func everyBrokenPageIsReportedWithItsLine() throws {
        let site = try Self.site([
            "content/good.md": "---\ntitle: Good\n---\n",
            "content/bad-yaml.md": "---\ntitle: Bad\ntags: [unclosed\n---\n",
            "content/bad-date.md": "---\ntitle: Bad date\ndate: someday\n---\n",
        ])
        let errors = site.failedBuild()
        #expect(errors.contains { $0.location.file == "content/bad-yaml.md" && $0.location.line != nil })
        #expect(errors.contains { $0.location.file == "content/bad-date.md" && $0.location.line == 3 })
    }

    @Test func aFailedBuildLeavesThePreviousOutputAsItWas() throws {
        let site = try TestSite(["content/page.md": "---\ntitle: Page\n---\nFirst version"])
        try site.build()
        let before = try site.snapshot()
        #expect(before["page/index.html"] != nil)
        try site.write("content/page.md", "---\ntitle: Page\n---\nSecond version")
        try site.write("content/broken.md", "---\ntitle: [\n---\n")
        #expect(!site.failedBuild().isEmpty)
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulBuildReplacesTheOutputButKeepsDotFiles() throws {
        let site = try TestSite(["content/old.md": "---\ntitle: Old\n---\n"])
        try site.build()
        try site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/old.md"))
        try site.write("content/new.md", "---\ntitle: New\n---\n")
        try site.build()
        #expect(!site.exists("old/index.html"))
        #expect(site.exists("new/index.html"))
        #expect(site.exists(".git/HEAD"))
    }

    @Test func unknownTemplateKeyIsAnErrorAtItsLineAndColumn() throws {
        let site = try Self.site([
            "content/a.md": "---\ntitle: A\n---\n",
            "templates/_default/single.mustache": "<h1>{{page.title}}</h1>\n<p>{{page.titel}}</p>\n",
        ])
        let errors = site.failedBuild()
        #expect(errors.map(\.description) == ["templates/_default/single.mustache:2:4: error: unknown template key 'titel'"])
    }

    @Test func missingPartialAndSyntaxErrorsAreReportedWhenTemplatesLoad() throws {
        let site = try Self.site([
            "content/a.md": "---\ntitle: A\n---\n",
            "templates/_default/single.mustache": "line one\n{{> partials/nope}}\n",
            "templates/_default/list.mustache": "{{#page.pages}}\n{{/page.sections}}\n",
        ])
        let errors = site.failedBuild().map(\.description)
        #expect(errors.contains { $0.hasPrefix("templates/_default/single.mustache:2:1: error: no template named 'partials/nope'") })
        #expect(errors.contains { $0.hasPrefix("templates/_default/list.mustache:2:") })
    }

    @Test func siteWithoutTemplatesBuildsWithTheBuiltInThemeAndOverridesFileByFile() throws {
        let site = try TestSite([
            "content/_index.md": "---\ntitle: Home\n---\nWelcome",
            "content/blog/post.md": "---\ntitle: A post\ndate: 2026-01-01\n---\nBody text",
        ])
        try site.build()
        #expect(try site.read("blog/post/index.html").contains("<!DOCTYPE html>"))
        #expect(site.exists("theme/sitegen.css"))
        #expect(site.exists("404.html"))
        #expect(site.exists("sitemap.xml"))

        try site.write("templates/_default/single.mustache", "custom {{page.title}}")
        try site.build()
        #expect(try site.read("blog/post/index.html") == "custom A post")
        #expect(try site.read("index.html").contains("<!DOCTYPE html>"))
    }

    @Test func templateInheritanceFillsTheBaseLayout() throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: A\n---\n",
            "templates/_default/baseof.mustache": "<main>{{$main}}default{{/main}}</main>",
            "templates/_default/single.mustache": "{{<_default/baseof}}{{$main}}{{page.title}}{{/main}}{{/_default/baseof}}",
        ])
        try site.build()
        #expect(try site.read("a/index.html") == "<main>A</main>")
    }

    @Test func linksBetweenContentFilesResolveToPageURLs() throws {
        let site = try Self.site([
            "content/blog/first.md": "---\ntitle: First\n---\nSee [the second](second.md#usage) and [about](../about.md).",
            "content/blog/second.md": "---\ntitle: Second\nslug: two\n---\n",
            "content/about.md": "---\ntitle: About\n---\n",
        ])
        try site.build()
        let html = try site.read("blog/first/index.html")
        #expect(html.contains(#"href="/blog/two/#usage""#))
        #expect(html.contains(#"href="/about/""#))
    }

    @Test func rawHTMLPassesOnlyWhenConfigured() throws {
        let page = ["content/a.md": "---\ntitle: A\n---\n<div class=\"note\">hi</div>\n"]
        let safe = try Self.site(page)
        try safe.build()
        #expect(try !safe.read("a/index.html").contains(#"<div class="note">"#))
        let unsafe = try Self.site(page.merging(["config.toml": "[markup.goldmark.renderer]\nunsafe = true\n"]) { a, _ in a })
        try unsafe.build()
        #expect(try unsafe.read("a/index.html").contains(#"<div class="note">"#))
    }

    @Test func robotsAndStaticFiles() throws {
        let site = try Self.site([
            "config.yaml": "baseURL: https://example.org/\nenableRobotsTXT: true\n",
            "static/css/extra.css": "body{}",
            "content/a.md": "---\ntitle: A\n---\n",
        ])
        try site.build()
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
        #expect(try site.read("css/extra.css") == "body{}")
    }

    @Test func relativeURLsRewritesRootRelativeLinks() throws {
        let site = try Self.site([
            "config.yaml": "relativeURLs: true\n",
            "content/blog/a.md": "---\ntitle: A\n---\n[home](/) [cdn](//cdn.example.org/x.js)",
        ])
        try site.build()
        let html = try site.read("blog/a/index.html")
        #expect(html.contains(#"href="../../""#))
        #expect(html.contains(#"href="//cdn.example.org/x.js""#))
    }
}
