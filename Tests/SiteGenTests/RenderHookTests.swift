import Foundation
import Testing
@testable import SiteGen

/// `templates/_markup/render-*.mustache` replace how Markdown elements become HTML.
@Suite struct RenderHookTests {
    static let page = """
        ---
        title: Hooks
        ---
        ## Getting *started*

        See [the docs](https://example.org/docs "Docs") and ![a diagram](diagram.png "Figure 1").

        ```swift {linenos=true}
        let x = 1 < 2
        ```
        """

    @Test func everyHookReceivesItsValuesAndThePage() throws {
        let site = try TestSite([
            "content/guide/hooks/index.md": Self.page,
            "content/guide/hooks/diagram.png": "x",
            "templates/_default/single.mustache": "{{{page.content}}}",
            "templates/_markup/render-image.mustache": #"<figure><img src="{{destination}}" alt="{{text}}"><figcaption>{{title}} ({{page.title}})</figcaption></figure>"#,
            "templates/_markup/render-link.mustache": #"<a href="{{destination}}" title="{{title}}" class="ext">{{{text}}}</a>"#,
            "templates/_markup/render-heading.mustache": ##"<h{{level}} id="{{anchor}}"><a href="#{{anchor}}">#</a> {{{text}}} [{{plainText}}]</h{{level}}>"##,
            "templates/_markup/render-codeblock.mustache": #"<pre data-lang="{{language}}" data-attrs="{{attributes}}">{{code}}</pre>"#,
        ])
        try site.build()
        let html = try site.read("guide/hooks/index.html")
        #expect(html.contains(##"<h2 id="getting-started"><a href="#getting-started">#</a> Getting <em>started</em> [Getting started]</h2>"##))
        #expect(html.contains(#"<a href="https://example.org/docs" title="Docs" class="ext">the docs</a>"#))
        #expect(html.contains(#"<figure><img src="/guide/hooks/diagram.png" alt="a diagram"><figcaption>Figure 1 (Hooks)</figcaption></figure>"#))
        #expect(html.contains(#"<pre data-lang="swift" data-attrs="{linenos=true}">let x = 1 &lt; 2"#))
    }

    @Test func withoutHooksCmarkRendersAsUsual() throws {
        let site = try TestSite([
            "content/a.md": Self.page,
            "templates/_default/single.mustache": "{{{page.content}}}",
        ])
        try site.build()
        let html = try site.read("a/index.html")
        #expect(html.contains(#"<h2 id="getting-started">Getting <em>started</em></h2>"#))
        #expect(html.contains(#"<a href="https://example.org/docs" title="Docs">the docs</a>"#))
        #expect(html.contains(#"<pre><code class="language-swift">let x = 1 &lt; 2"#))
    }

    @Test func aHookWithAnUnknownKeyFailsTheBuildAtItsLine() throws {
        let site = try TestSite([
            "content/a.md": Self.page,
            "templates/_markup/render-link.mustache": "{{destinaton}}",
        ])
        #expect(site.failedBuild().map(\.description) == ["templates/_markup/render-link.mustache:1:1: error: unknown template key 'destinaton'"])
    }

    @Test func aLinkHookSeesImagesInsideTheLinkAlreadyHooked() {
        var hooks = RenderHooks()
        hooks.image = { "[IMG \($0.destination)]" }
        hooks.link = { "<L \($0.destination)>\($0.text)</L>" }
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render("[![alt](a.png)](/x)", hooks: hooks) { destination, _ in destination }
        #expect(rendered.html == "<p><L /x>[IMG a.png]</L></p>\n")
    }
}
