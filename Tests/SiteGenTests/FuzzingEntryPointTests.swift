import Foundation
import Testing
@testable import SiteGen

/// The door the page fuzz target drives (`Fuzz/Page/`): its site loads, and a page's text comes out as that site's
/// build renders it, so a fuzzing run explores the real pipeline and not a broken setup that rejects every input.
@Suite struct FuzzingEntryPointTests {
    static let pipeline = Result { () throws(DiagnosticList) in
        try PagePipelineFuzzing(site: TestSite.repositoryRoot.appendingPathComponent("Fuzz/Page/site"), pagePath: "posts/fuzz.md")
    }

    @Test func rendersAPageThroughShortcodesHooksAndEmoji() throws {
        let html = try #require(try Self.pipeline.get().render("""
            ---
            title: Seed
            ---
            :tada: [other](other.md) {{< note kind="tip" >}}**inner**{{< /note >}} {{< relref "other" >}}
            """))
        #expect(html.contains("🎉"))
        #expect(html.contains(#"<a href="/docs/posts/other/" title="">other</a>"#))
        #expect(html.contains("<aside class=\"tip\"><p><strong>inner</strong></p>\n (Seed, 0)</aside>\n /docs/posts/other/"))
    }

    @Test func aPageTheBuildRejectsIsNil() throws {
        #expect(try Self.pipeline.get().render("---\ntitle: [\n---\n") == nil)
        #expect(try Self.pipeline.get().render("{{< unknown >}}") == nil)
    }
}
