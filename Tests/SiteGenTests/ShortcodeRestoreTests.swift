import Testing
@testable import SiteGen

@Suite struct ShortcodeRestoreTests {
    private let expansion = ShortcodeExpansion(markdown: "", placeholders: [
        "SGSHORTCODE0X": "<div>zero</div>",
        "SGSHORTCODE1X": "<b>one</b>",
        "SGSHORTCODE10X": "<i>ten</i>",
    ])

    @Test func placeholderAloneInAParagraphLosesThePTags() {
        #expect(expansion.restore(in: "<p>SGSHORTCODE0X</p>\n<p>Text</p>\n") == "<div>zero</div>\n<p>Text</p>\n")
    }

    @Test func placeholderInTextKeepsTheParagraph() {
        #expect(expansion.restore(in: "<p>See SGSHORTCODE1X and SGSHORTCODE10X.</p>\n") == "<p>See <b>one</b> and <i>ten</i>.</p>\n")
    }

    @Test func placeholderInAnAttribute() {
        #expect(expansion.restore(in: #"<a href="SGSHORTCODE1X">x</a>"#) == #"<a href="<b>one</b>">x</a>"#)
    }

    @Test func unknownOrMalformedPlaceholdersStay() {
        #expect(expansion.restore(in: "SGSHORTCODE7X SGSHORTCODEX SGSHORTCODE1 end") == "SGSHORTCODE7X SGSHORTCODEX SGSHORTCODE1 end")
    }

    @Test func placeholderInARawHTMLBlock() throws {
        let expansion = try ShortcodeFixture.expand("<div class=\"video\">\n{{< youtube x >}}\n</div>\n")
        #expect(expansion.markdown == "<div class=\"video\">\nSGSHORTCODE0X\n</div>\n")
        #expect(expansion.restore(in: expansion.markdown) == "<div class=\"video\">\n[youtube x]\n</div>\n")
    }

    @Test func roundTripThroughParagraphs() throws {
        let expansion = try ShortcodeFixture.expand("Intro\n\n{{< youtube a >}}\n\nInline {{< youtube b >}} here\n")
        // What cmark makes of expansion.markdown:
        let html = "<p>Intro</p>\n<p>SGSHORTCODE0X</p>\n<p>Inline SGSHORTCODE1X here</p>\n"
        #expect(expansion.restore(in: html) == "<p>Intro</p>\n[youtube a]\n<p>Inline [youtube b] here</p>\n")
    }
}
