import Foundation
import Testing
@testable import SiteGen

/// One build reports every error it can find, each once, at the file and key that caused it.
@Suite struct ErrorReportingTests {
    @Test func errorsOfEveryStageArriveInOneBuild() throws {
        let site = try TestSite([
            "content/good.md": "---\ntitle: Good\n---\nFine.",
            "content/bad-front-matter.md": "---\ntitle: [\n---\n",
            "content/unknown-shortcode.md": "---\ntitle: Shortcode\n---\nText {{< nosuch >}}",
            "templates/_default/single.mustache": "<h1>{{page.title}}</h1>\n<p>{{page.titel}}</p>\n",
        ])
        let errors = site.failedBuild().map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/bad-front-matter.md:") })
        #expect(errors.contains { $0.hasPrefix("content/unknown-shortcode.md:4:6: error:") })
        #expect(errors.contains("templates/_default/single.mustache:2:4: error: unknown template key 'titel'"))
    }

    @Test func aTemplateErrorIsReportedOnceHoweverManyPagesMeetIt() throws {
        var files = ["templates/_default/single.mustache": "{{page.nosuch}}"]
        for index in 1...12 { files["content/page-\(index).md"] = "---\ntitle: Page \(index)\n---\n" }
        let errors = try TestSite(files).failedBuild()
        #expect(errors.map(\.description) == ["templates/_default/single.mustache:1:1: error: unknown template key 'nosuch'"])
    }

    @Test func aBrokenLanguageCodeIsAnErrorAtTheConfigurationKey() throws {
        let site = try TestSite(["config.yaml": "title: T\ndefaultContentLanguage: \"en](\"\n", "content/a.md": "---\ntitle: A\n---\n"])
        let errors = site.failedBuild().map(\.description)
        #expect(errors == ["config.yaml:2:1: error: `defaultContentLanguage` must be a language code such as en or pt-br, found \"en](\""])
    }

    @Test func aLanguageKeyThatIsNoCodeIsAnError() throws {
        let site = try TestSite(["config.toml": "[languages]\n[languages.en]\nweight = 1\n[languages.\"f r\"]\nweight = 2\n"])
        let errors = site.failedBuild().map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.toml:") == true)
        #expect(errors.first?.contains("\"f r\"") == true)
    }

    @Test func aPermalinkTokenTypoIsAnErrorAtItsKey() throws {
        let site = try TestSite(["config.yaml": "title: T\npermalinks:\n  posts: /:year/:sMug/\n",
                                 "content/posts/a.md": "---\ntitle: A\n---\n"])
        let errors = site.failedBuild().map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.yaml:2:1: error: `permalinks.posts` must be a pattern of the tokens :contentbasename :day") == true)
        #expect(errors.first?.hasSuffix("found \"/:year/:sMug/\"") == true)
    }
}
