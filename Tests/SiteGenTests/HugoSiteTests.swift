import Foundation
import Testing
@testable import SiteGen
import Thumbnails

/// Sites with Hugo templates (`layouts/`), built by SiteGen and compared file for file with what
/// Hugo 0.111 wrote for them (`Fixtures/hugo-sites/SITE.expected/`, made by
/// `scripts/hugo-oracle/regenerate-sites`).
@Suite struct HugoSiteTests {
    static let sites = TestSite.repositoryRoot.appendingPathComponent("Tests/SiteGenTests/Fixtures/hugo-sites")

    /// Builds the fixture `name` in a temporary copy and returns the output folder and the copy.
    static func build(_ name: String) throws -> (output: URL, site: URL) {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-hugo-\(UUID().uuidString)")
        let source = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sites.appendingPathComponent(name), to: source)
        var options = BuildOptions(source: source)
        options.destination = work.appendingPathComponent("public")
        options.cacheDirectory = work.appendingPathComponent("cache")
        options.drawCards = false
        _ = try Builder(options: options).build()
        return (options.destination, source)
    }

    static func files(under folder: URL) -> Set<String> {
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var files: Set<String> = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if !path.hasPrefix(".") { files.insert(path) }
        }
        return files
    }

    /// Hugo names itself in the home page's `<head>`; SiteGen names itself.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: #"<meta name="generator" content="[^"]*">"#, with: "<meta name=\"generator\">", options: .regularExpression)
    }

    /// Images are compared by what a page depends on, their format and pixel size: processed
    /// images differ in their bytes between the two tools without being wrong.
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp"]

    /// `JPEG 120x80`, from the decoded image.
    static func imageDescription(_ url: URL) throws -> String {
        let data = try Data(contentsOf: url)
        let info = try ImageInfo.read(header: data, path: url.path)
        let image = try Image.decode(data, path: url.path)
        return "\(info.format.rawValue.uppercased()) \(image.width)x\(image.height)"
    }

    @Test(arguments: ["basic", "assets", "multilingual", "navigation", "markdown", "urls", "hooks", "formats", "groups", "images", "ties", "partialcache", "highlight",
                      "sourcemaps", "minify"])
    func writesWhatHugoWrites(_ site: String) throws {
        let (output, source) = try Self.build(site)
        let expected = Self.sites.appendingPathComponent(site + ".expected")
        let (want, got) = (Self.files(under: expected), Self.files(under: output))
        #expect(want.subtracting(got).sorted() == [], "missing")
        #expect(got.subtracting(want).sorted() == [], "extra")
        for path in want.intersection(got).sorted() {
            if Self.imageExtensions.contains((path as NSString).pathExtension.lowercased()) {
                let (hugo, ours) = (try Self.imageDescription(expected.appendingPathComponent(path)), try Self.imageDescription(output.appendingPathComponent(path)))
                #expect(ours == hugo, "\(path)")
                continue
            }
            // Where Hugo wrote its site folder's path, the fixture says {site}.
            let hugo = try String(contentsOf: expected.appendingPathComponent(path), encoding: .utf8)
                .replacingOccurrences(of: "{site}", with: source.path)
            let ours = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(Self.normalized(ours) == Self.normalized(hugo), "\(path)")
        }
    }

    /// With `keepCSS2` off, `minify` writes CSS 3 as Hugo then does (what Hugo 0.111 wrote for this).
    @Test(arguments: ["[minify.tdewolff.css]\nkeepCSS2 = false\n", "[Minify.TDewolff.CSS]\nkeepcss2 = \"false\"\n"])
    func minifyWritesCSS3WhenTheSiteTurnsKeepCSS2Off(_ setting: String) throws {
        let site = try TestSite([
            "config.toml": "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n" + setting,
            "layouts/index.html": #"{{ (resources.Get "a.css" | minify).RelPermalink }}"#,
            "assets/a.css": "a { background-color: transparent; width: 1000px; margin: 0.00001em; }\n",
        ])
        try site.build()
        #expect(try site.read("a.min.css") == "a{background-color:initial;width:1e3px;margin:1e-5em}")
    }

    /// A render hook that fails is said once, at its own line and column, however many links use it.
    @Test func aFailingRenderHookIsReportedOnceAtItsPosition() throws {
        let site = try TestSite([
            "config.toml": "baseURL = \"https://example.org/\"\n",
            "layouts/_default/single.html": "{{ .Content }}",
            "layouts/_default/_markup/render-link.html": "<a href=\"{{ .Destination }}\">\n{{ .Nope }}</a>",
            "content/a.md": "---\ntitle: A\n---\n[one](/x) and [two](/y)\n",
            "content/b.md": "---\ntitle: B\n---\n[three](/z)\n",
        ])
        let errors = site.failedBuild().filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.description.contains("layouts/_default/_markup/render-link.html:2:4") == true, "\(errors)")
        #expect(errors.first?.description.contains("Nope") == true)
    }

    /// `.RenderString` renders with the page's hooks; `markdownify` with the home page's.
    @Test func renderStringAndMarkdownifyUseTheRenderHooks() throws {
        let site = try TestSite([
            "config.toml": "baseURL = \"https://example.org/\"\n",
            "layouts/_default/single.html": #"{{ .RenderString "[a](/x) *b*" }}|{{ .RenderString (dict "display" "block") "[c](/y)" }}|{{ "[d](/z)" | markdownify }}"#,
            "layouts/_default/_markup/render-link.html": "<a data-hooked href=\"{{ .Destination }}\">{{ .Text | safeHTML }}</a>",
            "layouts/posts/_markup/render-link.html": "<a data-post href=\"{{ .Destination }}\">{{ .Text | safeHTML }}</a>",
            "content/posts/a.md": "---\ntitle: A\n---\n",
        ])
        try site.build()
        #expect(try site.read("posts/a/index.html")
                == #"<a data-post href="/x">a</a> <em>b</em>|<p><a data-post href="/y">c</a></p>\#n|<a data-hooked href="/z">d</a>"#)
    }

    /// Hugo puts its generator tag into the home page's `<head>` unless the page has one anywhere.
    @Test(arguments: [("<html><head><title>x</title></head><body></body></html>", true),
                      ("<html><head></head><body>{{ hugo.Generator }}</body></html>", false)])
    func theGeneratorTagGoesInOnlyWhereThePageHasNone(_ template: String, _ injected: Bool) throws {
        let site = try TestSite([
            "config.toml": "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
            "layouts/index.html": template,
        ])
        try site.build()
        let home = try site.read("index.html")
        #expect(home.hasPrefix("<html><head>\n\t<meta name=\"generator\" content=\"SiteGen") == injected, "\(home)")
        #expect(home.components(separatedBy: "name=\"generator\"").count == 2)
    }
}
