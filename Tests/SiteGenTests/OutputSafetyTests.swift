import Foundation
import Testing
@testable import SiteGen

/// A build deletes only what SiteGen wrote, publishes only the site's own files, and never writes
/// over the destination's own files.
@Suite struct OutputSafetyTests {
    private static let page = "---\ntitle: Page\n---\nText"

    private func build(_ site: TestSite, destination: URL? = nil, clean: Bool = false) throws(DiagnosticList) -> BuildReport {
        var options = site.options()
        if let destination { options.destination = destination.standardizedFileURL }
        options.cleansDestination = clean
        return try Builder(options: options).build()
    }

    private func failure(_ site: TestSite, destination: URL? = nil) -> [Diagnostic] {
        do throws(DiagnosticList) {
            _ = try build(site, destination: destination)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aDestinationThatHoldsTheSiteIsRefusedAndNothingIsDeleted() throws {
        let parent = try TestSite(["notes.txt": "mine", "site/content/page.md": Self.page])
        let site = TestSite(existing: parent.root.appendingPathComponent("site"))
        let errors = failure(site, destination: parent.root)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("holds the site's folder") == true)
        #expect(FileManager.default.fileExists(atPath: parent.root.appendingPathComponent("notes.txt").path))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/page.md").path))

        #expect(failure(site, destination: site.root).first?.message.contains("the site's own folder") == true)
        #expect(failure(site, destination: site.root.appendingPathComponent("content/out")).first?.message.contains("content/") == true)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/page.md").path))
    }

    @Test func aSourceThatDoesNotExistIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-missing-\(UUID().uuidString)")
        let errors = failure(TestSite(existing: missing))
        #expect(errors.map(\.message) == ["the site folder does not exist"])
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func filesSiteGenDidNotWriteStayAndItsOwnOldFilesGo() throws {
        let site = try TestSite(["content/old.md": Self.page, "content/kept.md": Self.page])
        try site.write("public/CNAME", "example.org\n")
        try site.write("public/old/notes.txt", "mine, in a folder SiteGen writes\n")
        try site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try site.write("public/.nojekyll", "")
        try site.write("public/old/.well-known/key.txt", "kept\n")
        _ = try build(site)
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/old.md"))
        _ = try build(site)
        #expect(!site.exists("old/index.html"))
        #expect(site.exists("kept/index.html"))
        #expect(try site.read("CNAME") == "example.org\n")
        #expect(try site.read("old/notes.txt") == "mine, in a folder SiteGen writes\n")
        #expect(site.exists(".git/HEAD"))
        #expect(site.exists("empty"))

        _ = try build(site, clean: true)
        #expect(!site.exists("CNAME"))
        #expect(!site.exists(".nojekyll"))
        #expect(try site.read("old/.well-known/key.txt") == "kept\n")
        #expect(!site.exists("old/notes.txt"))
        #expect(!site.exists("empty"))
        #expect(site.exists(".git/HEAD"))
        #expect(site.exists("kept/index.html"))
    }

    @Test func aFileInTheWayOfAnOutputFailsTheBuildAndIsKept() throws {
        let site = try TestSite(["content/page.md": Self.page])
        try site.write("public/page", "a file where the page's folder goes\n")
        let errors = failure(site)
        #expect(errors.count == 1)
        #expect(try site.read("page") == "a file where the page's folder goes\n")
    }

    @Test func symbolicLinksOutOfTheSiteAreNotFollowed() throws {
        let outside = try TestSite(["secret.txt": "root:x:0:0\n", "folder/inner.md": "---\ntitle: Inner\n---\nroot:x:0:0"])
        let site = try TestSite(["content/blog/post/index.md": Self.page, "shared/photo.txt": "our own file\n",
                                 "content/page.md": Self.page])
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(at: site.root.appendingPathComponent("content/leak.md"),
                                           withDestinationURL: outside.root.appendingPathComponent("secret.txt"))
        try fileManager.createSymbolicLink(at: site.root.appendingPathComponent("content/elsewhere"),
                                           withDestinationURL: outside.root.appendingPathComponent("folder"))
        try fileManager.createSymbolicLink(at: site.root.appendingPathComponent("content/blog/post/photo.txt"),
                                           withDestinationURL: site.root.appendingPathComponent("shared/photo.txt"))
        try fileManager.createSymbolicLink(at: site.root.appendingPathComponent("content/blog/post/loop"),
                                           withDestinationURL: site.root.appendingPathComponent("content/blog"))
        try site.write("static/robots-extra.txt", "ok\n")
        try fileManager.createSymbolicLink(at: site.root.appendingPathComponent("static/passwd"),
                                           withDestinationURL: outside.root.appendingPathComponent("secret.txt"))
        let report = try build(site)
        #expect(!site.exists("leak/index.html"))
        #expect(!site.exists("elsewhere/inner/index.html"))
        #expect(!site.exists("passwd"))
        #expect(site.exists("robots-extra.txt"))
        let warnings = report.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/leak.md: warning: a symbolic link to") && $0.contains("outside the site's folder") })
        #expect(warnings.contains { $0.hasPrefix("content/elsewhere: warning:") })
        #expect(warnings.contains { $0.hasPrefix("static/passwd: warning:") })
        #expect(warnings.contains { $0.contains("content/blog/post/loop") && $0.contains("back into a folder") })

        let published = site.output.appendingPathComponent("blog/post/photo.txt")
        #expect(try String(contentsOf: published, encoding: .utf8) == "our own file\n")
        #expect((try? fileManager.destinationOfSymbolicLink(atPath: published.path)) == nil)
    }

    @Test func publishedCopiesAreIndependentOfTheirSources() throws {
        let site = try TestSite(["content/post/index.md": Self.page, "content/post/data.txt": "bundle\n", "static/style.css": "a{}\n"])
        _ = try build(site)
        for (output, source) in [("post/data.txt", "content/post/data.txt"), ("style.css", "static/style.css")] {
            var info = stat()
            #expect(stat(site.output.appendingPathComponent(output).path, &info) == 0)
            #expect(info.st_nlink == 1)
            try "edited in place\n".write(to: site.output.appendingPathComponent(output), atomically: false, encoding: .utf8)
            #expect(try String(contentsOf: site.root.appendingPathComponent(source), encoding: .utf8) != "edited in place\n")
        }
    }

    @Test func urlsAndAliasesStartingWithADotSegmentAreErrors() throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: A\naliases: [\"/.git/x/\"]\n---\n",
            "content/b.md": "---\ntitle: B\nurl: /.git/config\n---\n",
            "content/c.md": "---\ntitle: C\nslug: \(String(repeating: "s", count: 300))\n---\n",
        ])
        try site.write("public/.git/config", "[core]\n")
        let errors = failure(site).map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/a.md:3:1: error: the alias '/.git/x/' starts with the dot segment '.git'") })
        #expect(errors.contains { $0.hasPrefix("content/b.md:3:1: error: url '/.git/config' starts with the dot segment '.git'") })
        #expect(errors.contains { $0.hasPrefix("content/c.md:3:1: error:") && $0.contains("300 bytes") })
        #expect(try site.read(".git/config") == "[core]\n")
    }

    @Test func everyLanguagesHomeAndSectionsAreUnderItsPrefix() throws {
        let site = try TestSite([
            "config.yaml": "languages:\n  en: {weight: 1}\n  fr: {weight: 2}\n  de: {weight: 3}\n",
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/_index.fr.md": "---\ntitle: Accueil\n---\n",
            "content/_index.de.md": "---\ntitle: Startseite\n---\n",
            "content/blog/_index.fr.md": "---\ntitle: Blogue\n---\n",
            "templates/index.mustache": "HOME {{page.title}}",
            "templates/_default/list.mustache": "LIST {{page.title}}",
        ])
        _ = try build(site)
        #expect(try site.read("index.html") == "HOME Home")
        #expect(try site.read("fr/index.html") == "HOME Accueil")
        #expect(try site.read("de/index.html") == "HOME Startseite")
        #expect(try site.read("fr/blog/index.html") == "LIST Blogue")
    }

    @Test func twoLanguagesClaimingOnePathIsAnErrorNamingBoth() throws {
        let site = try TestSite([
            "config.yaml": "languages:\n  en: {weight: 1}\n  fr: {weight: 2}\n",
            "content/about.md": "---\ntitle: About\nurl: /fr/a-propos/\n---\n",
            "content/a-propos.fr.md": "---\ntitle: À propos\nslug: a-propos\n---\n",
        ])
        let errors = failure(site).map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("content/about.md") == true)
        #expect(errors.first?.contains("content/a-propos.fr.md") == true)
    }

    @Test func aPageInAOneLetterSectionBuilds() throws {
        let site = try TestSite(["content/b/x/index.md": Self.page, "content/c.md": Self.page])
        _ = try build(site)
        #expect(site.exists("b/x/index.html"))
        #expect(site.exists("b/index.html"))
    }

    @Test func stagingFoldersOfAKilledBuildAreRemoved() throws {
        let site = try TestSite(["content/page.md": Self.page])
        _ = try build(site)
        try site.write(".public.staging-deadbeef/page/index.html", "half a site")
        try site.write(".public.staging-cafebabe/index.html", "another")
        _ = try build(site)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
        #expect(site.exists("page/index.html"))
    }

    @Test func aSwapCutInHalfIsFinishedByTheNextBuild() throws {
        let site = try TestSite(["content/page.md": Self.page])
        _ = try build(site)
        try site.write("public/CNAME", "example.org\n")
        // Killed between the two renames of the fallback swap: only the old site, renamed away, is left.
        try FileManager.default.moveItem(at: site.output, to: site.root.appendingPathComponent(".public.staging-0badf00d.old"))
        try site.write("content/page.md", "---\ntitle: Page\n---\nBroken {{< nope >}}")
        #expect(!failure(site).isEmpty)
        #expect(try site.read("CNAME") == "example.org\n")
        #expect(site.exists("page/index.html"))
    }
}

extension TestSite {
    /// A site in a folder made elsewhere (or not at all).
    init(existing root: URL) {
        self.root = root
    }
}
