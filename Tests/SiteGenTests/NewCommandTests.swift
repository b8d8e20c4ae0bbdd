import Foundation
import Testing
@testable import SiteGen

/// `sitegen new`: a new site that builds, and pages made from archetypes in Hugo 0.111's order
/// and with its placeholders (each expectation below is what `hugo new` wrote for the same files).
@Suite struct NewCommandTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-20T09:30:00Z")!

    private func content(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent("content/" + path), encoding: .utf8)
    }

    private func create(_ site: TestSite, _ path: String, kind: String? = nil) throws(DiagnosticList) -> [String] {
        try NewContent(options: BuildOptions(source: site.root)).create(path, kind: kind, now: Self.now)
    }

    @Test func aNewSiteBuildsAtOnceWithItsFirstIssue() throws {
        let site = try TestSite()
        let folder = site.root.appendingPathComponent("berty")
        let files = try NewSite.create(at: folder, title: "Berty \"Weekly\" Site", now: Self.now)
        #expect(files.contains("content/newsletter/weekly-01/index.md"))
        #expect(files.contains("README.md"))
        let options = BuildOptions(source: folder)
        let report = try Builder(options: options).build()
        #expect(report.pages >= 5)
        let issue = try String(contentsOf: options.destination.appendingPathComponent("newsletter/weekly-01/index.html"), encoding: .utf8)
        #expect(issue.contains("Berty &#34;Weekly&#34; Site Weekly #1") || issue.contains("Berty &quot;Weekly&quot; Site Weekly #1"))
        #expect(issue.contains("2026"))
        #expect(FileManager.default.fileExists(atPath: options.destination.appendingPathComponent("blog/hello/index.html").path))
    }

    @Test func aNewSiteRefusesAFolderThatIsNotEmpty() throws {
        let site = try TestSite(["notes.txt": "mine"])
        #expect(throws: Diagnostic.self) { try NewSite.create(at: site.root) }
        #expect(try String(contentsOf: site.root.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("config.yaml").path))
    }

    @Test func hugosOwnArchetypeWhenTheSiteHasNone() throws {
        let site = try TestSite(["config.toml": "title = \"T\"\n"])
        #expect(try create(site, "posts/my-first-post.md") == ["content/posts/my-first-post.md"])
        #expect(try content(site, "posts/my-first-post.md") == "---\ntitle: \"My First Post\"\ndate: 2026-11-20T09:30:00Z\ndraft: true\n---\n\n")
    }

    /// The site is read for `.Site`, not rendered: a Hugo site's own shortcodes need its layouts.
    @Test func aHugoSiteWithItsOwnShortcodesGetsNewPages() throws {
        let site = try TestSite([
            "config.toml": "title = \"T\"\n",
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/shortcodes/note.html": "<aside>{{ .Inner }}</aside>",
            "content/posts/old.md": "---\ntitle: Old\n---\n{{< note >}}kept{{< /note >}}\n",
            "archetypes/posts.md": "---\ntitle: \"{{ .Name }} on {{ .Site.Title }}\"\n---\n",
        ])
        _ = try create(site, "posts/new-one.md")
        #expect(try content(site, "posts/new-one.md") == "---\ntitle: \"new-one on T\"\n---\n")
    }

    @Test func archetypesAreFoundInHugosOrder() throws {
        let site = try TestSite([
            "config.toml": "title = \"T\"\ntheme = \"t\"\n",
            "themes/t/layouts/.keep": "",
            "themes/t/archetypes/posts.md": "theme-posts {{ .Name }}\n",
            "archetypes/default.md": "site-default {{ .Name }}\n",
        ])
        _ = try create(site, "posts/t1.md")
        _ = try create(site, "other/t2.md")
        _ = try create(site, "misc/t4.md", kind: "posts")
        #expect(try content(site, "posts/t1.md") == "theme-posts t1\n")
        #expect(try content(site, "other/t2.md") == "site-default t2\n")
        #expect(try content(site, "misc/t4.md") == "theme-posts t4\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("archetypes/default.md"))
        try site.write("themes/t/archetypes/default.md", "theme-default {{ .Name }}\n")
        _ = try create(site, "t5.md")
        #expect(try content(site, "t5.md") == "theme-default t5\n")
    }

    @Test func archetypesSeeTheNewFileAndTheSite() throws {
        let site = try TestSite([
            "config.toml": "title = \"My New Hugo Site\"\n",
            "archetypes/posts.md": "---\ntitle: \"{{ .Name }} | {{ .Type }} | {{ .Site.Title }} | {{ .File.Path }} | {{ .Section }}\"\n---\nBody of {{ .Name }}\n",
        ])
        _ = try create(site, "content/posts/third.md")
        _ = try create(site, "posts/fr-page.fr.md")
        #expect(try content(site, "posts/third.md") == "---\ntitle: \"third | posts | My New Hugo Site | posts/third.md | posts\"\n---\nBody of third\n")
        #expect(try content(site, "posts/fr-page.fr.md").hasPrefix("---\ntitle: \"fr-page.fr | posts"))
    }

    @Test func aFolderArchetypeMakesABundleWithItsFiles() throws {
        let site = try TestSite([
            "config.toml": "title = \"T\"\n",
            "archetypes/newsletter/index.md": "---\ntitle: \"Issue {{ .Name }}\"\ndate: {{ .Date }}\n---\nhello\n",
            "archetypes/newsletter/cover.txt": "{{ .Name }} is not a template here\n",
        ])
        #expect(try create(site, "newsletter/news-26") == ["content/newsletter/news-26/cover.txt", "content/newsletter/news-26/index.md"])
        #expect(try content(site, "newsletter/news-26/index.md") == "---\ntitle: \"Issue news-26\"\ndate: 2026-11-20T09:30:00Z\n---\nhello\n")
        #expect(try content(site, "newsletter/news-26/cover.txt") == "{{ .Name }} is not a template here\n")
    }

    @Test func nothingIsOverwrittenAndABundleNeedsAFolderArchetype() throws {
        let site = try TestSite(["config.toml": "title = \"T\"\n", "content/posts/third.md": "mine\n", "archetypes/posts.md": "x\n"])
        #expect(throws: DiagnosticList.self) { try create(site, "posts/third.md") }
        #expect(try content(site, "posts/third.md") == "mine\n")
        #expect(throws: DiagnosticList.self) { try create(site, "posts/noext") }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/posts/noext").path))
    }

    @Test func anArchetypeThatDoesNotParseIsReportedAtItsLine() throws {
        let site = try TestSite(["config.toml": "title = \"T\"\n", "archetypes/posts.md": "---\ntitle: {{ .Name\n---\n"])
        do {
            _ = try create(site, "posts/a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.description.contains("archetypes/posts.md:2:") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/posts/a.md").path))
    }
}

