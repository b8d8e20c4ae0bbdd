import Foundation
import Testing
@testable import SiteGen
import Thumbnails

/// `sitegen check`'s encodings, on a newsletter of our own with the damage real ones have: emoji
/// and flags (four bytes each), a typographic apostrophe (three) and accents (two), all once read
/// as Windows-1252 and written again.
@Suite struct SiteCheckTests {
    static let damaged = "---\ntitle: \"Weekly #3\"\n---\nSee you soon ðŸ˜… at the cafÃ©!\nIt\u{E2}\u{20AC}\u{2122}s in Paris, FR ðŸ‡«ðŸ‡·.\n"
    static let repaired = "---\ntitle: \"Weekly #3\"\n---\nSee you soon 😅 at the café!\nIt’s in Paris, FR 🇫🇷.\n"

    @Test func mojibakeIsFoundWithItsExactRepair() {
        let findings = Mojibake.findings(in: Self.damaged)
        #expect(findings == [
            .init(line: 4, column: 14, found: "ðŸ˜…", repaired: "😅"),
            .init(line: 4, column: 29, found: "Ã©", repaired: "é"),
            .init(line: 5, column: 3, found: "\u{E2}\u{20AC}\u{2122}", repaired: "’"),
            .init(line: 5, column: 21, found: "ðŸ‡«ðŸ‡·", repaired: "🇫🇷"),
        ])
        #expect(Mojibake.repaired(Self.damaged) == Self.repaired)
        #expect(Mojibake.damaged(Self.repaired) == Self.damaged)
    }

    @Test func cleanTextHasNoMojibake() {
        for text in [Self.repaired, "São Tomé, Ålesund, Ça va, naïve, Zürich", "À bientôt — « déjà » 100 °C", "Ã alone, and Â then a space"] {
            #expect(Mojibake.findings(in: text) == [], "\(text)")
        }
    }

    @Test func theCheckReportsAndTheFixRepairsWithABackup() throws {
        let site = try TestSite([
            "config.yaml": "title: T\n",
            "content/newsletter/weekly-03/index.md": Self.damaged,
            "content/clean.md": "---\ntitle: Clean\n---\nAll good: 😅 café.\n",
        ])
        try site.write("content/marked.md", Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: M\n---\nText\n".utf8)))
        try site.write("content/broken.md", Data(Array("---\ntitle: B\n---\nbad ".utf8) + [0xFF] + Array(" byte\n".utf8)))
        let check = SiteCheck(options: BuildOptions(source: site.root))
        let findings = try check.findings()
        #expect(findings.map(\.location.description) == [
            "content/broken.md:4:5", "content/marked.md:1:1",
            "content/newsletter/weekly-03/index.md:4:14", "content/newsletter/weekly-03/index.md:4:29",
            "content/newsletter/weekly-03/index.md:5:3", "content/newsletter/weekly-03/index.md:5:21",
        ])
        #expect(findings.map(\.severity) == [.error] + Array(repeating: .warning, count: 5))
        #expect(findings[2].message.contains("ðŸ˜… → 😅"))
        let json = try JSONSerialization.jsonObject(with: Data(SiteCheck.report(findings, format: .json).utf8)) as? [String: Any]
        #expect(json?["errors"] as? Int == 1 && json?["warnings"] as? Int == 5)
        #expect(SiteCheck.report(findings, format: .text).hasSuffix("1 error, 5 warnings\n"))

        let now = ISO8601DateFormatter().date(from: "2026-12-04T10:00:00Z")!
        #expect(try check.fix(now: now) == ["content/marked.md", "content/newsletter/weekly-03/index.md"])
        let issue = site.root.appendingPathComponent("content/newsletter/weekly-03/index.md")
        #expect(try String(contentsOf: issue, encoding: .utf8) == Self.repaired)
        #expect(try Data(contentsOf: site.root.appendingPathComponent("content/marked.md")) == Data("---\ntitle: M\n---\nText\n".utf8))
        let backup = site.root.appendingPathComponent(".sitegen-backups/2026-12-04T10-00-00Z/content/newsletter/weekly-03/index.md")
        #expect(try String(contentsOf: backup, encoding: .utf8) == Self.damaged)
        // What cannot be repaired without loss is left as it was.
        #expect(try check.findings().map(\.location.description) == ["content/broken.md:4:5"])
    }

    @Test func aBuildWarnsAboutMojibake() throws {
        let site = try TestSite(["config.yaml": "title: T\n", "content/newsletter/weekly-03/index.md": Self.damaged])
        let report = try site.build()
        #expect(Set(report.warnings.map(\.location.description).filter { $0.hasPrefix("content/newsletter") }) == [
            "content/newsletter/weekly-03/index.md:4:14", "content/newsletter/weekly-03/index.md:4:29",
            "content/newsletter/weekly-03/index.md:5:3", "content/newsletter/weekly-03/index.md:5:21",
        ])
        #expect(report.warnings.contains { $0.message.contains("ðŸ‡«ðŸ‡· is 🇫🇷") })
    }
}

