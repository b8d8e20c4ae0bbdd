import Testing
@testable import SiteGen

@Suite struct MarkdownSummaryTests {
    private func render(_ markdown: String, configure: (inout MarkdownOptions) -> Void = { _ in }) -> RenderedMarkdown {
        var options = MarkdownOptions()
        configure(&options)
        return MarkdownRenderer(options: options).render(markdown) { destination, _ in destination }
    }

    @Test func manualSummaryEndsAtTheDivider() {
        let rendered = render("First *para*.\n\nSecond.\n\n<!--more-->\n\nThe rest.\n")
        #expect(rendered.hasManualSummary)
        #expect(rendered.isTruncated)
        #expect(rendered.summaryHTML == "<p>First <em>para</em>.</p>\n<p>Second.</p>\n")
        #expect(rendered.html == "<p>First <em>para</em>.</p>\n<p>Second.</p>\n<p>The rest.</p>\n")
    }

    @Test func dividerToleratesWhitespaceAndInterruptsAParagraph() {
        let rendered = render("Intro line\n<!-- more -->\nAfter.\n") { $0.unsafeHTML = true }
        #expect(rendered.hasManualSummary)
        #expect(rendered.summaryHTML == "<p>Intro line</p>\n")
        #expect(rendered.html == "<p>Intro line</p>\n<p>After.</p>\n")
    }

    @Test func dividerAtTheEndIsNotATruncation() {
        let rendered = render("All of it.\n\n<!--more-->\n")
        #expect(rendered.hasManualSummary)
        #expect(!rendered.isTruncated)
        #expect(rendered.summaryHTML == rendered.html)
    }

    @Test func automaticSummaryTakesWholeBlocksUntilTheWordLimit() {
        let markdown = "One two three.\n\nFour five.\n\nSix seven.\n\nEight nine ten.\n"
        let rendered = render(markdown) { $0.summaryLength = 5 }
        #expect(!rendered.hasManualSummary)
        #expect(rendered.isTruncated)
        #expect(rendered.summaryHTML == "<p>One two three.</p>\n<p>Four five.</p>\n")

        let whole = render(markdown)
        #expect(!whole.isTruncated)
        #expect(whole.summaryHTML == whole.html)
    }

    @Test func automaticSummaryStopsBeforeTheFirstHeadingAfterText() {
        let rendered = render("Intro words.\n\n## Details\n\nMore words follow here.\n") { $0.summaryLength = 70 }
        #expect(rendered.isTruncated)
        #expect(rendered.summaryHTML == "<p>Intro words.</p>\n")

        let leading = render("## Title first\n\nBody.\n\n## Next\n\nRest.\n")
        #expect(leading.summaryHTML == "<h2 id=\"title-first\">Title first</h2>\n<p>Body.</p>\n")
    }

    @Test func footnotesAreNotSummaryBlocks() {
        let rendered = render("Short.[^1]\n\n[^1]: A note.\n")
        #expect(!rendered.isTruncated)
        #expect(rendered.summaryHTML == rendered.html)

        let cut = render("Short.[^1]\n\nMore words here.\n\n[^1]: A note.\n") { $0.summaryLength = 1 }
        #expect(cut.isTruncated)
        #expect(cut.summaryHTML == """
            <p>Short.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>

            """)
    }

    @Test func emptyDocument() {
        let rendered = render("")
        #expect(rendered.html == "")
        #expect(rendered.summaryHTML == "")
        #expect(!rendered.isTruncated)
        #expect(!rendered.hasManualSummary)
        #expect(rendered.wordCount == 0)
    }
}
