import Foundation
import Testing
@testable import SiteGen

/// `sitegen check`'s encodings, on a newsletter of our own with the damage real ones have: emoji
/// and flags (four bytes each), a typographic apostrophe (three) and accents (two), all once read
/// as Windows-1252 and written again.
@Suite struct SiteCheckTests {
    static let damaged = "---\ntitle: \"Weekly #3\"\n---\nSee you soon ðŸ˜… at the cafÃ©!\nIt\u{E2}\u{20AC}\u{2122}s in Paris, FR ðŸ‡«ðŸ‡·.\n"
    static let repaired = "---\ntitle: \"Weekly #3\"\n---\nSee you soon 😅 at the café!\nIt’s in Paris, FR 🇫🇷.\n"

    @Test func mojibakeIsFoundWithItsExactRepair() {
        let findings = Mojibake.findings(in: Self.damaged)
        #expect(findings == [
            .init(line: 4, column: 14, found: "ðŸ˜…", repaired: "😅"),
            .init(line: 4, column: 29, found: "Ã©", repaired: "é"),
            .init(line: 5, column: 3, found: "\u{E2}\u{20AC}\u{2122}", repaired: "’"),
            .init(line: 5, column: 21, found: "ðŸ‡«ðŸ‡·", repaired: "🇫🇷"),
        ])
        #expect(Mojibake.repaired(Self.damaged) == Self.repaired)
        #expect(Mojibake.damaged(Self.repaired) == Self.damaged)
    }

    @Test func cleanTextHasNoMojibake() {
        for text in [Self.repaired, "São Tomé, Ålesund, Ça va, naïve, Zürich", "À bientôt — « déjà » 100 °C", "Ã alone, and Â then a space"] {
            #expect(Mojibake.findings(in: text) == [], "\(text)")
        }
    }

    @Test func theCheckReportsAndTheFixRepairsWithABackup() throws {
        let site = try TestSite([
            "config.yaml": "title: T\n",
            "content/newsletter/weekly-03/index.md": Self.damaged,
            "content/clean.md": "---\ntitle: Clean\n---\nAll good: 😅 café.\n",
        ])
        try site.write("content/marked.md", Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: M\n---\nText\n".utf8)))
        try site.write("content/broken.md", Data(Array("---\ntitle: B\n---\nbad ".utf8) + [0xFF] + Array(" byte\n".utf8)))
        let check = SiteCheck(options: BuildOptions(source: site.root))
        let findings = try check.findings()
        #expect(findings.map(\.location.description) == [
            "content/broken.md:4:5", "content/marked.md:1:1",
            "content/newsletter/weekly-03/index.md:4:14", "content/newsletter/weekly-03/index.md:4:29",
            "content/newsletter/weekly-03/index.md:5:3", "content/newsletter/weekly-03/index.md:5:21",
        ])
        #expect(findings.map(\.severity) == [.error] + Array(repeating: .warning, count: 5))
        #expect(findings[2].message.contains("ðŸ˜… → 😅"))
        let json = try JSONSerialization.jsonObject(with: Data(SiteCheck.report(findings, format: .json).utf8)) as? [String: Any]
        #expect(json?["errors"] as? Int == 1 && json?["warnings"] as? Int == 5)
        #expect(SiteCheck.report(findings, format: .text).hasSuffix("1 error, 5 warnings\n"))

        let now = ISO8601DateFormatter().date(from: "2026-12-04T10:00:00Z")!
        #expect(try check.fix(now: now) == ["content/marked.md", "content/newsletter/weekly-03/index.md"])
        let issue = site.root.appendingPathComponent("content/newsletter/weekly-03/index.md")
        #expect(try String(contentsOf: issue, encoding: .utf8) == Self.repaired)
        #expect(try Data(contentsOf: site.root.appendingPathComponent("content/marked.md")) == Data("---\ntitle: M\n---\nText\n".utf8))
        let backup = site.root.appendingPathComponent(".sitegen-backups/2026-12-04T10-00-00Z/content/newsletter/weekly-03/index.md")
        #expect(try String(contentsOf: backup, encoding: .utf8) == Self.damaged)
        // What cannot be repaired without loss is left as it was.
        #expect(try check.findings().map(\.location.description) == ["content/broken.md:4:5"])
    }

    @Test func aBuildWarnsAboutMojibake() throws {
        let site = try TestSite(["config.yaml": "title: T\n", "content/newsletter/weekly-03/index.md": Self.damaged])
        let report = try site.build()
        #expect(Set(report.warnings.map(\.location.description).filter { $0.hasPrefix("content/newsletter") }) == [
            "content/newsletter/weekly-03/index.md:4:14", "content/newsletter/weekly-03/index.md:4:29",
            "content/newsletter/weekly-03/index.md:5:3", "content/newsletter/weekly-03/index.md:5:21",
        ])
        #expect(report.warnings.contains { $0.message.contains("ðŸ‡«ðŸ‡· is 🇫🇷") })
    }
}
