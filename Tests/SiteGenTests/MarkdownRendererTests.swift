import Testing
@testable import SiteGen

@Suite struct MarkdownRendererTests {
    private func render(_ markdown: String, configure: (inout MarkdownOptions) -> Void = { _ in }) -> RenderedMarkdown {
        var options = MarkdownOptions()
        configure(&options)
        return MarkdownRenderer(options: options).render(markdown) { destination, _ in destination }
    }

    @Test func table() {
        let html = render("| Name | Qty |\n|:-----|----:|\n| Apple | 3 |\n").html
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th align="left">Name</th>
            <th align="right">Qty</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">Apple</td>
            <td align="right">3</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func strikethrough() {
        #expect(render("This is ~~wrong~~ right.").html == "<p>This is <del>wrong</del> right.</p>\n")
    }

    @Test func taskList() {
        #expect(render("- [x] write tests\n- [ ] ship\n").html == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> write tests</li>
            <li><input type="checkbox" disabled="" /> ship</li>
            </ul>

            """)
    }

    @Test func autolinks() {
        #expect(render("See www.example.com and https://berty.tech/blog.").html
            == "<p>See <a href=\"http://www.example.com\">www.example.com</a> and "
            + "<a href=\"https://berty.tech/blog\">https://berty.tech/blog</a>.</p>\n")
    }

    @Test func footnotes() {
        #expect(render("Claim.[^src]\n\n[^src]: The source.\n").html == """
            <p>Claim.<sup class="footnote-ref"><a href="#fn-src" id="fnref-src" data-footnote-ref>1</a></sup></p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-src">
            <p>The source. <a href="#fnref-src" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func smartPunctuation() {
        let markdown = #""Quoted" and 'single' -- it's done... --- end"#
        #expect(render(markdown).html == "<p>“Quoted” and ‘single’ – it’s done… — end</p>\n")
        #expect(render(markdown) { $0.smartPunctuation = false }.html
            == "<p>&quot;Quoted&quot; and 'single' -- it's done... --- end</p>\n")
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let markdown = "<div class=\"note\">Hi</div>\n\nSome <kbd>Ctrl</kbd> key.\n"
        #expect(render(markdown).html == """
            <!-- raw HTML omitted -->
            <p>Some <!-- raw HTML omitted -->Ctrl<!-- raw HTML omitted --> key.</p>

            """)
        #expect(render(markdown) { $0.unsafeHTML = true }.html == """
            <div class="note">Hi</div>
            <p>Some <kbd>Ctrl</kbd> key.</p>

            """)
    }

    @Test func tagFilterEscapesDangerousTagsEvenWhenUnsafe() {
        #expect(render("<script>alert(1)</script>\n") { $0.unsafeHTML = true }.html
            == "&lt;script>alert(1)&lt;/script>\n")
    }

    @Test func destinationsOfLinksAndImagesAreResolved() {
        var calls: [String] = []
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render(
            "[Post](../post/) ![Cat](cat.jpg \"A cat\") <https://example.org>\n\n## See [docs](docs.md)\n"
        ) { destination, kind in
            calls.append("\(kind):\(destination)")
            switch kind {
            case .link: return destination.hasPrefix("http") ? destination : "/blog/\(destination)"
            case .image: return "/blog/first/\(destination)"
            }
        }
        #expect(calls == ["link:../post/", "image:cat.jpg", "link:https://example.org", "link:docs.md"])
        #expect(rendered.html == """
            <p><a href="/blog/../post/">Post</a> <img src="/blog/first/cat.jpg" alt="Cat" title="A cat" /> \
            <a href="https://example.org">https://example.org</a></p>
            <h2 id="see-docs">See <a href="/blog/docs.md">docs</a></h2>

            """)
    }

    @Test func wordCountAndReadingTime() {
        let rendered = render("# Title\n\nOne *two* `three` [four](x).\n\n- five\n- six\n\n![not counted](a.png)\n")
        #expect(rendered.leadingPlainText == "Title\nOne two three four.\nfive\nsix")
        #expect(rendered.wordCount == 7)
        #expect(rendered.readingTime == 1)

        let long = render(Array(repeating: "word", count: 427).joined(separator: " "))
        #expect(long.wordCount == 427)
        #expect(long.readingTime == 3)
        #expect(render("").readingTime == 0)
    }
}
