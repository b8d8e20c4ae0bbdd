import Foundation
import Testing
@testable import SiteGen

/// What a page, the configuration and `i18n/` may hold byte for byte, and what JSON front matter may not.
@Suite struct SourceEncodingTests {
    @Test func invalidUTF8IsAnErrorAtTheFirstBadByte() throws {
        let site = try TestSite()
        try site.write("content/post.md", Data("---\ntitle: ok\n---\nCafé ".utf8) + Data([0xE9, 0x20, 0xFF]) + Data("\n".utf8))
        let diagnostics = site.failedBuild()
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "content/post.md", line: 4, column: 6)])
        #expect(diagnostics.first?.message.hasPrefix("the file is not valid UTF-8: byte 0xE9") == true)
    }

    @Test func invalidUTF8InTheConfigurationAndStrings() throws {
        let config = try TestSite()
        try config.write("config.yaml", Data("title: x\nparams: {a: \"".utf8) + Data([0xFF]) + Data("\"}\n".utf8))
        #expect(config.failedBuild().map(\.location) == [SourceLocation(file: "config.yaml", line: 2, column: 14)])

        let strings = try TestSite()
        try strings.write("i18n/en.toml", Data("readMore = \"".utf8) + Data([0xC3]) + Data("\"\n".utf8))
        #expect(strings.failedBuild().map(\.location) == [SourceLocation(file: "i18n/en.toml", line: 1, column: 13)])
    }

    @Test func aByteOrderMarkCRLFAndNULBytesAreAccepted() throws {
        let site = try TestSite(["templates/_default/single.mustache": "<h1>{{page.title}}</h1>{{{page.content}}}"])
        try site.write("content/post.md", Data("\u{FEFF}---\r\ntitle: Hi\r\n---\r\nA\u{0}B\r\n".utf8))
        try site.build()
        let html = try site.read("post/index.html")
        #expect(html.contains("<h1>Hi</h1>"))
    }

    /// Foundation's parser takes `{"title": "x",}`; JSON and Hugo do not.
    @Test func jsonFrontMatterWithATrailingCommaIsAnError() {
        let object = #expect(throws: Diagnostic.self) {
            try FrontMatterParser.parse("\n{\n  \"title\": \"x\",\n  \"tags\": [\"a\"]\n,}\nBody\n", file: "a.md")
        }
        #expect(object?.location == SourceLocation(file: "a.md", line: 5, column: 1))
        #expect(object?.message == "invalid JSON: a comma may not come before the closing bracket or brace")

        let array = #expect(throws: Diagnostic.self) {
            try FrontMatterParser.parse("{\"title\": \"x\", \"tags\": [\"a\", ]}\n", file: "a.md")
        }
        #expect(array?.location == SourceLocation(file: "a.md", line: 1, column: 28))
    }
}
