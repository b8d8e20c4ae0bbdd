import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteGen

/// Builds the repository's own demo site (content/, templates/, static/, config.yaml) into a
/// temporary folder and checks what a reader would find.
@Suite struct DemoSiteTests {
    let output: URL
    let report: BuildReport

    init() throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-demo-\(UUID().uuidString)")
        var options = BuildOptions(source: TestSite.repositoryRoot, destination: output)
        options.now = TestSite.now
        options.cacheDirectory = output.appendingPathExtension("cache")
        report = try Builder(options: options).build()
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    @Test func buildsWithoutWarnings() {
        #expect(report.warnings.isEmpty)
        #expect(report.pages > 20)
        #expect(report.images >= 10)
    }

    @Test func newsletterHasTenPublishedIssuesAndHidesTheDraft() throws {
        for issue in 1...10 {
            #expect(exists(String(format: "newsletter/weekly-%02d/index.html", issue)))
            #expect(exists(String(format: "newsletter/weekly-%02d/cover.jpg", issue)))
        }
        #expect(!exists("newsletter/weekly-11/index.html"))
        let feed = try read("newsletter/index.xml")
        #expect(feed.occurrences(of: "<item>") == 10)
        #expect(!feed.contains("weekly-11"))
    }

    @Test func issuePageLinksItsNeighboursAndCover() throws {
        let html = try read("newsletter/weekly-05/index.html")
        #expect(html.contains(#"href="/newsletter/weekly-04/""#))
        #expect(html.contains(#"href="/newsletter/weekly-06/""#))
        #expect(html.contains(#"/newsletter/weekly-05/cover.jpg""#))
        #expect(html.contains(#"width="1600" height="1067""#))
    }

    @Test func aliasesRedirect() throws {
        let html = try read("weekly/5/index.html")
        #expect(html.contains("url=/newsletter/weekly-05/"))
        #expect(try read("about-us/index.html").contains("url=/about/"))
    }

    @Test func blogUsesItsPermalinkPatternAndTaxonomies() throws {
        #expect(exists("blog/2026/why-mustache/index.html"))
        #expect(exists("tags/index.html"))
        #expect(exists("categories/engineering/index.html"))
    }

    @Test func everyHTMLPageLinksOnlyToFilesThatExist() throws {
        var missing: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)!
        let pattern = try NSRegularExpression(pattern: ##"(?:href|src)="(/[^"#?]*)"##)
        for case let url as URL in enumerator where url.pathExtension == "html" {
            let html = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                let file = OutputPath.file(forURLPath: link.removingPercentEncoding ?? link)
                if !exists(file) { missing.insert("\(url.lastPathComponent): \(link)") }
            }
        }
        #expect(missing.isEmpty, "broken links: \(missing.sorted())")
    }

    @Test func feedsAndSitemapAreWellFormedXML() throws {
        for file in ["index.xml", "newsletter/index.xml", "blog/index.xml", "sitemap.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: output.appendingPathComponent(file)))
            #expect(parser.parse(), "\(file): \(parser.parserError.map { "\($0)" } ?? "")")
        }
        let rss = try read("index.xml")
        for element in ["<rss version=\"2.0\"", "<channel>", "<title>", "<link>https://sitegen.example.org/</link>", "<description>", "<lastBuildDate>"] {
            #expect(rss.contains(element))
        }
        #expect(try read("sitemap.xml").contains("<loc>https://sitegen.example.org/newsletter/weekly-10/</loc>"))
    }

    @Test func siteWideFilesExist() throws {
        #expect(try read("robots.txt").contains("Sitemap: https://sitegen.example.org/sitemap.xml"))
        #expect(exists("404.html"))
        #expect(exists("theme/sitegen.css"))
        #expect(exists("images/logo.svg"))
        #expect(try read("_redirects").contains("/weekly/1/ /newsletter/weekly-01/ 301"))
    }
}
