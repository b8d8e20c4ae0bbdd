import Foundation

/// `sitegen check`'s front matter and resources, on the site as a build with drafts and future
/// pages reads it: pages without a title, a page that is not a draft but dated in the future,
/// front-matter keys named like a taxonomy the site does not have; bundle files no page mentions,
/// and share images whose shape is not the 1.91:1 every service shows.
struct ContentCheck {
    let sites: [Site]
    let siteFolder: URL
    let now: Date

    /// The names a taxonomy is often given, in front matter, in the singular and the plural.
    static let taxonomyLikeKeys: Set<String> = ["tag", "tags", "category", "categories", "series", "keyword", "keywords", "topic", "topics"]

    func findings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for site in sites {
            let taxonomies = Set(site.config.taxonomies.flatMap { [$0.singular.lowercased(), $0.plural.lowercased()] })
            for page in site.pages {
                guard let source = page.source else { continue }
                let label = source.label
                func line(_ key: String) -> Int? { page.keyLines.first { $0.key.lowercased() == key }?.value }
                if page.frontMatter.title?.isEmpty ?? true, page.kind != .home {
                    findings.append(.warning(label, line: 1, column: 1, "no title: lists, feeds and the page's <title> fall back on its file name"))
                }
                if !page.frontMatter.draft, let date = page.frontMatter.publishDate ?? page.frontMatter.date, date > now {
                    findings.append(.warning(label, line: line("publishdate") ?? line("date"), column: 1,
                                             "not a draft, but dated \(Self.day(date)): it is left out of every build until then (sitegen build --future includes it)"))
                }
                for key in page.frontMatter.params.keys.sorted() where Self.taxonomyLikeKeys.contains(key.lowercased()) && !taxonomies.contains(key.lowercased()) {
                    let known = site.config.taxonomies.map(\.plural).sorted().joined(separator: ", ")
                    findings.append(.warning(label, line: line(key.lowercased()), column: 1,
                                             "\(key) is not a taxonomy of this site (it has \(known.isEmpty ? "none" : known)): its terms get no pages"))
                }
                if source.kind == .bundle || source.kind == .section, source.language == site.config.defaultContentLanguage || sites.count == 1 {
                    findings += resourceFindings(page, source: source)
                }
            }
        }
        return findings
    }

    private func resourceFindings(_ page: Page, source: ContentSource) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // What the bundle's pages, in every language, say.
        let folder = siteFolder.appendingPathComponent(source.root).appendingPathComponent(source.directory)
        let mentioned = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { ContentScanner.markdownExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        // Files that are not what their names say (Git LFS pointers, text named as an image) are
        // the loader's warnings already.
        for resource in page.resources {
            let name = resource.name
            if !mentioned.contains(name) && !mentioned.contains((name as NSString).lastPathComponent) {
                findings.append(.warning(resource.sourcePath, "not mentioned by its page (\(source.label)): it is published, unused"))
            }
        }
        if let image = page.frontMatter.image, let resource = page.resources.first(where: { $0.name == image }), let info = resource.image {
            let ratio = Double(info.width) / Double(max(1, info.height))
            if abs(ratio - 1.91) > 0.05 {
                findings.append(.warning(source.label, line: page.keyLines.first { $0.key.lowercased() == "image" }?.value, column: 1,
                                         "shares \(image) (\(info.width)×\(info.height), \(String(format: "%.2f", ratio)):1), which services crop to 1.91:1; its 1200×630 card is not shared"))
            }
        }
        return findings
    }

    private static func day(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    }
}
