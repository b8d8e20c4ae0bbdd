import Foundation

/// Decides the URL of every content page: Hugo's defaults, then `permalinks` patterns, `slug` and
/// `url`. The one place a page's address is chosen.
public struct PageURL: Sendable {
    /// Section name → pattern, from the configuration's `permalinks`.
    public var permalinks: [String: String]
    /// `/fr` for a language other than the default (or every language with
    /// `defaultContentLanguageInSubdir`), else empty.
    public var languagePrefix: String

    public init(permalinks: [String: String], languagePrefix: String = "") {
        self.permalinks = permalinks
        self.languagePrefix = languagePrefix
    }

    /// `/about/` → `/fr/about/`; a path already under the language is left as it is.
    public func prefixed(_ path: String) -> String {
        guard !languagePrefix.isEmpty, path != languagePrefix, !path.hasPrefix(languagePrefix + "/") else { return path }
        return languagePrefix + (path.hasPrefix("/") ? path : "/" + path)
    }

    public func path(for source: ContentSource, frontMatter: FrontMatter, section: String) throws(Diagnostic) -> String {
        let label = source.label
        if let url = frontMatter.url, !url.isEmpty {
            guard let path = OutputPath.normalize(prefixed(Self.sanitize(url))) else {
                throw .error(label, "url '\(url)' leaves the output folder")
            }
            if let refusal = OutputPath.refusal(of: path) { throw .error(label, "url '\(url)' \(refusal)") }
            return path
        }
        switch source.kind {
        case .home:
            return try checked("/", label: label)
        case .section:
            return try checked("/" + Self.sanitize(source.directory) + "/", label: label)
        case .bundle, .single:
            if let pattern = permalinks[section], !section.isEmpty {
                return try checked(expand(pattern, source: source, frontMatter: frontMatter, section: section), label: label)
            }
            let parent = source.kind == .bundle ? source.directory.deletingLastPathSegment : source.directory
            let name = frontMatter.slug.map(Self.sanitize) ?? Self.sanitize(source.baseName)
            return try checked("/" + (parent.isEmpty ? "" : Self.sanitize(parent) + "/") + name + "/", label: label)
        }
    }

    private func checked(_ path: String, label: String) throws(Diagnostic) -> String {
        guard let normalized = OutputPath.normalize(prefixed(path)) else {
            throw .error(label, "the URL '\(path)' leaves the output folder")
        }
        if let refusal = OutputPath.refusal(of: normalized) { throw .error(label, "the URL '\(normalized)' \(refusal)") }
        return normalized
    }

    /// Hugo's permalink tokens.
    static let tokens: Set<String> = ["year", "month", "monthname", "day", "weekday", "weekdayname", "yearday", "section",
                                      "sections", "title", "slug", "filename", "slugorfilename", "contentbasename"]

    /// Whether every `:name` in `pattern` is one of the tokens (`:sMug` is a typo, not text).
    static func isPattern(_ pattern: String) -> Bool {
        tokenNames(in: pattern).allSatisfy { tokens.contains($0.lowercased()) }
    }

    private static func tokenNames(in pattern: String) -> [Substring] {
        pattern.split(separator: ":", omittingEmptySubsequences: false).dropFirst().map { $0.prefix { $0.isLetter } }.filter { !$0.isEmpty }
    }

    /// Expands the permalink tokens of `pattern` (checked by `isPattern` when the configuration is read).
    func expand(_ pattern: String, source: ContentSource, frontMatter: FrontMatter, section: String) -> String {
        let date = frontMatter.date ?? Date(timeIntervalSince1970: 0)
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .weekday], from: date)
        let title = frontMatter.title ?? source.baseName
        let slug = frontMatter.slug.map(Self.sanitize) ?? urlize(title)
        let values: [String: String] = [
            "year": String(format: "%04d", parts.year ?? 1970),
            "month": String(format: "%02d", parts.month ?? 1),
            "monthname": DateView.monthNames[(parts.month ?? 1) - 1].lowercased(),
            "day": String(format: "%02d", parts.day ?? 1),
            "weekday": String((parts.weekday ?? 1) - 1),
            "weekdayname": DateView.weekdayNames[(parts.weekday ?? 1) - 1].lowercased(),
            "yearday": String(format: "%03d", Calendar.utc.ordinality(of: .day, in: .year, for: date) ?? 1),
            "section": Self.sanitize(section),
            "sections": Self.sanitize(source.kind == .bundle ? source.directory.deletingLastPathSegment : source.directory),
            "title": urlize(title),
            "slug": slug,
            "filename": Self.sanitize(source.baseName),
            "slugorfilename": frontMatter.slug.map(Self.sanitize) ?? Self.sanitize(source.baseName),
            "contentbasename": Self.sanitize(source.baseName),
        ]
        assert(Set(values.keys) == Self.tokens)
        var result = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            if pattern[index] == ":" {
                let nameStart = pattern.index(after: index)
                var nameEnd = nameStart
                while nameEnd < pattern.endIndex, pattern[nameEnd].isLetter { nameEnd = pattern.index(after: nameEnd) }
                if let value = values[String(pattern[nameStart..<nameEnd]).lowercased()] {
                    result += value
                    index = nameEnd
                    continue
                }
            }
            result.append(pattern[index])
            index = pattern.index(after: index)
        }
        return result.hasSuffix("/") || (result as NSString).pathExtension != "" ? result : result + "/"
    }

    /// Hugo's path cleaning (`MakePath`): lowercase, spaces to `-`, and characters that cannot
    /// appear in a URL path dropped. Unlike `urlize` it keeps the slashes.
    static func sanitize(_ path: String) -> String {
        var result = ""
        for character in path.lowercased() {
            if character.isWhitespace { result.append("-") }
            else if "?#%\"<>|^`{}[]".contains(character) { continue }
            else { result.append(character) }
        }
        return result
    }
}

extension Calendar {
    /// Dates without a zone are UTC, as in Hugo's default configuration; all date parts use this.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
