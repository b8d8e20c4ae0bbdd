import Foundation
import Testing
@testable import SiteGen

/// A newsletter issue like the real ones (`Fixtures/newsletter-issue.md`): mojibake emoji, nested lists, h1–h3 and a bundle-relative image.
@Suite struct MarkdownNewsletterTests {
    private static func fixtureBody() throws -> String {
        let lines = try TestSite.fixture("newsletter-issue.md").components(separatedBy: "\n")
        let fences = lines.indices.filter { lines[$0] == "---" }
        try #require(fences.count >= 2)
        return lines[(fences[1] + 1)...].joined(separator: "\n")
    }

    @Test func rendersHeadingIDsImagesAndTableOfContents() throws {
        var images: [String] = []
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render(try Self.fixtureBody()) { destination, kind in
            guard kind == .image else { return destination }
            images.append(destination)
            return "/newsletter/weekly-25/\(destination)"
        }
        let html = rendered.html
        #expect(html.contains("<h1 id=\"current-work\">Current Work</h1>"))
        #expect(html.contains("<h2 id=\"tech\">Tech</h2>"))
        #expect(html.contains("<h3 id=\"berty-protocol\">Berty Protocol</h3>"))
        #expect(html.contains("<h3 id=\"lyon-p2p-1\">Lyon P2P #1</h3>"))
        #expect(html.contains("<h2 id=\"meet-berty\">Meet Berty</h2>"))
        #expect(images == ["ELi-Pz93-Xk-AIEy-Sg.jpg"])
        #expect(html.contains("<img src=\"/newsletter/weekly-25/ELi-Pz93-Xk-AIEy-Sg.jpg\" alt=\"image alt\" />"))
        #expect(html.contains("<a href=\"https://storybook.js.org/\">Storybook</a>"))
        #expect(html.contains("Coincidence? We don’t think so. ðŸ˜…</p>"))

        #expect(rendered.tableOfContents.map(\.anchor) == ["tech", "ops", "meet-berty", "weekly-sync"])
        #expect(rendered.tableOfContents[0].children.map(\.anchor)
            == ["berty-protocol", "storybook", "berty-secret-store", "proxy-stream"])
        #expect(rendered.tocHTML.hasPrefix("<nav id=\"TableOfContents\">\n  <ul>\n    <li><a href=\"#tech\">Tech</a>\n"))
        #expect(rendered.isTruncated)
        #expect(!rendered.hasManualSummary)
        #expect(rendered.summaryHTML.hasPrefix("<p>Hello to all! We hope you are well!</p>\n"))
        #expect(rendered.wordCount > 400)
        #expect(rendered.readingTime == (rendered.wordCount + 212) / 213)
    }
}
