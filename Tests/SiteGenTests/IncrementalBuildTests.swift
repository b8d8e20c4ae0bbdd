import Foundation
import Testing
@testable import SiteGen

/// Rebuilds after edits write the same site as a clean build of the edited files, and leave alone
/// the files the edit cannot have changed.
@Suite struct IncrementalBuildTests {
    /// Two languages, a section of dated posts with tags and summaries, a menu, a shortcode, the
    /// built-in theme with one overridden template.
    static func site() throws -> TestSite {
        try TestSite([
            "config.yaml": """
                title: Test
                baseURL: https://example.org/
                defaultContentLanguage: en
                languages:
                  en: {weight: 1, languageName: English}
                  fr: {weight: 2, languageName: Français}
                menus:
                  main:
                    - {name: Blog, url: /blog/, weight: 1}
                """,
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/one.md": "---\ntitle: One\ndate: 2026-01-01\ntags: [swift]\n---\nThe first post.\n",
            "content/blog/two.md": "---\ntitle: Two\ndate: 2026-02-01\ntags: [swift, hugo]\n---\nThe second post, {{< note >}}noted{{< /note >}}.\n",
            "content/blog/three.md": "---\ntitle: Three\ndate: 2026-03-01\n---\nThe third post.\n",
            "content/blog/two.fr.md": "---\ntitle: Deux\ndate: 2026-02-01\n---\nLe deuxième.\n",
            "content/about.md": "---\ntitle: About\n---\nAbout us.\n",
            "templates/shortcodes/note.mustache": "<aside>{{inner}}</aside>",
            "static/style.css": "body { color: black }",
        ])
    }

