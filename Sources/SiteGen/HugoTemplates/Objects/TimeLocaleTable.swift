import Synchronization

/// Locales written as text, a line a field, its name then its values, each after a tab (here →):
///
///     [fr]                             a locale's key
///     monthsWide→janvier→février→…      the months' names from January, as many as go-locales has
///     monthsAbbreviated→janv.→…
///     weekdaysWide→dimanche→lundi→…     the weekdays' names from Sunday
///     weekdaysAbbreviated→dim.→…
///     periods→→                         before and after noon (French prints neither)
///     date→EEEE d MMMM y→…              the patterns of :date_full, :date_long, :date_medium, :date_short
///     time→HH:mm:ss z→…                 those of :time_full, :time_long, :time_medium, :time_short
///
/// A field with no values is go-locales' empty slice. A name that Hugo never prints is empty (May's
/// abbreviation where no pattern prints it: Go's `Jan` for May is `May`, which Hugo replaces with
/// the wide name), and a pattern that fails on every date is written as the field it fails on
/// (`MMM` where there are no abbreviated month names). A regional locale (`fr_ca`) lists only
/// the fields in which it differs from its language (`fr`).
final class TimeLocaleTable: Sendable {
    /// Each locale's lines, by key, read only when the locale is asked for: reading every field
    /// of every locale, and making them all, on every build, was a hundredth of a 3,000-page build
    /// spent before anything else could start.
    private let sections: [String: [Substring]]
    private let made = Mutex<[String: TimeLocale]>([:])

    init(_ text: String) {
        var sections: [String: [Substring]] = [:]
        var key = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("[") {
                key = String(line.dropFirst().dropLast())
                sections[key] = []
            } else {
                sections[key]?.append(line)
            }
        }
        self.sections = sections
    }

    subscript(key: String) -> TimeLocale? {
        if let locale = made.withLock({ $0[key] }) { return locale }
        guard let own = fields(key) else { return nil }
        let locale = TimeLocale(fields: (fields(String(key.prefix { $0 != "_" })) ?? [:]).merging(own) { $1 })
        made.withLock { $0[key] = locale }
        return locale
    }

    private func fields(_ key: String) -> [Substring: [String]]? {
        sections[key].map { lines in
            Dictionary(lines.map { line in
                let values = line.split(separator: "\t", omittingEmptySubsequences: false)
                return (values[0], values.dropFirst().map(String.init))
            }) { $1 }
        }
    }
}

private extension TimeLocale {
    init(fields: [Substring: [String]]) {
        let values = { (name: Substring) in fields[name] ?? [] }
        let months = { (name: Substring) in LocaleNames(slice: values(name).isEmpty ? [] : [""] + values(name)) }
        let date = values("date").map(LocalePattern.init)
        let time = values("time").map(LocalePattern.init)
        self.init(monthsWide: months("monthsWide"), monthsAbbreviated: months("monthsAbbreviated"),
                  weekdaysWide: LocaleNames(slice: values("weekdaysWide")),
                  weekdaysAbbreviated: LocaleNames(slice: values("weekdaysAbbreviated")),
                  periods: LocaleNames(slice: values("periods")),
                  dateFull: date[0], dateLong: date[1], dateMedium: date[2], dateShort: date[3],
                  timeFull: time[0], timeLong: time[1], timeMedium: time[2], timeShort: time[3])
    }
}
