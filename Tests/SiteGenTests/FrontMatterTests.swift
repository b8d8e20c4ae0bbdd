import Foundation
import Testing
@testable import SiteGen

@Suite struct FrontMatterParserTests {
    static let midnight = Date(timeIntervalSince1970: 1_576_195_200) // 2019-12-13T00:00:00Z

    @Test func parsesTheNewsletterFixture() throws {
        let text = try TestSite.fixture("newsletter-issue.md")
        let document = try FrontMatterParser.parse(text, file: "content/newsletter/weekly-25.md")
        #expect(document.format == .yaml)
        #expect(document.values["title"] == .string("Berty Weekly #25"))
        #expect(document.values["date"] == .date(Self.midnight))
        #expect(document.values["aliases"] == .array([.string("/newsletter/weekly-25")]))
        #expect(document.body.hasPrefix("\n\nHello to all!"))
        #expect(document.bodyStartLine == 6)
        #expect(document.keyLines == ["title": 2, "date": 3, "aliases": 4])

        let frontMatter = try FrontMatter(values: document.values, taxonomies: ["tags"], file: "weekly-25.md", keyLines: document.keyLines)
        #expect(frontMatter.title == "Berty Weekly #25")
        #expect(frontMatter.date == Self.midnight)
        #expect(frontMatter.aliases == ["/newsletter/weekly-25"])
    }

    @Test func bodyLinesMapToFileLines() throws {
        let text = "---\ntitle: x\n---\n\nFirst paragraph\n"
        let document = try FrontMatterParser.parse(text, file: "a.md")
        let lines = document.body.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex(of: "First paragraph"))
        #expect(document.bodyStartLine + index == 5)
    }

    @Test func yamlMayCloseWithDots() throws {
        let document = try FrontMatterParser.parse("---\ntitle: x\n...\nBody\n", file: "a.md")
        #expect(document.values == ["title": .string("x")])
        #expect(document.body == "\nBody\n")
        #expect(document.bodyStartLine == 3)
    }

    @Test func toml() throws {
        let text = "+++\ntitle = \"T\"\ndate = 2019-12-13\ntags = [\"a\"]\n+++\nBody text\n"
        let document = try FrontMatterParser.parse(text, file: "a.md")
        #expect(document.format == .toml)
        #expect(document.values["title"] == .string("T"))
        #expect(document.values["date"] == .date(Self.midnight))
        #expect(document.keyLines == ["title": 2, "date": 3, "tags": 4])
        #expect(document.body == "\nBody text\n")
        #expect(document.bodyStartLine == 5)
    }

    @Test func json() throws {
        let text = "{\n  \"title\": \"Braces } in { strings \\\" too\",\n  \"params\": {\"x\": 1}\n}\nBody {not json}\n"
        let document = try FrontMatterParser.parse(text, file: "a.md")
        #expect(document.format == .json)
        #expect(document.values["title"] == .string("Braces } in { strings \" too"))
        #expect(document.values["params"] == .table(["x": .int(1)]))
        #expect(document.keyLines == ["title": 2, "params": 3])
        #expect(document.body == "\nBody {not json}\n")
        #expect(document.bodyStartLine == 4)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}---\r\ntitle: x\r\ndraft: true\r\n---\r\nLine one\r\nLine two\r\n"
        let document = try FrontMatterParser.parse(text, file: "a.md")
        #expect(document.format == .yaml)
        #expect(document.values == ["title": .string("x"), "draft": .bool(true)])
        #expect(document.body == "\nLine one\nLine two\n")
        #expect(document.bodyStartLine == 4)
    }

    @Test func onlyFrontMatter() throws {
        let document = try FrontMatterParser.parse("---\ntitle: x\n---", file: "a.md")
        #expect(document.values == ["title": .string("x")])
        #expect(document.body == "")
        #expect(document.bodyStartLine == 3)
    }

    @Test func emptyFrontMatter() throws {
        let document = try FrontMatterParser.parse("---\n---\nBody\n", file: "a.md")
        #expect(document.format == .yaml)
        #expect(document.values.isEmpty)
        #expect(document.body == "\nBody\n")
    }

    @Test func noFrontMatter() throws {
        for text in ["# Title\n\nBody\n", "", "\n\nJust text\n", "----\nnot a fence\n"] {
            let document = try FrontMatterParser.parse(text, file: "a.md")
            #expect(document.format == .none)
            #expect(document.values.isEmpty)
            #expect(document.body == text)
            #expect(document.bodyStartLine == 1)
        }
    }

    @Test func blankLinesBeforeTheFenceCount() throws {
        let document = try FrontMatterParser.parse("\n\n---\ntitle: x\n---\nBody\n", file: "a.md")
        #expect(document.values == ["title": .string("x")])
        #expect(document.keyLines == ["title": 4])
        #expect(document.bodyStartLine == 5)
    }

    @Test func fenceWithTrailingSpaces() throws {
        let document = try FrontMatterParser.parse("---  \ntitle: x\n--- \nBody\n", file: "a.md")
        #expect(document.values == ["title": .string("x")])
        #expect(document.body == "\nBody\n")
    }

    @Test(arguments: [("---\ntitle: x\n", "---"), ("+++\ntitle = 'x'\n", "+++"), ("{\"title\": \"x\"\n", "{")])
    func unclosedFrontMatterIsAnError(text: String, fence: String) {
        let error = #expect(throws: Diagnostic.self) { try FrontMatterParser.parse(text, file: "content/a.md") }
        #expect(error?.location == SourceLocation(file: "content/a.md", line: 1, column: 1))
        #expect(error?.message == "front matter opened with \(fence) is never closed")
    }

    @Test func yamlErrorsPointAtTheFileLine() {
        let text = "---\ntitle: ok\ntags: [a, b\nweight: 3\n---\nBody\n"
        let error = #expect(throws: Diagnostic.self) { try FrontMatterParser.parse(text, file: "a.md") }
        #expect(error?.location.file == "a.md")
        #expect(error?.location.line == 4)
    }

    @Test func tomlAndJSONErrorsPointAtTheFileLine() {
        let toml = #expect(throws: Diagnostic.self) {
            try FrontMatterParser.parse("+++\ntitle = \"ok\"\nweight = \n+++\n", file: "a.md")
        }
        #expect(toml?.location.line == 3)
        let json = #expect(throws: Diagnostic.self) {
            try FrontMatterParser.parse("\n{\n  \"a\": 1,\n  \"b\": nope\n}\n", file: "b.md")
        }
        #expect(json?.location.line == 4)
    }
}

