import Foundation
import Testing
@testable import SiteGen

/// Rebuilds of a site on Hugo templates: an edit of a page's body renders again only the outputs
/// that showed some of it (its page, lists with its summary, feeds, a cached partial with its
/// content, a page whose shortcode shows it), and the site is a clean build's, file for file.
@Suite struct HugoIncrementalBuildTests {
    static func site() throws -> TestSite {
        try TestSite([
            "config.toml": """
                title = "Test"
                baseURL = "https://example.org/"
                [taxonomies]
                tag = "tags"
                """,
            "layouts/_default/baseof.html": """
                <html><body>{{ block "main" . }}{{ end }}<aside>{{ partialCached "latest.html" . }}</aside></body></html>
                """,
            "layouts/_default/single.html": """
                {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ with .Next }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
                """,
            "layouts/_default/list.html": """
                {{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<article>{{ .Title }}: {{ .Summary }} ({{ .WordCount }} words)</article>{{ end }}{{ end }}
                """,
            "layouts/partials/latest.html": """
                {{ with index (where .Site.RegularPages "Section" "news") 0 }}Latest: {{ .Plain | truncate 40 }}{{ end }}
                """,
            "layouts/shortcodes/quote-of.html": """
                <blockquote>{{ with .Site.GetPage (.Get 0) }}{{ .Plain }}{{ end }}</blockquote>
                """,
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/one.md": "---\ntitle: One\ndate: 2026-01-01\ntags: [swift]\n---\nThe first post.\n",
            "content/blog/two.md": "---\ntitle: Two\ndate: 2026-02-01\n---\nThe second post quotes: {{< quote-of \"/blog/one\" >}}\n",
            "content/blog/three.md": "---\ntitle: Three\ndate: 2026-03-01\n---\nThe third post.\n",
            "content/news/_index.md": "---\ntitle: News\n---\n",
            "content/news/latest.md": "---\ntitle: Latest\ndate: 2026-04-01\n---\nThe latest news.\n",
            "static/style.css": "body { color: black }",
        ])
    }

    @Test func aBodyEditRendersOnlyWhatShowedThePage() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        try site.write("content/blog/one.md", "---\ntitle: One\ndate: 2026-01-01\ntags: [swift]\n---\nThe first post, rewritten.\n")
        var landed: [String] = []
        let report = try build.build(changed: ["content/blog/one.md"], landed: { if case .files(let paths) = $0 { landed += paths } })

