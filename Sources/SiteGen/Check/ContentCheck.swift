import Foundation

/// `sitegen check`'s front matter and resources, on the site as a build with drafts and future
/// pages reads it: pages without a title, a page that is not a draft but dated in the future, a
/// date with a time of day but no time zone,
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
                findings += zonelessDates(page, source: source, label: label)
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

    /// The date keys whose value gives a time of day without a time zone (`2024-03-01T09:00:00`):
    /// Hugo reads them as UTC, which is not the time the editor meant unless they work in UTC.
    private func zonelessDates(_ page: Page, source: ContentSource, label: String) -> [Diagnostic] {
        let keys = ["date", "publishdate", "expirydate", "lastmod"]
        let lines = keys.compactMap { key in page.keyLines.first { $0.key.lowercased() == key }.map { (key: $0.key, line: $0.value) } }
        guard !lines.isEmpty else { return [] }
        let file = siteFolder.appendingPathComponent(source.root).appendingPathComponent(source.path)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.compactMap { entry in
            guard entry.line >= 1, entry.line <= fileLines.count,
                  let value = Self.dateValue(fileLines[entry.line - 1], key: entry.key), Self.hasTimeWithoutZone(value) else { return nil }
            return .warning(label, line: entry.line, column: 1,
                            "\(entry.key) \(value) has a time but no time zone: it is read as UTC; write \(value)Z or with its offset (\(value)+01:00)")
        }
    }

    /// The value after `key:` or `key =` on a front-matter line, without quotes.
    private static func dateValue(_ line: Substring, key: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\"" }
        guard trimmed.lowercased().hasPrefix(key.lowercased()) else { return nil }
        var rest = trimmed.dropFirst(key.count).drop { $0 == " " || $0 == "\"" }
        guard let separator = rest.first, separator == ":" || separator == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let value = rest.prefix { $0 != "\"" && $0 != "'" && $0 != "," && $0 != "#" }.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// `2024-03-01T09:00`, `2024-03-01 09:00:00`: a date and a time, and no `Z` or offset after it.
    static func hasTimeWithoutZone(_ value: String) -> Bool {
        let characters = Array(value)
        guard characters.count >= 16, characters[4] == "-", characters[7] == "-", characters[10] == "T" || characters[10] == " ",
              characters[0..<4].allSatisfy(\.isNumber), characters[11..<13].allSatisfy(\.isNumber), characters[13] == ":" else { return false }
        let time = characters[11...].prefix { $0.isNumber || $0 == ":" || $0 == "." }
        let zone = String(characters[(11 + time.count)...]).trimmingCharacters(in: .whitespaces)
        return zone.isEmpty
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
