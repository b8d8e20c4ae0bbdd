import Foundation
import Testing
@testable import SiteGen

@Suite struct MarkdownRobustnessTests {
    private func render(_ markdown: String) -> RenderedMarkdown {
        MarkdownRenderer(options: MarkdownOptions()).render(markdown) { destination, _ in destination }
    }

    @Test func mojibakePassesThrough() {
        let rendered = render("## Emoji ðŸ˜… time\n\nFlag ðŸ‡«ðŸ‡·\n")
        #expect(rendered.html == "<h2 id=\"emoji-ðÿ-time\">Emoji ðŸ˜… time</h2>\n<p>Flag ðŸ‡«ðŸ‡·</p>\n")
    }

    @Test func nulBecomesReplacementCharacter() {
        #expect(render("a\u{0}b").html == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func binaryGarbageDoesNotCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }
            let rendered = render(String(decoding: bytes, as: UTF8.self))
            #expect(!rendered.html.isEmpty)
        }
    }

    @Test func pathologicalNestingDoesNotCrash() {
        for markdown in [
            String(repeating: ">", count: 50_000) + " deep",
            String(repeating: "[", count: 50_000) + "x" + String(repeating: "](y)", count: 50_000),
            String(repeating: "*a ", count: 50_000),
            String(repeating: "- ", count: 10_000) + "item",
        ] {
            #expect(!render(markdown).html.isEmpty)
        }
    }

    @Test func oneMegabyteDocument() {
        let chunk = """
            ## Repeated heading

            Some *text* with a [link](page.md), `code` and ~~strike~~.[^1]

            | a | b |
            |---|---|
            | 1 | 2 |

            [^1]: Note.


            """
        let markdown = String(repeating: chunk, count: 1_000_000 / chunk.utf8.count + 1)
        let rendered = render(markdown)
        #expect(markdown.utf8.count > 1_000_000)
        #expect(rendered.html.contains("<h2 id=\"repeated-heading-1000\">"))
        #expect(rendered.tableOfContents.count > 1000)
    }
}
