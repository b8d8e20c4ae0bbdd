import Foundation
import Testing
@testable import SiteGen

/// Shortcodes in real pages of a real build: built-ins, site templates, references, errors.
@Suite struct ShortcodeBuildTests {
    static let single = ["templates/_default/single.mustache": "{{{page.content}}}"]

    static func site(_ files: [String: String]) throws -> TestSite {
        try TestSite(single.merging(files) { _, new in new })
    }

    @Test func builtInsRenderWithoutNetwork() throws {
        let site = try Self.site([
            "content/a.md": """
                ---
                title: A
                ---
                {{< youtube dQw4w9WgXcQ >}}

                {{<tweet user="berty" id="123">}}

                {{< figure src="/images/x.png" alt="An X" caption="The *X*" >}}
                """,
        ])
        try site.build()
        let html = try site.read("a/index.html")
        #expect(html.contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"))
        #expect(html.contains("https://x.com/berty/status/123"))
        #expect(!html.contains("<p><div"))
        #expect(html.contains(#"<img src="/images/x.png""#))
        #expect(!html.contains("<script"))
    }

    @Test func figureSourcesInABundleWorkInEveryTranslation() throws {
        let site = try Self.site([
            "config.yaml": "languages:\n  en: {weight: 1}\n  fr: {weight: 2}\n",
            "content/news/n1/index.md": "---\ntitle: One\n---\n{{< figure src=\"photo.jpg\" alt=\"A photo\" >}}\n",
            "content/news/n1/index.fr.md": "---\ntitle: Un\n---\n{{< img src=\"photo.jpg\" alt=\"Une photo\" >}}\n",
            "content/news/n1/photo.jpg": "x",
        ])
        try site.build()
        #expect(try site.read("news/n1/index.html").contains(#"src="/news/n1/photo.jpg""#))
        #expect(try site.read("fr/news/n1/index.html").contains(#"src="/news/n1/photo.jpg""#))
    }

    @Test func siteShortcodesGetArgumentsInnerContentAndThePage() throws {
        let site = try Self.site([
            "content/a.md": """
                ---
                title: The page
                ---
                {{% note kind="tip" %}}Use **bold** here.{{% /note %}}

                {{< badge "new" "green" >}}
                """,
            "templates/shortcodes/note.mustache": #"<aside class="{{params.kind}}">{{{innerHTML}}} ({{page.title}})</aside>"#,
            "templates/shortcodes/badge.mustache": #"<span style="color: {{arg.1}}">{{arg.0}}/{{#args}}{{.}};{{/args}}</span>"#,
            "config.yaml": "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n",
        ])
        try site.build()
        let html = try site.read("a/index.html")
        #expect(html.contains(#"<aside class="tip"><p>Use <strong>bold</strong> here.</p>"#))
        #expect(html.contains("(The page)</aside>"))
        #expect(html.contains(#"<span style="color: green">new/new;green;</span>"#))
    }

    @Test func refAndRelrefResolvePagesInTheSameLanguage() throws {
        let site = try Self.site([
            "config.yaml": "baseURL: https://example.org/\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2}\n",
            "content/blog/post.md": "---\ntitle: Post\n---\n",
            "content/blog/post.fr.md": "---\ntitle: Billet\n---\n",
            "content/a.md": "---\ntitle: A\n---\n[rel]({{< relref \"blog/post.md\" >}}) [abs]({{< ref \"/blog/post\" >}})",
            "content/a.fr.md": "---\ntitle: A\n---\n[rel]({{< relref \"blog/post.md#part\" >}})",
        ])
        try site.build()
        #expect(try site.read("a/index.html").contains(#"<a href="/blog/post/">rel</a> <a href="https://example.org/blog/post/">abs</a>"#))
        #expect(try site.read("fr/a/index.html").contains(#"<a href="/fr/blog/post/#part">rel</a>"#))
    }

    @Test func errorsNameFileLineAndColumnForEveryPage() throws {
        let site = try Self.site([
            "content/a.md": "---\ntitle: A\n---\nText\n\n{{< nosuch >}}\n",
            "content/b.md": "---\ntitle: B\n---\n{{< relref \"missing.md\" >}}\n",
            "content/c.md": "---\ntitle: C\n---\n\n  {{< youtube abc\n",
        ])
        let errors = site.failedBuild().map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/a.md:6:1: error:") && $0.contains("nosuch") })
        #expect(errors.contains { $0.hasPrefix("content/b.md:4:1: error:") && $0.contains("missing.md") })
        #expect(errors.contains { $0.hasPrefix("content/c.md:5:3: error:") })
    }

    @Test func codeAndEscapedShortcodesStayLiteral() throws {
        let site = try Self.site([
            "content/a.md": "---\ntitle: A\n---\nWrite `{{< youtube id >}}` or:\n\n```\n{{< youtube id >}}\n```\n\n{{</* youtube id */>}}\n",
        ])
        try site.build()
        let html = try site.read("a/index.html")
        #expect(html.contains("<code>{{&lt; youtube id &gt;}}</code>"))
        #expect(html.contains("<pre><code>{{&lt; youtube id &gt;}}\n</code></pre>"))
        #expect(html.contains("{{&lt; youtube id &gt;}}</p>") || html.contains("{{&lt; youtube id >}}</p>"))
        #expect(!html.contains("youtube-nocookie"))
    }

    @Test func emojiShortcodesWhenEnabledButNeverInCode() throws {
        let page = "---\ntitle: A\n---\nShipped :tada: and `:tada:`\n"
        let on = try Self.site(["config.yaml": "enableEmoji: true\n", "content/a.md": page])
        try on.build()
        #expect(try on.read("a/index.html") == "<p>Shipped 🎉 and <code>:tada:</code></p>\n")
        let off = try Self.site(["content/a.md": page])
        try off.build()
        #expect(try off.read("a/index.html").contains("Shipped :tada:"))
    }
}
