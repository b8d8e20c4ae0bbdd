import Foundation

/// `sitegen check`: what is wrong with a site's sources, file by file, without building it:
/// encodings (`EncodingCheck`), what loading the site finds, front matter and bundle files
/// (`ContentCheck`), translations (`TranslationCheck`) and links in the built site (`LinkCheck`;
/// with `--external`, `ExternalLinkCheck` too).
public struct SiteCheck: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Every finding, grouped by file (files in path order, each file's in line order). What
    /// keeps the site from loading is among them, as errors.
    public func findings(now: Date = Date()) throws(DiagnosticList) -> [Diagnostic] {
        Self.inOrder(try examine(now: now, collectingExternalLinks: false).findings)
    }

    /// Every finding, as `findings(now:)`, and what is wrong with the links out of the site, each
    /// URL requested once (`sitegen check --external`); the answers that were good are kept in
    /// the cache folder's `links.json`.
    public func findings(now: Date = Date(), external: ExternalLinkCheck.Options) async throws(DiagnosticList) -> [Diagnostic] {
        let examined = try examine(now: now, collectingExternalLinks: true)
        let check = ExternalLinkCheck(options: external, cacheFile: options.cacheDirectory.appendingPathComponent("links.json"))
        return Self.inOrder(examined.findings + (await check.findings(examined.externalLinks, now: now)))
    }

    private func examine(now: Date, collectingExternalLinks: Bool) throws(DiagnosticList) -> (findings: [Diagnostic], externalLinks: [ExternalLinkCheck.Use]) {
        var findings = try encodings().findings()
        var externalLinks: [ExternalLinkCheck.Use] = []
        var options = self.options
        options.includeDrafts = true
        options.includeFuture = true
        options.includeExpired = true
        // The site's pages and their relations, without Markdown or templates: what a build
        // reports of those is the build's.
        let loader = SiteLoader(options: options, templates: nil)
        do {
            let content = try loader.loadContent()
            findings += content.warnings + content.problems
            let sites = try loader.assemble(content)
            findings += ContentCheck(sites: sites, siteFolder: options.source, now: now).findings()
            findings += TranslationCheck(sites: sites).findings()
            let followed = links(sites, collectingExternalLinks: collectingExternalLinks)
            findings += followed.findings
            externalLinks = followed.external
        } catch {
            findings += error.diagnostics
        }
        return (findings, externalLinks)
    }

    /// Grouped by file (files in path order, each file's in line order), each once: a file that
    /// is not UTF-8 is reported by the encodings and by loading, alike.
    private static func inOrder(_ findings: [Diagnostic]) -> [Diagnostic] {
        Array(Set(findings)).sorted { a, b in
            (a.location.file, a.location.line ?? 0, a.location.column ?? 0, a.message) < (b.location.file, b.location.line ?? 0, b.location.column ?? 0, b.message)
        }
    }

    /// Repairs what repairs without loss (mojibake, byte-order marks), each file first copied
    /// into `.sitegen-backups/TIME/` in the site folder; returns the files rewritten.
    public func fix(now: Date = Date()) throws(DiagnosticList) -> [String] {
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime])
            .replacingOccurrences(of: ":", with: "-")
        let check = try encodings()
        do {
            return try check.fix(backups: options.source.appendingPathComponent(".sitegen-backups/" + stamp))
        } catch {
            throw DiagnosticList([error])
        }
    }

    /// The site built as it is published (no drafts, no future pages) into a folder of its own,
    /// and its internal links followed (and its external ones collected, when asked); what stops
    /// the build is among the findings instead.
    private func links(_ sites: [Site], collectingExternalLinks: Bool) -> (findings: [Diagnostic], external: [ExternalLinkCheck.Use]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = self.options
        options.destination = folder.appendingPathComponent("public")
        options.drawCards = false
        do {
            _ = try Builder(options: options).build()
        } catch {
            return (error.diagnostics, [])
        }
        let check = LinkCheck(output: options.destination, sites: sites)
        return (check.findings(), collectingExternalLinks ? check.externalLinks() : [])
    }

    private func encodings() throws(DiagnosticList) -> EncodingCheck {
        let config: SiteConfig
        do {
            config = try SiteConfig.load(from: options.source)
        } catch {
            throw DiagnosticList([error])
        }
        let folders = ["content"] + config.languages.compactMap(\.contentDir).filter { $0 != "content" }
        return EncodingCheck(site: options.source, contentFolders: Array(Set(folders)).sorted())
    }

    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// The findings for a terminal (a heading per file, then `line:column  severity  message`) or
    /// for CI (JSON: the findings and the counts).
    public static func report(_ findings: [Diagnostic], format: Format) -> String {
        let errors = findings.filter { $0.severity == .error }.count, warnings = findings.count - errors
        switch format {
        case .json:
            struct Entry: Encodable { let file: String; let line: Int?; let column: Int?; let severity: String; let message: String }
            struct Report: Encodable { let errors: Int; let warnings: Int; let findings: [Entry] }
            let report = Report(errors: errors, warnings: warnings, findings: findings.map {
                Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
            })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self) + "\n"
        case .text:
            var lines: [String] = []
            var file: String?
            for finding in findings {
                if finding.location.file != file {
                    file = finding.location.file
                    lines.append((lines.isEmpty ? "" : "\n") + finding.location.file)
                }
                let place = finding.location.line.map { "\($0):\(finding.location.column ?? 1)" } ?? "-"
                lines.append("  \(place)  \(finding.severity.rawValue)  \(finding.message)")
            }
            lines.append((findings.isEmpty ? "" : "\n") + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