/// `sitegen check`'s front matter and bundle files: each finding on a small site that has it, and
/// a clean site that has none.
@Suite struct ContentCheckTests {
    static let now = ISO8601DateFormatter().date(from: "2026-12-04T10:00:00Z")!

    static func image(_ width: Int, _ height: Int) throws -> Data {
        try Image(width: width, height: height, color: RGBColor(red: 200, green: 40, blue: 90)).encoded(as: .jpeg)
    }

    @Test func aCleanSiteHasNothingToReport() throws {
        let site = try TestSite([
            "config.yaml": "title: T\n",
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/newsletter/weekly-01/index.md": "---\ntitle: W1\ndate: 2026-11-20\nimage: card.jpg\ntags: [news]\n---\nSee ![the chart](chart.jpg).\n",
            "content/zoned.md": "---\ntitle: Zoned\ndate: \"2026-11-20T09:00:00+01:00\"\nlastmod: 2026-11-21 10:00:00Z\n---\n",
        ])
        try site.write("content/newsletter/weekly-01/card.jpg", try Self.image(191, 100))
        try site.write("content/newsletter/weekly-01/chart.jpg", try Self.image(40, 30))
        #expect(try SiteCheck(options: BuildOptions(source: site.root)).findings(now: Self.now) == [])
    }

    @Test func eachProblemIsFoundAtItsFile() throws {
        let site = try TestSite([
            "config.yaml": "title: T\ntaxonomies:\n  tag: tags\n",
            "content/untitled.md": "---\ndate: 2026-11-01\n---\nNo title.\n",
            "content/blog/soon.md": "---\ntitle: Soon\ndate: 2027-01-01\n---\n",
            "content/blog/later.md": "---\ntitle: Later\ndraft: true\ndate: 2027-01-01\n---\n",
            "content/blog/filed.md": "---\ntitle: Filed\ncategories: [releases]\ntags: [ok]\n---\n",
            "content/newsletter/weekly-02/index.md": "---\ntitle: W2\nimage: cover.jpg\n---\n![diagram](diagram.png) and ![map](map.png)\n",
            "content/newsletter/weekly-02/map.png": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n",
            "content/newsletter/weekly-02/diagram.png": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
            "content/newsletter/weekly-02/notes.txt": "old notes\n",
            "content/blog/local.md": "---\ntitle: Local\ndate: 2026-11-02T09:00:00\n---\n",
            "content/blog/local-toml.md": "+++\ntitle = 'Local'\npublishDate = 2026-11-02T09:30:00\n+++\n",
        ])
        try site.write("content/newsletter/weekly-02/cover.jpg", try Self.image(150, 100))
        let findings = try SiteCheck(options: BuildOptions(source: site.root)).findings(now: Self.now)
        let described = findings.map { "\($0.location) \($0.severity.rawValue) \($0.message.prefix(24))" }
        #expect(described == [
            "content/blog/filed.md:3:1 warning categories is not a taxo",
            "content/blog/local-toml.md:3:1 warning publishDate 2026-11-02T0",
            "content/blog/local.md:3:1 warning date 2026-11-02T09:00:00",
            "content/blog/soon.md:3:1 warning not a draft, but dated 2",
            "content/newsletter/weekly-02/diagram.png warning the file has an image ex",
            "content/newsletter/weekly-02/index.md:3:1 warning shares cover.jpg (150×10",
            "content/newsletter/weekly-02/map.png warning the file is a Git LFS po",
            "content/newsletter/weekly-02/notes.txt warning not mentioned by its pag",
            "content/untitled.md:1:1 warning no title: lists, feeds a",
        ])
        #expect(findings.contains { $0.message.contains("1.50:1") })
    }
}