    /// The site built from scratch into `folder`.
    static func cleanBuild(_ site: TestSite, cards: Bool = false) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-clean-\(UUID().uuidString)")
        var options = site.options(cards: cards)
        options.destination = folder
        try Builder(options: options).build()
        return folder
    }

    /// Every file of a folder: path → bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(root.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The incremental output is the clean build's, file for file.
    static func expectSameAsCleanBuild(_ site: TestSite, cards: Bool = false) throws {
        let clean = try cleanBuild(site, cards: cards)
        defer { try? FileManager.default.removeItem(at: clean) }
        let expected = try files(in: clean), actual = try files(in: site.output)
        #expect(Set(actual.keys) == Set(expected.keys))
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from a clean build")
        }
    }

    /// Identity of each output file on disk: a rewritten file (written beside, renamed over) gets a new one.
    static func identities(_ site: TestSite) throws -> [String: Int] {
        try files(in: site.output).keys.reduce(into: [:]) { result, path in
            let attributes = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)
            result[path] = (attributes[.systemFileNumber] as? Int) ?? -1
        }
    }

    static func rewritten(_ site: TestSite, since before: [String: Int]) throws -> Set<String> {
        Set(try identities(site).filter { before[$0.key] != $0.value }.keys)
    }

    @Test func aBodyEditRewritesOnlyTheOutputsThatShowTheText() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try Self.identities(site)
        try site.write("content/blog/two.md", "---\ntitle: Two\ndate: 2026-02-01\ntags: [swift, hugo]\n---\nThe second post, rewritten.\n")
        let report = try build.build(changed: ["content/blog/two.md"])

        #expect(try site.read("blog/two/index.html").contains("The second post, rewritten."))
        let rewritten = try Self.rewritten(site, since: before)
        #expect(rewritten.contains("blog/two/index.html"))
        #expect(rewritten.contains("blog/index.html"), "the section list shows the summary")
        #expect(rewritten.contains("index.xml"), "the home feed carries the text")
        #expect(!rewritten.contains("blog/one/index.html"), "a neighbour shows the title only")
        #expect(!rewritten.contains("about/index.html"))
        #expect(!rewritten.contains("fr/blog/two/index.html"))
        #expect(!rewritten.contains("sitemap.xml") && !rewritten.contains("en/sitemap.xml"))
        #expect(report.filesWritten == rewritten.count)
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aTitleEditReachesTheNeighboursListsAndTranslationsButNotUnrelatedPages() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try Self.identities(site)
        try site.write("content/blog/two.md", "---\ntitle: Second thoughts\ndate: 2026-02-01\ntags: [swift, hugo]\n---\nThe second post, {{< note >}}noted{{< /note >}}.\n")
        try build.build(changed: ["content/blog/two.md"])

        #expect(try site.read("blog/one/index.html").contains("Second thoughts"))
        #expect(try site.read("blog/index.html").contains("Second thoughts"))
        let rewritten = try Self.rewritten(site, since: before)
        #expect(!rewritten.contains("about/index.html"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func editsThatChangeTheStructureStillMatchACleanBuild() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        // A new date reorders the section and the feeds.
        try site.write("content/blog/one.md", "---\ntitle: One\ndate: 2026-04-01\ntags: [swift]\n---\nThe first post.\n")
        try build.build(changed: ["content/blog/one.md"])
        try Self.expectSameAsCleanBuild(site)
        // New and changed tags make and drop term pages.
        try site.write("content/blog/two.md", "---\ntitle: Two\ndate: 2026-02-01\ntags: [go]\n---\nThe second post.\n")
        try build.build(changed: ["content/blog/two.md"])
        #expect(!site.exists("tags/hugo/index.html"))
        try Self.expectSameAsCleanBuild(site)
        // A page added, a page removed.
        try site.write("content/blog/four.md", "---\ntitle: Four\ndate: 2026-05-01\n---\nThe fourth post.\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/blog/three.md"))
        try build.build(changed: ["content/blog/four.md", "content/blog/three.md"])
        #expect(!site.exists("blog/three/index.html"))
        try Self.expectSameAsCleanBuild(site)
        // A draft leaves the site.
        try site.write("content/blog/four.md", "---\ntitle: Four\ndate: 2026-05-01\ndraft: true\n---\nThe fourth post.\n")
        try build.build(changed: ["content/blog/four.md"])
        #expect(!site.exists("blog/four/index.html"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aNewDateOrTermReachesTheListsItChangesButNotUnrelatedPages() throws {
        let site = try Self.site()
        try site.write("config.yaml", "title: Test\nbaseURL: https://example.org/\npaginate: 1\n")
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try Self.identities(site)
        // The oldest post becomes the newest: every pager of the section changes, the about page does not.
        try site.write("content/blog/one.md", "---\ntitle: One\ndate: 2026-06-01\ntags: [swift]\n---\nThe first post.\n")
        try build.build(changed: ["content/blog/one.md"])
        let rewritten = try Self.rewritten(site, since: before)
        #expect(rewritten.contains("blog/page/3/index.html"))
        #expect(!rewritten.contains("about/index.html"))
        try Self.expectSameAsCleanBuild(site)
        // A post moves from one existing term to another.
        try site.write("content/blog/one.md", "---\ntitle: One\ndate: 2026-06-01\ntags: [hugo]\n---\nThe first post.\n")
        try build.build(changed: ["content/blog/one.md"])
        #expect(try site.read("tags/hugo/index.html").contains("One"))
        try Self.expectSameAsCleanBuild(site)
        // A page joins the main menu, which every page shows.
        #expect(try !site.read("blog/two/index.html").contains("href=\"/about/\""))
        try site.write("content/about.md", "---\ntitle: About\nmenu: main\n---\nAbout us.\n")
        try build.build(changed: ["content/about.md"])
        #expect(try site.read("blog/two/index.html").contains("href=\"/about/\""))
        try Self.expectSameAsCleanBuild(site)
        // A post leaves its term alone with another one: the term keeps a page less.
        try site.write("content/blog/two.md", "---\ntitle: Two\ndate: 2026-02-01\ntags: [swift]\n---\nThe second post.\n")
        try build.build(changed: ["content/blog/two.md"])
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aTemplateEditRewritesTheOutputsThatUseIt() throws {
        let site = try Self.site()
        try site.write("templates/_default/single.mustache", "<html><body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>")
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try Self.identities(site)
        try site.write("templates/_default/single.mustache", "<html><body><h1 class=\"edited\">{{page.title}}</h1>{{{page.content}}}</body></html>")
        try build.build(changed: ["templates/_default/single.mustache"])

        #expect(try site.read("blog/one/index.html").contains("class=\"edited\""))
        let rewritten = try Self.rewritten(site, since: before)
        #expect(rewritten.contains("fr/blog/two/index.html"))
        #expect(!rewritten.contains("blog/index.html"), "the list has its own template")
        #expect(!rewritten.contains("index.xml"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func theEditedPageAndThePagesBeingViewedLandFirst() throws {
        let site = try Self.site()
        try site.write("templates/_default/single.mustache", "<html><body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>")
        var build = IncrementalBuild(options: site.options())
        try build.build()
        var landed: [[String]] = []
        let record = { (files: IncrementalBuild.Landed) in if case .files(let paths) = files { landed.append(paths.sorted()) } }

        try site.write("content/blog/two.md", "---\ntitle: Two, retitled\ndate: 2026-02-01\ntags: [swift, hugo]\n---\nThe second post.\n")
        try build.build(changed: ["content/blog/two.md"], landed: record)
        #expect(landed.first == ["blog/two/index.html"])
        #expect(landed.count == 2 && landed[1].contains("blog/index.html"))

        landed = []
        try site.write("templates/_default/single.mustache", "<html><body><h1 class=\"edited\">{{page.title}}</h1>{{{page.content}}}</body></html>")
        try build.build(changed: ["templates/_default/single.mustache"], viewing: ["blog/three/index.html", "index.html"], landed: record)
        #expect(landed.first == ["blog/three/index.html"], "the home page uses another template: nothing to render first for it")
        #expect(landed.count == 2 && landed[1].contains("blog/one/index.html"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func anInterruptedRebuildLeavesTheRestForTheNext() throws {
        let site = try Self.site()
        try site.write("templates/_default/single.mustache", "<html><body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>")
        var build = IncrementalBuild(options: site.options())
        build.batchSize = 1
        try build.build()
        try site.write("templates/_default/single.mustache", "<html><body><h1 class=\"edited\">{{page.title}}</h1>{{{page.content}}}</body></html>")
        try build.build(changed: ["templates/_default/single.mustache"], viewing: ["blog/three/index.html"], interrupted: { true })
        #expect(!build.isComplete)
        #expect(try site.read("blog/three/index.html").contains("class=\"edited\""))
        #expect(try !site.read("fr/blog/two/index.html").contains("class=\"edited\""))

        // The next edit's own page comes first, then what the last one left.
        var landed: [[String]] = []
        try site.write("content/about.md", "---\ntitle: About\n---\nAbout us, again.\n")
        try build.build(changed: ["content/about.md"], landed: { if case .files(let paths) = $0 { landed.append(paths) } })
        #expect(landed.first == ["about/index.html"])
        #expect(build.isComplete)
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aShortcodeEditRendersTheMarkdownOfThePagesAgain() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        try site.write("templates/shortcodes/note.mustache", "<aside class=\"note\">{{inner}}</aside>")
        try build.build(changed: ["templates/shortcodes/note.mustache"])
        #expect(try site.read("blog/two/index.html").contains("<aside class=\"note\">noted</aside>"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func staticFilesAreCopiedAgainOrRemoved() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        try site.write("static/style.css", "body { color: red }")
        try site.write("static/extra.js", "console.log(1)")
        try build.build(changed: ["static/style.css", "static/extra.js"])
        #expect(try site.read("style.css") == "body { color: red }")
        try Self.expectSameAsCleanBuild(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/extra.js"))
        try build.build(changed: ["static/extra.js"])
        #expect(!site.exists("extra.js"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aFileThatCameAndWentBuildsNothing() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try Self.identities(site)
        let report = try build.build(changed: ["content/blog/two.md.tmp", "content/blog/ghost.md"])
        #expect(report.filesWritten == 0)
        #expect(try Self.rewritten(site, since: before).isEmpty)
    }

    @Test func aBrokenEditLeavesTheOutputAndIsBuiltAgainWithTheFix() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options())
        try build.build()
        let before = try Self.files(in: site.output)
        try site.write("content/blog/two.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        #expect(throws: DiagnosticList.self) { try build.build(changed: ["content/blog/two.md"]) }
        #expect(try Self.files(in: site.output) == before)
        // The fix arrives with another edit; the broken file is still built again.
        try site.write("content/blog/two.md", "---\ntitle: Mended\ndate: 2026-02-01\n---\nFixed.\n")
        try site.write("content/about.md", "---\ntitle: About\n---\nAbout us, again.\n")
        try build.build(changed: ["content/about.md"])
        #expect(try site.read("blog/two/index.html").contains("Mended"))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aTitleEditRedrawsThePagesShareCard() throws {
        let site = try Self.site()
        var build = IncrementalBuild(options: site.options(cards: true))
        try build.build()
        let card = try Data(contentsOf: site.output.appendingPathComponent("blog/two/og-card.jpg"))
        try site.write("content/blog/two.md", "---\ntitle: A much longer title for the card\ndate: 2026-02-01\n---\nText.\n")
        try build.build(changed: ["content/blog/two.md"])
        #expect(try Data(contentsOf: site.output.appendingPathComponent("blog/two/og-card.jpg")) != card)
        try Self.expectSameAsCleanBuild(site, cards: true)
    }
}
