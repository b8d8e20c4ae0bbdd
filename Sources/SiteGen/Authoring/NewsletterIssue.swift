import Foundation

/// `sitegen new newsletter`: the next issue of a newsletter section, numbered, named, aliased and
/// dated the way its earlier issues are, as a draft bundle from the section's archetype.
///
/// The issues are the section's bundles. An issue's number is the one after `#` in its title
/// (`Weekly #25`), else the one its folder name ends with (`weekly-07`, `news-25`); the next issue
/// is the highest plus one. Its folder name, title and alias follow the latest issue's (`weekly-08`,
/// `SiteGen Weekly #8`, `/weekly/8/`), and its date is the next day, from today, on the weekday
/// most of the last four issues came out on (or the configuration's `newsletter.weekday`), at
/// their time of day.
public struct NewsletterIssue: Sendable {
    public let options: BuildOptions
    /// The newsletter's section folder, from the content folder; nil: the configuration's
    /// `newsletter.section`, `newsletter` by default.
    public let section: String?

    public init(options: BuildOptions, section: String? = nil) {
        self.options = options
        self.section = section
    }

    /// An earlier issue, as its folder and front matter name it.
    struct Issue {
        let folder: String
        let number: Int
        let title: String
        let date: Date?
        let aliases: [String]
    }

    /// Creates the next issue; `date` (a day) and `title` (after the number) are optional. Returns
    /// the files made, from the site folder.
    public func create(date: Date? = nil, title: String? = nil, now: Date = Date()) throws(DiagnosticList) -> [String] {
        let config: NewsletterConfig
        do {
            config = try SiteConfig.load(from: options.source).newsletter
        } catch {
            throw DiagnosticList([error])
        }
        let section = (self.section ?? config.section).trimmingSlashes
        let issues = try earlierIssues(in: section)
        let latest = issues.max { $0.number < $1.number }
        let number = (latest?.number ?? 0) + 1
        let folder = latest.map { Self.renumbered($0.folder, from: $0.number, to: number) } ?? "issue-\(number)"
        let heading = latest.flatMap { Self.titlePrefix($0.title, number: $0.number) }.map { $0 + "\(number)" } ?? "Issue #\(number)"
        let fullTitle = title.map { heading + ": " + $0 } ?? heading
        let aliases = latest.map { issue in issue.aliases.filter { Self.containsNumber($0, issue.number) }.map { Self.renumbered($0, from: issue.number, to: number) } } ?? []
        let day = date.map { Self.at(timeOf: latest?.date, on: $0) } ?? Self.nextIssueDate(after: issues, weekday: config.weekday, now: now)
        let fields: [FrontMatterEditor.Field] = [
            .init(key: "title", value: .string(fullTitle)),
            .init(key: "date", value: .raw(Self.rfc3339(day))),
            .init(key: "draft", value: .raw("true")),
        ] + (aliases.isEmpty ? [] : [.init(key: "aliases", value: .list(aliases))])
        return try NewContent(options: options).create(section + "/" + folder, kind: section, now: day, setting: fields,
                                                        issueNumber: number, bundleFromFile: true)
    }

    /// The number after the highest of `section` (1 for a section without issues): an
    /// archetype's `.IssueNumber` for a page made in the section by path.
    func nextNumber(in section: String) -> Int {
        ((try? earlierIssues(in: section))?.map(\.number).max() ?? 0) + 1
    }

    /// The section's bundles in the default language, with the numbers they carry.
    private func earlierIssues(in section: String) throws(DiagnosticList) -> [Issue] {
        let folder = options.source.appendingPathComponent("content").appendingPathComponent(section)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw DiagnosticList([.error("content/" + section, "no such section: give the newsletter's section with --section")])
        }
        return names.sorted().compactMap { name -> Issue? in
            let index = folder.appendingPathComponent(name).appendingPathComponent("index.md")
            guard let text = try? String(contentsOf: index, encoding: .utf8),
                  let document = try? FrontMatterParser.parse(text, file: index.path),
                  let matter = try? FrontMatter(values: document.values, taxonomies: [], file: index.path, keyLines: document.keyLines)
            else { return nil }
            let title = matter.title ?? ""
            guard let number = Self.numberAfterHash(title) ?? Self.trailingNumber(name) else { return nil }
            return Issue(folder: name, number: number, title: title, date: matter.date, aliases: matter.aliases)
        }
    }

    static func trailingNumber(_ text: String) -> Int? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(String(digits.reversed()))
    }

    static func numberAfterHash(_ title: String) -> Int? {
        guard let hash = title.firstIndex(of: "#") else { return nil }
        let digits = title[title.index(after: hash)...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// `Weekly #11: What comes next` → `Weekly #`: what comes before the number, when it is there.
    static func titlePrefix(_ title: String, number: Int) -> String? {
        guard let range = title.range(of: "#\(number)") ?? title.range(of: "\(number)") else { return nil }
        return String(title[..<range.lowerBound]) + (title[range].hasPrefix("#") ? "#" : "")
    }

    /// Whether `text` has `number` as a run of digits of its own (`/weekly/11/`, `weekly-011`).
    static func containsNumber(_ text: String, _ number: Int) -> Bool {
        digitRuns(text).contains { Int(text[$0]) == number }
    }

    /// `text` with its last run of digits that reads `old` written as `new`, zero-padded to the
    /// same width when it was (`weekly-09` → `weekly-10`, `news-9` → `news-10`).
    static func renumbered(_ text: String, from old: Int, to new: Int) -> String {
        guard let run = digitRuns(text).last(where: { Int(text[$0]) == old }) else { return text }
        let written = text[run]
        let padded = written.hasPrefix("0") ? String(repeating: "0", count: max(0, written.count - String(new).count)) + String(new) : String(new)
        return text.replacingCharacters(in: run, with: padded)
    }

    private static func digitRuns(_ text: String) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isASCII && text[index].isNumber else { index = text.index(after: index); continue }
            let start = index
            while index < text.endIndex, text[index].isASCII && text[index].isNumber { index = text.index(after: index) }
            runs.append(start..<index)
        }
        return runs
    }

    private static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// The next day from `now` (today included) on `weekday`, else the weekday most of the last
    /// four dated issues came out on, at the latest one's time of day; today when no issue is dated.
    static func nextIssueDate(after issues: [Issue], weekday configured: Int?, now: Date) -> Date {
        let dated = issues.compactMap(\.date).sorted().suffix(4)
        guard let latest = dated.last else { return now }
        let calendar = utc
        let counts = Dictionary(grouping: dated) { calendar.component(.weekday, from: $0) }.mapValues(\.count)
        let weekday = configured ?? counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        var day = calendar.startOfDay(for: max(now, calendar.date(byAdding: .day, value: 1, to: latest)!))
        while calendar.component(.weekday, from: day) != weekday { day = calendar.date(byAdding: .day, value: 1, to: day)! }
        return at(timeOf: latest, on: day)
    }

    /// `day` at the time of day of `time` (UTC), or at midnight.
    static func at(timeOf time: Date?, on day: Date) -> Date {
        let calendar = utc
        let start = calendar.startOfDay(for: day)
        guard let time else { return start }
        return start.addingTimeInterval(time.timeIntervalSince(calendar.startOfDay(for: time)))
    }

    static func rfc3339(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime])
    }
}
