import Testing
@testable import SiteGen

@Suite struct MarkdownHeadingTests {
    private func render(_ markdown: String, configure: (inout MarkdownOptions) -> Void = { _ in }) -> RenderedMarkdown {
        var options = MarkdownOptions()
        configure(&options)
        return MarkdownRenderer(options: options).render(markdown) { destination, _ in destination }
    }

    @Test func everyHeadingGetsAGitHubStyleID() {
        let html = render("""
            # Getting Started!
            ## What's new in v2.0?
            ### C++ & Rust: a_b - c
            #### `code` and *emphasis*
            ##### 你好 世界
            ###### مرحبا بكم
            """).html
        #expect(html == """
            <h1 id="getting-started">Getting Started!</h1>
            <h2 id="whats-new-in-v20">What’s new in v2.0?</h2>
            <h3 id="c--rust-a_b---c">C++ &amp; Rust: a_b - c</h3>
            <h4 id="code-and-emphasis"><code>code</code> and <em>emphasis</em></h4>
            <h5 id="你好-世界">你好 世界</h5>
            <h6 id="مرحبا-بكم">مرحبا بكم</h6>

            """)
    }

    @Test func duplicateHeadingsAreNumbered() {
        let html = render("## Notes\n\n## Notes\n\n### Notes\n\n## Notes-1\n\n## ???\n\n## !!!\n").html
        #expect(html == """
            <h2 id="notes">Notes</h2>
            <h2 id="notes-1">Notes</h2>
            <h3 id="notes-2">Notes</h3>
            <h2 id="notes-1-1">Notes-1</h2>
            <h2 id="heading">???</h2>
            <h2 id="heading-1">!!!</h2>

            """)
    }

    @Test func explicitIDsAreUsedAndStripped() {
        let html = render("""
            ## Install {#setup}
            ## Setup
            ## The *real_deal* {#my_custom-id}
            ## Title{#tight}
            """).html
        #expect(html == """
            <h2 id="setup">Install</h2>
            <h2 id="setup-1">Setup</h2>
            <h2 id="my_custom-id">The <em>real_deal</em></h2>
            <h2 id="tight">Title</h2>

            """)
    }

    @Test func headingsNestedInBlockquotesGetIDs() {
        #expect(render("> ## Quoted\n").html == "<blockquote>\n<h2 id=\"quoted\">Quoted</h2>\n</blockquote>\n")
    }

    @Test func tableOfContentsNestsTheConfiguredLevels() {
        let rendered = render("""
            # Page
            ## Intro
            ### Details
            #### Too deep
            ### More `code`
            ## Outro
            """)
        #expect(rendered.tableOfContents == [
            TOCEntry(level: 2, title: "Intro", anchor: "intro", children: [
                TOCEntry(level: 3, title: "Details", anchor: "details", children: []),
                TOCEntry(level: 3, title: "More <code>code</code>", anchor: "more-code", children: []),
            ]),
            TOCEntry(level: 2, title: "Outro", anchor: "outro", children: []),
        ])
        #expect(rendered.tocHTML == """
            <nav id="TableOfContents">
              <ul>
                <li><a href="#intro">Intro</a>
                  <ul>
                    <li><a href="#details">Details</a></li>
                    <li><a href="#more-code">More <code>code</code></a></li>
                  </ul>
                </li>
                <li><a href="#outro">Outro</a></li>
              </ul>
            </nav>
            """)
    }

    @Test func tableOfContentsLevelsAreConfigurable() {
        let rendered = render("# Page\n## Intro\n### Details\n") {
            $0.tocStartLevel = 1
            $0.tocEndLevel = 2
        }
        #expect(rendered.tableOfContents == [
            TOCEntry(level: 1, title: "Page", anchor: "page", children: [
                TOCEntry(level: 2, title: "Intro", anchor: "intro", children: []),
            ]),
        ])
    }

    @Test func skippedLevelSitsUnderAPlaceholderAsInHugo() {
        let rendered = render("### Deep first\n## Then shallow\n")
        #expect(rendered.tableOfContents == [
            TOCEntry(level: 2, title: "", anchor: "", children: [
                TOCEntry(level: 3, title: "Deep first", anchor: "deep-first", children: []),
            ]),
            TOCEntry(level: 2, title: "Then shallow", anchor: "then-shallow", children: []),
        ])
        #expect(rendered.tocHTML == """
            <nav id="TableOfContents">
              <ul>
                <li>
                  <ul>
                    <li><a href="#deep-first">Deep first</a></li>
                  </ul>
                </li>
                <li><a href="#then-shallow">Then shallow</a></li>
              </ul>
            </nav>
            """)
    }

    @Test func noTableOfContentsWithoutHeadingsInRange() {
        let rendered = render("# Only a title\n\n#### And a deep one\n\nText.\n")
        #expect(rendered.tableOfContents.isEmpty)
        #expect(rendered.tocHTML == "")
    }
}