@Suite struct FrontMatterTests {
    static let midnight = Date(timeIntervalSince1970: 1_576_195_200) // 2019-12-13T00:00:00Z

    func frontMatter(_ yaml: String, taxonomies: [String] = ["tags", "categories"]) throws -> FrontMatter {
        let document = try FrontMatterParser.parse("---\n\(yaml)\n---\n", file: "a.md")
        return try FrontMatter(values: document.values, taxonomies: taxonomies, file: "a.md", keyLines: document.keyLines)
    }

    @Test func readsEveryKey() throws {
        let matter = try frontMatter("""
            title: Title
            date: 2019-12-13
            publishDate: 2019-12-14
            lastmod: 2019-12-15T10:00:00Z
            expiryDate: 2020-01-01
            draft: true
            aliases: [/old, /older]
            tags: [go, swift]
            categories: news
            series: [ignored]
            author: Ann
            authors: [Bob, Ann]
            description: Desc
            summary: Sum
            image: /img.png
            slug: my-slug
            url: /custom/
            weight: 5
            type: post
            layout: wide
            headless: true
            custom: value
            params:
              custom: override
              extra: 1
            """)
        #expect(matter.title == "Title")
        #expect(matter.date == Self.midnight)
        #expect(matter.publishDate == Self.midnight.addingTimeInterval(86_400))
        #expect(matter.lastmod == Self.midnight.addingTimeInterval(2 * 86_400 + 36_000))
        #expect(matter.expiryDate == Date(timeIntervalSince1970: 1_577_836_800))
        #expect(matter.draft)
        #expect(matter.aliases == ["/old", "/older"])
        #expect(matter.taxonomies == ["tags": ["go", "swift"], "categories": ["news"]])
        #expect(matter.authors == ["Bob", "Ann"])
        #expect(matter.description == "Desc")
        #expect(matter.summary == "Sum")
        #expect(matter.image == "/img.png")
        #expect(matter.slug == "my-slug")
        #expect(matter.url == "/custom/")
        #expect(matter.weight == 5)
        #expect(matter.type == "post")
        #expect(matter.layout == "wide")
        #expect(matter.headless)
        #expect(matter.params["custom"] == .string("override"))
        #expect(matter.params["extra"] == .int(1))
        #expect(matter.params["series"] == .array([.string("ignored")]))
        #expect(matter.params["title"] == .string("Title"))
        #expect(matter.params["params"] == nil)
    }

    @Test func defaults() throws {
        let matter = try FrontMatter(values: [:], taxonomies: ["tags"], file: "a.md", keyLines: [:])
        #expect(matter.title == nil)
        #expect(matter.date == nil)
        #expect(!matter.draft)
        #expect(matter.aliases.isEmpty)
        #expect(matter.taxonomies.isEmpty)
        #expect(matter.authors.isEmpty)
        #expect(matter.weight == 0)
        #expect(matter.menus.isEmpty)
        #expect(!matter.headless)
        #expect(matter.params.isEmpty)
    }

