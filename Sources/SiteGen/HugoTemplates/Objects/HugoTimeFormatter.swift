/// Hugo 0.111's `time.Format` and `dateFormat` (`htime.TimeFormatter`): Go's layout, then the
/// English month and weekday names in the result replaced by the language's (a plain text
/// replacement, as Hugo does it: "Mon" becomes the abbreviation unless the wide name is already
/// there), and Hugo's own layouts `:date_full` … `:time_short` printed as the locale prints them.
/// `.Date.Format` is Go's method and is not localized.
struct HugoTimeFormatter: Sendable {
    let locale: TimeLocale

    /// The formatter of `language` (a Hugo language key such as `fr` or `pt-br`). As in Hugo, a
    /// language its locale library does not know uses the default content language's locale, and
    /// English when that is unknown too.
    init(language: String, defaultLanguage: String = "en") {
        locale = TimeLocale.forLanguage(language) ?? TimeLocale.forLanguage(defaultLanguage) ?? .english
    }

    /// Fails as Hugo does, with Go's index error, where the locale's data is short.
    func format(_ time: GoTime, layout: String) throws(GoIndexOutOfRange) -> String {
        guard !layout.isEmpty else { return "" }
        if layout.hasPrefix(":"), let pattern = locale.pattern(named: layout.dropFirst().lowercased()) {
            return try pattern.format(time, locale: locale)
        }
        let fields = time.fields
        var text = Array(GoTimeLayout.format(time, layout: layout).utf8)
        try Self.replace(GoCivil.monthNames[fields.month - 1], with: locale.monthsWide, orAbbreviated: locale.monthsAbbreviated,
                         at: fields.month, in: &text)
        try Self.replace(GoCivil.weekdayNames[fields.weekday], with: locale.weekdaysWide, orAbbreviated: locale.weekdaysAbbreviated,
                         at: fields.weekday, in: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Replaces the English `name` with the wide name, then, unless that is in the text, its first
    /// three letters with the abbreviated one (looked up only then, as Hugo does, so that only then
    /// can it fail).
    private static func replace(_ name: String, with wide: LocaleNames, orAbbreviated abbreviated: LocaleNames, at index: Int,
                                in text: inout [UInt8]) throws(GoIndexOutOfRange) {
        let wideBytes = Array(try wide.name(index).utf8)
        text.replaceAll(Array(name.utf8), with: wideBytes)
        if !text.containsBytes(wideBytes) {
            text.replaceAll(Array(name.utf8.prefix(3)), with: Array(try abbreviated.name(index).utf8))
        }
    }
}

/// The names and formats of a locale (github.com/gohugoio/locales, as Hugo 0.111 bundles it).
struct TimeLocale: Sendable {
    /// Indexed by the month, 1 to 12 (index 0 is unused).
    let monthsWide: LocaleNames
    let monthsAbbreviated: LocaleNames
    /// Indexed by the weekday, 0 (Sunday) to 6.
    let weekdaysWide: LocaleNames
    let weekdaysAbbreviated: LocaleNames
    /// Before noon at 0, after noon at 1, as the time formats print them.
    let periods: LocaleNames
    let dateFull: LocalePattern
    let dateLong: LocalePattern
    let dateMedium: LocalePattern
    let dateShort: LocalePattern
    let timeFull: LocalePattern
    let timeLong: LocalePattern
    let timeMedium: LocalePattern
    let timeShort: LocalePattern

    /// Hugo's layout `:name` (lower-cased).
    func pattern(named name: String) -> LocalePattern? {
        switch name {
        case "date_full": return dateFull
        case "date_long": return dateLong
        case "date_medium": return dateMedium
        case "date_short": return dateShort
        case "time_full": return timeFull
        case "time_long": return timeLong
        case "time_medium": return timeMedium
        case "time_short": return timeShort
        default: return nil
        }
    }

    /// The locale Hugo uses for a language key; nil when Hugo's locale library has none. A
    /// regional locale that is not tabled (`de_at`) prints as its language does.
    static func forLanguage(_ language: String) -> TimeLocale? {
        let key = language.lowercased().replacingAll("-", with: "_")
        if let locale = tabled[key] { return locale }
        guard knownToHugo.contains(key) else { return nil }
        return tabled[String(key.prefix { $0 != "_" })]
    }
}

/// Names as go-locales keeps them, a Go slice: some locales' data is short (`ar_dz` has seven
/// month names, `ks` no abbreviated ones), and Hugo fails with Go's index error past its end.
struct LocaleNames: Sendable {
    let slice: [String]

    func name(_ index: Int) throws(GoIndexOutOfRange) -> String {
        guard index < slice.count else { throw GoIndexOutOfRange(index: index, length: slice.count) }
        return slice[index]
    }
}

/// Go's runtime error for an index past a slice's end, which Hugo reports as the function's error.
struct GoIndexOutOfRange: Error, CustomStringConvertible {
    let index: Int
    let length: Int

    var description: String { "runtime error: index out of range [\(index)] with length \(length)" }
}

private extension Array where Element == UInt8 {
    /// Go's `strings.ReplaceAll` on UTF-8 bytes.
    mutating func replaceAll(_ target: [UInt8], with replacement: [UInt8]) {
        guard !target.isEmpty, target != replacement, containsBytes(target) else { return }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        var i = startIndex
        while i < endIndex {
            if self[i] == target[0], i + target.count <= endIndex, self[i..<i + target.count].elementsEqual(target) {
                result.append(contentsOf: replacement)
                i += target.count
            } else {
                result.append(self[i])
                i += 1
            }
        }
        self = result
    }

    /// Go's `strings.Contains` (true for an empty `needle`).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0] == needle[0] && self[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