/// `sitegen check`'s links, followed in the built site: each broken one at its Markdown's line
/// and column, a layout's once for all the pages it breaks on.
@Suite struct LinkCheckTests {
    @Test func brokenLinksAnchorsAndImagesAreFoundWhereTheyAreWritten() throws {
        let site = try TestSite([
            "config.yaml": "baseURL: https://example.org/docs/\ntitle: T\n",
            "layouts/_default/single.html": "<main>{{ .Content }}</main><a href=\"/docs/nowhere/\">x</a><a href=\"https://example.org/docs/about/\">ok</a>",
            "layouts/_default/list.html": "{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}",
            "content/about.md": "---\ntitle: About\n---\n## Who we are\n\nSee [the team](/docs/team/) and [us](#who-we-are).\n",
            "content/blog/post/index.md": "---\ntitle: Post\n---\nRead [about](../../about/#who-we-are), [gone](../gone/) and [its part](/docs/about/#missing).\n\n![chart](chart.png) ![here](photo.png) [mail](mailto:a@example.org) [out](https://elsewhere.example/x)\n",
        ])
        try site.write("content/blog/post/photo.png", try Image(width: 4, height: 4, color: RGBColor(red: 1, green: 2, blue: 3)).encoded(as: .png))
        let findings = try SiteCheck(options: BuildOptions(source: site.root)).findings().filter { $0.message.hasPrefix("links to") }
        #expect(findings.map { "\($0.location) \($0.message.prefix(34))" } == [
            "content/about.md links to /docs/nowhere/, which the",
            "content/about.md:6:16 links to /docs/team/, which the si",
            "content/blog/post/index.md:4:47 links to ../gone/, which the site ",
            "content/blog/post/index.md:4:72 links to /docs/about/#missing, but",
            "content/blog/post/index.md:6:10 links to chart.png, which the site",
        ])
        #expect(findings[0].message.hasSuffix("(here and 1 other page; the link is not in the Markdown: a layout, shortcode or render hook writes it)"))
        #expect(findings[3].message.contains("no element with the id \"missing\""))
    }

    @Test func aSiteWhoseLinksAllResolveHasNone() throws {
        let site = try TestSite([
            "config.yaml": "title: T\n",
            "content/about.md": "---\ntitle: About\n---\n## Who we are\n",
            "content/blog/post/index.md": "---\ntitle: Post\n---\nRead [about](/about/#who-we-are) and [again](../../about/).\n\n![here](photo.png)\n",
        ])
        try site.write("content/blog/post/photo.png", try Image(width: 4, height: 4, color: RGBColor(red: 1, green: 2, blue: 3)).encoded(as: .png))
        #expect(try SiteCheck(options: BuildOptions(source: site.root)).findings().filter { $0.message.hasPrefix("links to") } == [])
    }
}

/// `sitegen check`'s translations: which pages are missing in which language, and a translation
/// that is the default language's text word for word.
@Suite struct TranslationCheckTests {
    @Test func missingAndCopiedTranslationsAreFound() throws {
        let site = try TestSite([
            "config.yaml": "title: T\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  fr:\n    weight: 2\n  de:\n    weight: 3\n",
            "content/about.md": "---\ntitle: About\n---\nWe make things.\n",
            "content/about.fr.md": "---\ntitle: À propos\n---\nNous faisons des choses.\n",
            "content/about.de.md": "---\ntitle: Über uns\n---\nWir machen Dinge.\n",
            "content/news.md": "---\ntitle: News\n---\nAll the news.\n",
            "content/news.fr.md": "---\ntitle: Nouvelles\n---\nAll the news.\n",
        ])
        let findings = try SiteCheck(options: BuildOptions(source: site.root)).findings()
            .filter { $0.message.contains("translated") }
        #expect(findings.map { "\($0.location) \($0.message)" } == [
            "content/news.fr.md:4:1 its text is content/news.md's, in en, word for word: not translated yet?",
            "content/news.md not translated into de (1 of 2 languages)",
        ])
    }

    @Test func aSiteInOneLanguageHasNoTranslationsToCheck() throws {
        let site = try TestSite(["config.yaml": "title: T\n", "content/about.md": "---\ntitle: About\n---\nText.\n"])
        #expect(try SiteCheck(options: BuildOptions(source: site.root)).findings() == [])
    }
}
