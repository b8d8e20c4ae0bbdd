import Foundation
import Testing
@testable import SiteGen

/// A newsletter issue like the real ones (`Fixtures/newsletter-issue.md`: mojibake emoji, an alias, a
/// bundle image), built as a page bundle in a fresh site with
/// the built-in theme.
@Suite struct NewsletterFixtureTests {
    let site: TestSite

    init() throws {
        site = try TestSite([
            "config.yaml": "baseURL: https://berty.example/\ntitle: Berty\n",
            "content/newsletter/news-25/index.md": try TestSite.fixture("newsletter-issue.md"),
        ])
        try site.copy("content/newsletter/weekly-01/cover.jpg", to: "content/newsletter/news-25/ELi-Pz93-Xk-AIEy-Sg.jpg")
        try site.build()
    }

    @Test func pageIsWrittenAtItsBundleURL() throws {
        let html = try site.read("newsletter/news-25/index.html")
        #expect(html.contains("Berty Weekly #25"))
        #expect(html.contains("<strong>Friday the 13th</strong>"))
    }

    @Test func aliasRedirectsToThePage() throws {
        let html = try site.read("newsletter/weekly-25/index.html")
        #expect(html.contains(#"<meta http-equiv="refresh" content="0; url=/newsletter/news-25/">"#))
        #expect(html.contains(#"<link rel="canonical" href="/newsletter/news-25/">"#))
        #expect(try site.read("_redirects").contains("/newsletter/weekly-25/ /newsletter/news-25/ 301"))
    }

    @Test func headingsHaveIDs() throws {
        let html = try site.read("newsletter/news-25/index.html")
        #expect(html.contains(#"<h1 id="current-work">Current Work</h1>"#))
        #expect(html.contains(#"<h2 id="tech">Tech</h2>"#))
        #expect(html.contains(#"<h3 id="berty-protocol">Berty Protocol</h3>"#))
    }

    @Test func bundleImageResolvesToItsPublishedURL() throws {
        let html = try site.read("newsletter/news-25/index.html")
        #expect(html.contains(#"src="/newsletter/news-25/ELi-Pz93-Xk-AIEy-Sg.jpg""#))
        #expect(site.exists("newsletter/news-25/ELi-Pz93-Xk-AIEy-Sg.jpg"))
    }

    @Test func feedListsTheIssueWithItsDate() throws {
        for feed in ["index.xml", "newsletter/index.xml"] {
            let xml = try site.read(feed)
            #expect(xml.contains("<title>Berty Weekly #25</title>"))
            #expect(xml.contains("<link>https://berty.example/newsletter/news-25/</link>"))
            #expect(xml.contains("<pubDate>Fri, 13 Dec 2019 00:00:00 +0000</pubDate>"))
        }
    }

    @Test func pageShowsTheDate() throws {
        let html = try site.read("newsletter/news-25/index.html")
        #expect(html.contains(#"datetime="2019-12-13T00:00:00Z""#))
        #expect(html.contains("December 13, 2019"))
    }

    @Test func mojibakeIsCarriedThroughWithoutCrashing() throws {
        #expect(try site.read("newsletter/news-25/index.html").contains("ðŸ˜…"))
    }
}