/// `sitegen new newsletter`: the next issue of a section whose issues are numbered some way.
@Suite struct NewNewsletterTests {
    /// A Wednesday.
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T08:00:00Z")!

    private static func issue(_ number: Int, folder: String, date: String, toml: Bool = false) -> String {
        toml ? "+++\ntitle = \"Berty Weekly #\(number): News\"\ndate = \(date)\naliases = [\"/weekly/\(number)/\"]\n+++\nText.\n"
            : "---\ntitle: \"Berty Weekly #\(number): News\"\ndate: \(date)\naliases:\n  - /weekly/\(number)/\n---\nText.\n"
    }

    @Test func theNextIssueIsNumberedNamedAliasedAndDatedAsTheLatest() throws {
        let site = try TestSite([
            "config.yaml": "title: Berty\n",
            "content/newsletter/_index.md": "---\ntitle: Weekly\n---\n",
            "content/newsletter/weekly-09/index.md": Self.issue(9, folder: "weekly-09", date: "2026-11-06T10:00:00Z"),
            "content/newsletter/weekly-10/index.md": Self.issue(10, folder: "weekly-10", date: "2026-11-13T10:00:00Z"),
            "content/newsletter/weekly-11/index.md": Self.issue(11, folder: "weekly-11", date: "2026-11-20T10:00:00Z"),
            "archetypes/newsletter/index.md": "---\ntitle: \"{{ .Name }}\"\ndate: {{ .Date }}\ntags: [news]\n---\nWrite here. {{ .Site.Title }}\n",
            "archetypes/newsletter/cover.txt": "a cover\n",
        ])
        let made = try NewsletterIssue(options: BuildOptions(source: site.root)).create(title: "Hello again", now: Self.now)
        #expect(made == ["content/newsletter/weekly-12/cover.txt", "content/newsletter/weekly-12/index.md"])
        let text = try String(contentsOf: site.root.appendingPathComponent("content/newsletter/weekly-12/index.md"), encoding: .utf8)
        // The Friday after, at the issues' time; the archetype's other keys and body kept.
        #expect(text == "---\ntitle: \"Berty Weekly #12: Hello again\"\ndate: 2026-11-27T10:00:00Z\ntags: [news]\ndraft: true\naliases:\n  - \"/weekly/12/\"\n---\nWrite here. Berty\n")
        // It builds, as a draft dated after the test sites' "now".
        try site.build(drafts: true, future: true)
        #expect(try site.read("newsletter/weekly-12/index.html").contains("Berty Weekly #12: Hello again"))
        #expect(try site.read("weekly/12/index.html").contains("newsletter/weekly-12/"))
    }

