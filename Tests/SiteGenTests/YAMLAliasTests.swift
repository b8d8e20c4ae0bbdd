import Foundation
import Testing
@testable import SiteGen

@Suite struct YAMLAliasTests {
    /// Nine levels of nine aliases: 306 bytes that expand to 9⁹ values (gigabytes when each one was built). The
    /// budget for 306 bytes is spent at the fifth alias of the fifth level.
    static func aliasBomb(indent: String = "") -> String {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        return names.enumerated().map { index, name in
            let items = index == 0 ? Array(repeating: "x", count: 9) : Array(repeating: "*" + names[index - 1], count: 9)
            return "\(indent)\(name): &\(name) [\(items.joined(separator: ","))]"
        }.joined(separator: "\n") + "\n"
    }

    @Test func anAliasBombIsAnErrorAtTheAliasThatExceedsTheBudget() {
        let error = #expect(throws: Diagnostic.self) { try DataParser.parse(Self.aliasBomb(), format: .yaml, file: "bomb.yaml") }
        #expect(error?.location == SourceLocation(file: "bomb.yaml", line: 5, column: 20))
        #expect(error?.message.hasPrefix("invalid YAML: the aliases expand to more than") == true)
    }

    @Test func ordinaryAliasesAndMergeKeysStillWork() throws {
        let values = try DataParser.parse("""
            defaults: &defaults {weight: 1, draft: false}
            tags: &tags [go, swift]
            post:
              <<: *defaults
              weight: 2
              tags: *tags
            again: *tags
            """, format: .yaml, file: "a.yaml")
        #expect(values["post"] == .table(["weight": .int(2), "draft": .bool(false), "tags": .array([.string("go"), .string("swift")])]))
        #expect(values["again"] == .array([.string("go"), .string("swift")]))
    }

    @Test func anUndefinedAliasIsAnError() {
        let error = #expect(throws: Diagnostic.self) { try DataParser.parse("a: 1\nb: *nothing\n", format: .yaml, file: "a.yaml") }
        #expect(error?.location == SourceLocation(file: "a.yaml", line: 2, column: 4))
    }

    /// In front matter, in the configuration's `params` and in `i18n/`, the bomb fails the build at the alias.
    @Test func anAliasBombFailsTheBuildInEveryFile() throws {
        let page = try TestSite(["content/post.md": "---\ntitle: x\n" + Self.aliasBomb() + "---\nBody\n"]).failedBuild()
        #expect(page.map(\.location) == [SourceLocation(file: "content/post.md", line: 7, column: 20)])

        let config = try TestSite(["config.yaml": "title: x\nparams:\n" + Self.aliasBomb(indent: "  ")]).failedBuild()
        #expect(config.map(\.location) == [SourceLocation(file: "config.yaml", line: 7, column: 22)])

        let strings = try TestSite(["i18n/en.yaml": Self.aliasBomb()]).failedBuild()
        #expect(strings.map(\.location) == [SourceLocation(file: "i18n/en.yaml", line: 5, column: 20)])
    }

    /// A theme's example content sets `aliases` twice; Hugo builds it with the last list, and so does SiteGen.
    @Test func aDuplicateFrontMatterKeyBuildsWithTheLastValueAndWarns() throws {
        let site = try TestSite(["content/post.md": "---\ntitle: Post\naliases: [/old/]\naliases: [/older/]\n---\nBody\n"])
        let report = try site.build()
        #expect(site.exists("older/index.html"))
        #expect(!site.exists("old/index.html"))
        #expect(report.warnings == [.warning("content/post.md", line: 4, column: 1,
                                             "duplicate key `aliases` (also on line 3): the last value is used, as Hugo does")])
    }
}