    @Test func keysAreCaseInsensitive() throws {
        let matter = try frontMatter("Title: Upper\nDATE: 2019-12-13\nDraft: false\nTags: [a]\nWeight: 2")
        #expect(matter.title == "Upper")
        #expect(matter.date == Self.midnight)
        #expect(matter.taxonomies == ["tags": ["a"]])
        #expect(matter.weight == 2)
        #expect(matter.params["Title"] == .string("Upper"))
    }

    @Test func datesFallBackAsInHugo() throws {
        let published = try frontMatter("publishDate: 2019-12-13")
        #expect(published.date == Self.midnight)
        #expect(published.publishDate == Self.midnight)
        #expect(published.lastmod == Self.midnight)
        let dated = try frontMatter("date: \"2019-12-13T10:00:00+01:00\"\nunpublishdate: 2019-12-14")
        #expect(dated.date == Self.midnight.addingTimeInterval(9 * 3_600))
        #expect(dated.publishDate == dated.date)
        #expect(dated.lastmod == dated.date)
        #expect(dated.expiryDate == Self.midnight.addingTimeInterval(86_400))
    }

    @Test func lenientForms() throws {
        let matter = try frontMatter("draft: \"true\"\ntags: go\ntitle: 2019\nweight: \"3\"\nimages: [/a.png, /b.png]\nauthor: [Ann, Bob]")
        #expect(matter.draft)
        #expect(matter.taxonomies["tags"] == ["go"])
        #expect(matter.title == "2019")
        #expect(matter.weight == 3)
        #expect(matter.image == "/a.png")
        #expect(matter.authors == ["Ann", "Bob"])
    }

    @Test func dateWrittenWhereTextIsExpected() throws {
        let matter = try frontMatter("title: 2019-12-13\nsummary: 2019-12-13T10:00:00Z")
        #expect(matter.title == "2019-12-13")
        #expect(matter.summary == "2019-12-13T10:00:00Z")
    }

    @Test func menusInAllThreeForms() throws {
        #expect(try frontMatter("menu: main").menus == [MenuEntrySpec(menu: "main")])
        #expect(try frontMatter("menu: [main, footer]").menus == [MenuEntrySpec(menu: "main"), MenuEntrySpec(menu: "footer")])
        let detailed = try frontMatter("""
            menu:
              main:
                weight: 10
                name: Docs
                parent: guides
                identifier: docs
                pre: <i></i>
                post: "!"
                title: Read the docs
              footer: {}
            """)
        #expect(detailed.menus == [
            MenuEntrySpec(menu: "footer"),
            MenuEntrySpec(menu: "main", name: "Docs", weight: 10, parent: "guides", identifier: "docs", pre: "<i></i>", post: "!", title: "Read the docs"),
        ])
        #expect(try frontMatter("Menus: main").menus == [MenuEntrySpec(menu: "main")])
    }

    @Test func wrongTypesAreAllReportedAtTheirLines() throws {
        let text = """
            ---
            title: ok
            date: tomorrow
            weight: heavy
            aliases: 5
            draft: maybe
            tags: {a: 1}
            menu:
              main: {weight: many}
            params: 3
            ---
            Body
            """
        let document = try FrontMatterParser.parse(text, file: "content/post.md")
        let error = #expect(throws: DiagnosticList.self) {
            try FrontMatter(values: document.values, taxonomies: ["tags"], file: "content/post.md", keyLines: document.keyLines)
        }
        let diagnostics = try #require(error?.diagnostics).sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
        #expect(diagnostics.map(\.location) == [3, 4, 5, 6, 7, 8, 10].map { SourceLocation(file: "content/post.md", line: $0, column: 1) })
        #expect(diagnostics.map(\.message) == [
            "`date` must be a date such as 2019-12-13 or 2019-12-13T10:00:00+01:00, found \"tomorrow\"",
            "`weight` must be an integer, found \"heavy\"",
            "`aliases` must be a list of strings, found 5",
            "`draft` must be true or false, found \"maybe\"",
            "`tags` must be a list of strings, found a table",
            "`menu.main.weight` must be an integer, found \"many\"",
            "`params` must be a table, found 3",
        ])
    }

    @Test func onlyConfiguredTaxonomies() throws {
        let matter = try frontMatter("tags: [a]\nseries: [b]", taxonomies: ["series"])
        #expect(matter.taxonomies == ["series": ["b"]])
    }
}