    @Test func numbersUnpaddedFoldersAndTOMLFrontMatterFromAFileArchetype() throws {
        let site = try TestSite([
            "config.toml": "title = \"Berty\"\n",
            "content/news/news-9/index.md": Self.issue(9, folder: "news-9", date: "2026-11-10T18:30:00Z", toml: true),
            "content/news/news-10/index.md": Self.issue(10, folder: "news-10", date: "2026-11-17T18:30:00Z", toml: true),
            "archetypes/news.md": "+++\ntitle = \"{{ .Name }}\"\ndraft = false\n\n[params]\nsource = \"archetype\"\n+++\n",
        ])
        let day = ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z")!
        let made = try NewsletterIssue(options: BuildOptions(source: site.root), section: "news").create(date: day, now: Self.now)
        #expect(made == ["content/news/news-11/index.md"])
        let text = try String(contentsOf: site.root.appendingPathComponent("content/news/news-11/index.md"), encoding: .utf8)
        #expect(text == "+++\ntitle = \"Berty Weekly #11\"\ndraft = true\ndate = 2026-12-01T18:30:00Z\naliases = [\"/weekly/11/\"]\n\n[params]\nsource = \"archetype\"\n+++\n")
    }

    @Test func theConfigurationNamesTheSectionAndTheWeekday() throws {
        let site = try TestSite([
            "config.yaml": "title: Berty\nnewsletter:\n  section: letters\n  weekday: Tuesday\n",
            "content/letters/weekly-11/index.md": Self.issue(11, folder: "weekly-11", date: "2026-11-20T10:00:00Z"),
        ])
        let made = try NewsletterIssue(options: BuildOptions(source: site.root)).create(now: Self.now)
        #expect(made == ["content/letters/weekly-12/index.md"])
        #expect(try String(contentsOf: site.root.appendingPathComponent(made[0]), encoding: .utf8).contains("date: 2026-12-01T10:00:00Z"))
        try site.write("config.yaml", "title: Berty\nnewsletter:\n  weekday: caturday\n")
        #expect(throws: DiagnosticList.self) { try NewsletterIssue(options: BuildOptions(source: site.root)).create(now: Self.now) }
    }

    @Test func archetypesSeeTheIssueNumber() throws {
        let site = try TestSite([
            "config.yaml": "title: Berty\n",
            "content/newsletter/weekly-10/index.md": Self.issue(10, folder: "weekly-10", date: "2026-11-13T10:00:00Z"),
            "content/newsletter/weekly-11/index.md": Self.issue(11, folder: "weekly-11", date: "2026-11-20T10:00:00Z"),
            "archetypes/newsletter/index.md": "---\ntitle: \"{{ .Name }}\"\n---\nIssue {{ .IssueNumber }}{{ with .IssueNumber }}, after {{ sub . 1 }}{{ end }}.\n",
            "archetypes/default.md": "---\ntitle: \"{{ .Name }}\"\n---\nIssue {{ .IssueNumber }}{{ with .IssueNumber }}, after {{ sub . 1 }}{{ end }}.\n",
        ])
        _ = try NewsletterIssue(options: BuildOptions(source: site.root)).create(now: Self.now)
        func content(_ path: String) throws -> String { try String(contentsOf: site.root.appendingPathComponent("content/" + path), encoding: .utf8) }
        #expect(try content("newsletter/weekly-12/index.md").hasSuffix("---\nIssue 12, after 11.\n"))
        // Made by path in the newsletter section: the number after the highest there, now 12.
        _ = try NewContent(options: BuildOptions(source: site.root)).create("newsletter/special", now: Self.now)
        #expect(try content("newsletter/special/index.md").hasSuffix("---\nIssue 13, after 12.\n"))
        // Elsewhere, 0.
        _ = try NewContent(options: BuildOptions(source: site.root)).create("blog/post.md", now: Self.now)
        #expect(try content("blog/post.md").hasSuffix("---\nIssue 0.\n"))
    }

    @Test func aSectionWithoutIssuesStartsAtOneToday() throws {
        let site = try TestSite(["config.yaml": "title: Berty\n", "content/newsletter/_index.md": "---\ntitle: Weekly\n---\n"])
        let made = try NewsletterIssue(options: BuildOptions(source: site.root)).create(now: Self.now)
        #expect(made == ["content/newsletter/issue-1/index.md"])
        let text = try String(contentsOf: site.root.appendingPathComponent(made[0]), encoding: .utf8)
        #expect(text.contains("title: \"Issue #1\"\ndate: 2026-11-25T08:00:00Z\ndraft: true\n"))
    }
}
