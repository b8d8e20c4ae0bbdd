import Foundation
import Testing
@testable import SiteGen

/// What templates receive: lookup order, view-model keys, escaping.
@Suite struct TemplateTests {
    @Test func typeAndLayoutChooseTheTemplate() throws {
        let site = try TestSite([
            "content/news/a.md": "---\ntitle: A\n---\n",
            "content/news/b.md": "---\ntitle: B\nlayout: wide\n---\n",
            "content/blog/c.md": "---\ntitle: C\ntype: news\n---\n",
            "content/blog/d.md": "---\ntitle: D\n---\n",
            "templates/news/single.mustache": "news-single",
            "templates/news/wide.mustache": "news-wide",
            "templates/_default/single.mustache": "default-single",
        ])
        try site.build()
        #expect(try site.read("news/a/index.html") == "news-single")
        #expect(try site.read("news/b/index.html") == "news-wide")
        #expect(try site.read("blog/c/index.html") == "news-single")
        #expect(try site.read("blog/d/index.html") == "default-single")
    }

    @Test func pageKeysReachTemplates() throws {
        let site = try TestSite([
            "config.yaml": "baseURL: https://example.org/\ntitle: Example\nparams:\n  color: teal\n",
            "content/blog/_index.md": "---\ntitle: The Blog\n---\n",
            "content/blog/post/index.md": """
            ---
            title: A <Post>
            date: 2026-03-04T05:06:07Z
            author: [Ada, Tomás]
            tags: [Swift]
            image: cover.png
            subtitle: Extra
            ---
            First paragraph.

            <!--more-->

            ## One

            ## Two
            """,
            "content/blog/post/cover.png": "not a png",
            "templates/_default/single.mustache": """
            {{page.title}}|{{{page.title}}}|{{page.date}}|{{page.date.iso}}|{{page.date.rfc822}}|{{page.section}}|{{page.sectionTitle}}|{{page.sectionURL}}
            {{#page.authors}}[{{.}}]{{/page.authors}}|{{#page.tags}}{{name}}={{url}}{{/page.tags}}|{{page.image.url}}|{{page.params.subtitle}}|{{site.params.color}}
            {{{page.summary}}}|{{page.truncated}}|{{page.hasToc}}|{{page.wordCount}}|{{page.readingTime}}|{{page.kind}}|{{site.title}}|{{page.permalink}}
            {{#page.tocEntries}}{{anchor}};{{/page.tocEntries}}
            """,
        ])
        try site.build()
        let lines = try site.read("blog/post/index.html").components(separatedBy: "\n")
        #expect(lines[0] == "A &lt;Post&gt;|A <Post>|March 4, 2026|2026-03-04T05:06:07Z|Wed, 04 Mar 2026 05:06:07 +0000|blog|The Blog|/blog/")
        #expect(lines[1] == "[Ada][Tomás]|Swift=/tags/swift/|/blog/post/cover.png|Extra|teal")
        #expect(lines[2] == "<p>First paragraph.</p>")
        #expect(lines[3] == "|true|true|4|1|page|Example|https://example.org/blog/post/")
        #expect(lines.last == "one;two;")
    }

    @Test func menuEntryOfTheCurrentSectionIsActive() throws {
        let site = try TestSite([
            "config.yaml": "menus:\n  main:\n    - {name: Home, url: /, weight: 1}\n    - {name: Blog, url: /blog/, weight: 2}\n",
            "content/blog/post.md": "---\ntitle: Post\n---\n",
            "content/about.md": "---\ntitle: About\n---\n",
            "templates/_default/single.mustache": "{{#site.menus.main}}{{name}}{{#active}}*{{/active}} {{/site.menus.main}}",
        ])
        try site.build()
        #expect(try site.read("blog/post/index.html") == "Home Blog* ")
        #expect(try site.read("about/index.html") == "Home Blog ")
    }

    @Test func emptyValuesAreFalsyAsInHugo() throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: A\ndescription: \"\"\n---\n",
            "templates/_default/single.mustache": "{{#page.description}}has{{/page.description}}{{^page.description}}none{{/page.description}}",
        ])
        try site.build()
        #expect(try site.read("a/index.html") == "none")
    }

    @Test func paramsMayBeAbsentWithoutError() throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: A\n---\n",
            "templates/_default/single.mustache": "[{{page.params.nothing}}{{site.params.missing.deeper}}]",
        ])
        try site.build()
        #expect(try site.read("a/index.html") == "[]")
    }

    @Test func templatePositionsPointAtTheTag() {
        let position = TemplateSet.position(of: "titel", in: "a\n  {{#page}}{{ page.titel }}{{/page}}")
        #expect(position?.0 == 2 && position?.1 == 12)
        #expect(TemplateSet.position(of: "x", in: "{{y}}") == nil)
    }
}