        #expect(try site.read("blog/one/index.html").contains("The first post, rewritten."))
        #expect(try site.read("blog/two/index.html").contains("<blockquote>The first post, rewritten.\n</blockquote>"))
        let rewritten = try IncrementalBuildTests.rewritten(site, since: before)
        #expect(rewritten == [
            "blog/one/index.html",
            "blog/two/index.html",  // its shortcode shows the first post's text
            "blog/index.html", "blog/index.xml",  // its summary and word count
            "index.xml",  // the home feed's description
            "tags/swift/index.html", "tags/swift/index.xml",
        ])
        #expect(!rewritten.contains("blog/three/index.html"), "a neighbour shows its title only")
        #expect(Set(landed) == rewritten && report.filesWritten == rewritten.count)
        #expect(report.outputsRendered == rewritten)
        // What `sitegen serve --verbose` prints of it.
        #expect(report.phases.map(\.name) == ["classify", "read", "assemble", "markdown", "render", "write", "notify"])
        #expect(report.phases.map(\.seconds).reduce(0, +) <= report.seconds + 0.001)
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// Only the outputs that showed a part of the page that changed are rendered again: an edit
    /// below the summary leaves the feeds, which show summaries, as they were; an edit of markup
    /// alone leaves the lists that show word counts too.
    @Test func anEditBelowTheSummaryLeavesWhatShowsOnlySummaries() throws {
        let site = try Self.site()
        try site.write("content/blog/three.md", "---\ntitle: Three\ndate: 2026-03-01\n---\nThe third post.\n<!--more-->\nMore below.\n")
        var build = IncrementalBuild(options: site.options())
        try build.build()

        try site.write("content/blog/three.md", "---\ntitle: Three\ndate: 2026-03-01\n---\nThe third post.\n<!--more-->\nMore below, and more.\n")
        var report = try build.build(changed: ["content/blog/three.md"])
        #expect(report.outputsRendered == ["blog/three/index.html", "blog/index.html"], "the list shows the word count")
        #expect(try site.read("blog/index.html").contains("Three: <p>The third post.</p> (7 words)"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        try site.write("content/blog/three.md", "---\ntitle: Three\ndate: 2026-03-01\n---\nThe third post.\n<!--more-->\nMore *below*, and more.\n")
        report = try build.build(changed: ["content/blog/three.md"])
        #expect(report.outputsRendered == ["blog/three/index.html"])
        #expect(try site.read("blog/three/index.html").contains("<em>below</em>"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        try site.write("content/blog/three.md", "---\ntitle: Three\ndate: 2026-03-01\n---\nThe 3rd post.\n<!--more-->\nMore *below*, and more.\n")
        report = try build.build(changed: ["content/blog/three.md"])
        #expect(report.outputsRendered == ["blog/three/index.html", "blog/index.html", "blog/index.xml", "index.xml"])
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// After a layout edit, which renders every output, the pages open in a browser land first.
    @Test func aLayoutEditLandsTheViewedPagesFirst() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        try site.write("layouts/_default/single.html", """
            {{ define "main" }}<h1 class="new">{{ .Title }}</h1>{{ .Content }}{{ end }}
            """)
        var batches: [[String]] = []
        try build.build(changed: ["layouts/_default/single.html"], viewing: ["blog/three/index.html"],
                        landed: { if case .files(let paths) = $0 { batches.append(paths) } })
        #expect(batches.first == ["blog/three/index.html"])
        #expect(Set(batches.dropFirst().joined()) == ["blog/one/index.html", "blog/two/index.html", "news/latest/index.html"])
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A body edit renders with the last render's page objects: what that render left on them
    /// (a page's scratch) is gone, as in a clean build.
    @Test func aRebuildStartsFromCleanPageObjects() throws {
        let site = try TestSite([
            "config.toml": "title = \"Test\"\nbaseURL = \"https://example.org/\"\n",
            "layouts/_default/single.html": "{{ .Scratch.Add \"renders\" 1 }}{{ .Store.Add \"renders\" 1 }}{{ .Content }}<p>{{ .Scratch.Get \"renders\" }}, {{ .Store.Get \"renders\" }}</p>",
            "layouts/_default/list.html": "{{ range .Pages }}{{ .Title }}{{ end }}",
            "content/post.md": "---\ntitle: Post\n---\nFirst.\n",
        ])
        var build = IncrementalBuild(options: site.options())
        try build.build()
        for text in ["Second.", "Third."] {
            try site.write("content/post.md", "---\ntitle: Post\n---\n\(text)\n")
            let report = try build.build(changed: ["content/post.md"])
            #expect(report.outputsRendered == ["post/index.html", "index.xml"])
            #expect(try site.read("post/index.html") == "<p>\(text)</p>\n<p>1, 1</p>")
        }
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A partial cached by the first output that needed it still counts for the others that
    /// showed it from the cache.
    @Test func aCachedPartialCountsForEveryOutputThatShowsIt() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        try site.write("content/news/latest.md", "---\ntitle: Latest\ndate: 2026-04-01\n---\nFresher news.\n")
        try build.build(changed: ["content/news/latest.md"])

        let rewritten = try IncrementalBuildTests.rewritten(site, since: before)
        for page in ["index.html", "blog/index.html", "blog/one/index.html", "blog/three/index.html", "tags/swift/index.html", "news/latest/index.html"] {
            #expect(try site.read(page).contains("Latest: Fresher news."), "\(page)")
            #expect(rewritten.contains(page), "\(page)")
        }
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A layout edit renders every output again with the new layouts, without reading the
    /// content again; a shortcode's edit renders the pages' Markdown too. Only what changed is written.
    @Test func aLayoutEditRendersTheOutputsAgainAndWritesWhatChanged() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        var before = try IncrementalBuildTests.identities(site)
        try site.write("layouts/_default/single.html", "{{ define \"main\" }}<h2>{{ .Title }}</h2>{{ .Content }}{{ end }}")
        try build.build(changed: ["layouts/_default/single.html"])
        #expect(try site.read("blog/one/index.html").contains("<h2>One</h2>"))
        #expect(try IncrementalBuildTests.rewritten(site, since: before) == [
            "blog/one/index.html", "blog/two/index.html", "blog/three/index.html", "news/latest/index.html",
        ])
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        before = try IncrementalBuildTests.identities(site)
        try site.write("layouts/shortcodes/quote-of.html", "<q>{{ with .Site.GetPage (.Get 0) }}{{ .Title }}{{ end }}</q>")
        try build.build(changed: ["layouts/shortcodes/quote-of.html"])
        #expect(try site.read("blog/two/index.html").contains("<q>One</q>"))
        #expect(try IncrementalBuildTests.rewritten(site, since: before).isSuperset(of: ["blog/two/index.html", "blog/index.html"]))
        #expect(try !IncrementalBuildTests.rewritten(site, since: before).contains("blog/one/index.html"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        // A layout that does not parse is reported, the site left as it was, and built with the fix.
        try site.write("layouts/_default/single.html", "{{ define \"main\" }}{{ .Title }")
        #expect(throws: DiagnosticList.self) { try build.build(changed: ["layouts/_default/single.html"]) }
        #expect(try site.read("blog/one/index.html").contains("<h2>One</h2>"))
        try site.write("layouts/_default/single.html", "{{ define \"main\" }}<h3>{{ .Title }}</h3>{{ .Content }}{{ end }}")
        try build.build(changed: ["layouts/_default/single.html"])
        #expect(try site.read("blog/one/index.html").contains("<h3>One</h3>"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A new title renders again what showed the page: its own page, the page whose `.Next` it
    /// is, the lists and feeds it is in. The pages that only read every page's `.Section` (the
    /// cached partial) or show other pages are left as they were.
    @Test func aTitleEditRendersWhatShowedThePage() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        try site.write("content/blog/three.md", "---\ntitle: Third\ndate: 2026-03-01\n---\nThe third post.\n")
        let report = try build.build(changed: ["content/blog/three.md"])

        #expect(try site.read("blog/two/index.html").contains(">Third</a>"))
        #expect(try IncrementalBuildTests.rewritten(site, since: before) == [
            "blog/three/index.html", "blog/two/index.html", "blog/index.html", "blog/index.xml", "index.xml",
        ])
        // The sitemap reads every page's `.Lastmod`: rendered, not rewritten.
        #expect(report.outputsRendered == [
            "blog/three/index.html", "blog/two/index.html", "blog/index.html", "blog/index.xml", "index.xml", "sitemap.xml",
        ])
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A new date moves the page in every list it is in: the lists, the feeds, the pages whose
    /// neighbour it becomes or stops being, the dates of the lists it is the newest of.
    @Test func aDateEditReordersTheListsThePageIsIn() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        try site.write("content/blog/one.md", "---\ntitle: One\ndate: 2026-05-01\ntags: [swift]\n---\nThe first post.\n")
        let report = try build.build(changed: ["content/blog/one.md"])
        // The cached partial on every page shows the site's pages in their order: all rendered.
        #expect(!report.outputsRendered.isEmpty, "not a whole build")

        let blog = try site.read("blog/index.html")
        #expect(try #require(blog.range(of: "One:")).lowerBound < #require(blog.range(of: "Three:")).lowerBound)
        #expect(try site.read("news/latest/index.html").contains(">One</a>"), "the newest page is the latest news' next")
        let rewritten = try IncrementalBuildTests.rewritten(site, since: before)
        #expect(rewritten.isSuperset(of: ["blog/one/index.html", "news/latest/index.html", "blog/index.html", "sitemap.xml"]))
        #expect(rewritten.isDisjoint(with: ["blog/two/index.html", "blog/three/index.html"]))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A page that moves from one term to another (both there before) leaves the first term's
    /// list and joins the other's.
    @Test func aTermEditMovesThePageBetweenTheTermsLists() throws {
        let site = try Self.site()
        try site.write("content/blog/two.md", "---\ntitle: Two\ndate: 2026-02-01\ntags: [hugo]\n---\nThe second post.\n")
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        try site.write("content/blog/two.md", "---\ntitle: Two\ndate: 2026-02-01\ntags: [hugo, swift]\n---\nThe second post.\n")
        let report = try build.build(changed: ["content/blog/two.md"])
        #expect(!report.outputsRendered.isEmpty, "not a whole build")

        #expect(try site.read("tags/swift/index.html").contains("Two:"))
        let rewritten = try IncrementalBuildTests.rewritten(site, since: before)
        #expect(rewritten.isSuperset(of: ["tags/swift/index.html", "tags/swift/index.xml"]))
        #expect(!rewritten.contains("blog/three/index.html"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A sort by title reads every page's title: a page a list did not show moves into it.
    /// Two pages of the same date are ordered by their titles: a new title can swap them.
    @Test func aNewTitleMovesThePageInTheOrdersThatTitlesDecide() throws {
        let site = try TestSite([
            "config.toml": "title = \"Test\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
            "layouts/_default/single.html": "{{ .Title }}",
            "layouts/_default/list.html": "{{ range first 1 (sort .Pages \"Title\") }}<b>{{ .Title }}</b>{{ end }}{{ range .Pages }}<i>{{ .Title }}</i>{{ end }}",
            "layouts/index.html": "{{ range first 1 site.RegularPages.ByTitle }}<b>{{ .Title }}</b>{{ end }}",
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/a.md": "---\ntitle: Alpha\ndate: 2026-02-01\n---\nA.\n",
            "content/blog/b.md": "---\ntitle: Beta\ndate: 2026-02-01\n---\nB.\n",
            "content/blog/c.md": "---\ntitle: Gamma\ndate: 2026-01-01\n---\nC.\n",
        ])
        var build = IncrementalBuild(options: site.options())
        try build.build()
        #expect(try site.read("blog/index.html") == "<b>Alpha</b><i>Alpha</i><i>Beta</i><i>Gamma</i>")
        try site.write("content/blog/b.md", "---\ntitle: Aardvark\ndate: 2026-02-01\n---\nB.\n")
        #expect(try !build.build(changed: ["content/blog/b.md"]).outputsRendered.isEmpty, "not a whole build")
        #expect(try site.read("blog/index.html") == "<b>Aardvark</b><i>Aardvark</i><i>Alpha</i><i>Gamma</i>")
        #expect(try site.read("index.html") == "<b>Aardvark</b>")
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        try site.write("content/blog/c.md", "---\ntitle: Aa\ndate: 2026-01-01\n---\nC.\n")
        #expect(try build.build(changed: ["content/blog/c.md"]).outputsRendered == ["blog/c/index.html", "blog/index.html", "index.html"])
        #expect(try site.read("index.html") == "<b>Aa</b>")
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// Keys that decide where a page goes or how it renders, and new pages, build the whole
    /// site, and match a clean build.
    @Test func otherEditsBuildTheWholeSite() throws {
        let site = try Self.site()
        try site.write("layouts/_default/other.html", "{{ define \"main\" }}<h1 class=\"other\">{{ .Title }}</h1>{{ end }}")
        var build = IncrementalBuild(options: site.options())
        try build.build()
        try site.write("content/blog/three.md", "---\ntitle: Three\ndate: 2026-03-01\nlayout: other\n---\nThe third post.\n")
        let report = try build.build(changed: ["content/blog/three.md"])
        #expect(try site.read("blog/three/index.html").contains("<h1 class=\"other\">"))
        #expect(report.outputsRendered.isEmpty, "a whole build")
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        try site.write("content/blog/four.md", "---\ntitle: Four\ndate: 2026-05-01\n---\nThe fourth post.\n")
        try build.build(changed: ["content/blog/four.md"])
        #expect(site.exists("blog/four/index.html"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// Of a paginated list, only the pagers that show the page are rendered again (and the first,
    /// which decides the pagination).
    @Test func onlyThePagersThatShowThePageAreRenderedAgain() throws {
        var files = [
            "config.toml": "title = \"Test\"\nbaseURL = \"https://example.org/\"\npaginate = 2\ndisableKinds = [\"taxonomy\", \"term\"]\n",
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ range .Paginator.Pages }}<p>{{ .Summary }}</p>{{ end }}",
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
        ]
        for day in 1...6 { files["content/blog/p\(day).md"] = "---\ntitle: P\(day)\ndate: 2026-01-0\(day)\n---\nPost \(day).\n" }
        let site = try TestSite(files)
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        // Newest first: p1 is on the third pager of the blog and of the home page.
        try site.write("content/blog/p1.md", "---\ntitle: P1\ndate: 2026-01-01\n---\nPost 1, rewritten.\n")
        try build.build(changed: ["content/blog/p1.md"])

        #expect(try site.read("blog/page/3/index.html").contains("Post 1, rewritten."))
        #expect(try IncrementalBuildTests.rewritten(site, since: before) == [
            "blog/p1/index.html", "blog/page/3/index.html", "page/3/index.html", "blog/index.xml", "index.xml",
        ])
        try IncrementalBuildTests.expectSameAsCleanBuild(site)

        // A list layout that stops paginating: the pagers go.
        try site.write("layouts/_default/list.html", "{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}")
        try build.build(changed: ["layouts/_default/list.html"])
        #expect(!site.exists("blog/page/2/index.html") && !site.exists("page/3/index.html"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A static file is copied again, or removed, and nothing else is rendered.
    @Test func staticFilesAreCopiedAgainOrRemoved() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try IncrementalBuildTests.identities(site)
        try site.write("static/style.css", "body { color: navy }")
        try site.write("static/new.css", "p { margin: 0 }")
        try build.build(changed: ["static/style.css", "static/new.css"])
        #expect(try site.read("style.css") == "body { color: navy }")
        let rewritten = try IncrementalBuildTests.rewritten(site, since: before)
        // The manifest of what SiteGen wrote gains the new file.
        #expect(rewritten == ["style.css", "new.css", ".sitegen-manifest.json"], "\(rewritten)")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/new.css"))
        try build.build(changed: ["static/new.css"])
        #expect(!site.exists("new.css"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A body edit whose render fails leaves no trace: put back as it was, the page's word count
    /// is its own again, not the one the failed render worked out.
    @Test func aFailedRenderLeavesNothingOfTheEditBehind() throws {
        let site = try TestSite([
            "config.toml": "title = \"Test\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/list.html": "{{ range .Pages }}{{ if and .IsPage (lt .WordCount 2) }}{{ errorf \"too short\" }}{{ end }}<p>{{ .WordCount }}</p>{{ end }}",
            "content/blog/one.md": "---\ntitle: One\n---\nFour words are here.\n",
        ])
        var build = IncrementalBuild(options: site.options())
        try build.build()
        try site.write("content/blog/one.md", "---\ntitle: One\n---\nShort.\n")
        #expect(throws: DiagnosticList.self) { try build.build(changed: ["content/blog/one.md"]) }
        try site.write("content/blog/one.md", "---\ntitle: One\n---\nFour words are here.\n")
        try build.build(changed: ["content/blog/one.md"])
        // A layout edit renders the list again with what the pages worked out before.
        try site.write("layouts/_default/list.html", "{{ range .Pages }}<p>{{ .WordCount }}</p>{{ end }}")
        try build.build(changed: ["layouts/_default/list.html"])
        #expect(try site.read("blog/index.html").contains("<p>4</p>"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }
}
