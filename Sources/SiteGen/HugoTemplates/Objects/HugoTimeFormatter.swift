/// Hugo 0.111's `time.Format` and `dateFormat` (`htime.TimeFormatter`): Go's layout, then the
/// English month and weekday names in the result replaced by the language's (a plain text
/// replacement, as Hugo does it: "Mon" becomes the abbreviation unless the wide name is already
/// there), and Hugo's own layouts `:date_full` … `:time_short` printed as the locale prints them.
/// `.Date.Format` is Go's method and is not localized.
struct HugoTimeFormatter: Sendable {
    let locale: TimeLocale

    /// The formatter of `language` (a Hugo language key such as `fr` or `pt-br`). As in Hugo, a
    /// language its locale library does not know uses the default content language's locale, and
    /// English when that is unknown too. Hugo knows hundreds of regional locales; those not tabled
    /// here (`en-gb`, `fr-ca`) use their base language's.
    init(language: String, defaultLanguage: String = "en") {
        locale = TimeLocale.forLanguage(language) ?? TimeLocale.forLanguage(defaultLanguage) ?? .english
    }

    func format(_ time: GoTime, layout: String) -> String {
        guard !layout.isEmpty else { return "" }
        if layout.hasPrefix(":"), let pattern = locale.pattern(named: layout.dropFirst().lowercased()) {
            return pattern.format(time, locale: locale)
        }
        let fields = time.fields
        var text = Array(GoTimeLayout.format(time, layout: layout).utf8)
        Self.replace(GoCivil.monthNames[fields.month - 1], with: locale.monthsWide[fields.month - 1],
                     orAbbreviated: locale.monthsAbbreviated[fields.month - 1], in: &text)
        Self.replace(GoCivil.weekdayNames[fields.weekday], with: locale.weekdaysWide[fields.weekday],
                     orAbbreviated: locale.weekdaysAbbreviated[fields.weekday], in: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Replaces the English `name` with `wide`, then, unless `wide` is in the text, its first
    /// three letters with `abbreviated`.
    private static func replace(_ name: String, with wide: String, orAbbreviated abbreviated: String, in text: inout [UInt8]) {
        let wideBytes = Array(wide.utf8)
        text.replaceAll(Array(name.utf8), with: wideBytes)
        if !text.containsBytes(wideBytes) {
            text.replaceAll(Array(name.utf8.prefix(3)), with: Array(abbreviated.utf8))
        }
    }
}

/// The names and formats of a locale (github.com/gohugoio/locales, as Hugo 0.111 bundles it).
struct TimeLocale: Sendable {
    let monthsWide: [String]
    let monthsAbbreviated: [String]
    /// Sunday first.
    let weekdaysWide: [String]
    let weekdaysAbbreviated: [String]
    /// Before and after noon, as the time formats print them; nil when they print none.
    let periods: (am: String, pm: String)?
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

    /// The locale Hugo uses for a language key; nil when Hugo's locale library has none.
    static func forLanguage(_ language: String) -> TimeLocale? {
        let key = language.lowercased().replacingAll("-", with: "_")
        if let locale = tabled[key] { return locale }
        guard knownToHugo.contains(key) else { return nil }
        let base = String(key.prefix { $0 != "_" })
        return tabled[base] ?? .english
    }
}

/// A CLDR-style date or time pattern (`EEEE d MMMM y`, `HH:mm:ss z`, `'de'` quoting text), printed
/// as go-locales' generated code prints it: ASCII digits, `h` counting 0 to 12 (midnight is `0`),
/// `yy` the digits after the first two, and `zzzz` the zone's abbreviation (Hugo would print a
/// translated name for the abbreviations go-locales lists, such as `EST`; those names are not
/// tabled here).
struct LocalePattern: Sendable {
    private let tokens: [Token]

    private enum Token: Sendable {
        case text(String)
        case weekdayWide, monthWide, monthAbbreviated
        case month(padded: Bool), day(padded: Bool), year, shortYear
        case hour24(padded: Bool), hour12, minute(padded: Bool), second(padded: Bool)
        case period, zone
    }

    init(_ pattern: String) {
        var tokens: [Token] = []
        var characters = Substring(pattern)
        while let first = characters.first {
            if first == "'" {
                let quoted = characters.dropFirst().prefix { $0 != "'" }
                tokens.append(.text(String(quoted)))
                characters = characters.dropFirst(quoted.count + 2)
            } else if first.isASCII && first.isLetter {
                let run = characters.prefix { $0 == first }
                tokens.append(Self.token(first, count: run.count))
                characters = characters.dropFirst(run.count)
            } else {
                let literal = characters.prefix { $0 != "'" && !($0.isASCII && $0.isLetter) }
                tokens.append(.text(String(literal)))
                characters = characters.dropFirst(literal.count)
            }
        }
        self.tokens = tokens
    }

    private static func token(_ letter: Character, count: Int) -> Token {
        switch (letter, count) {
        case ("E", _): return .weekdayWide
        case ("M", 4...): return .monthWide
        case ("M", 3): return .monthAbbreviated
        case ("M", _): return .month(padded: count == 2)
        case ("d", _): return .day(padded: count == 2)
        case ("y", 2): return .shortYear
        case ("y", _): return .year
        case ("H", _): return .hour24(padded: count == 2)
        case ("h", _): return .hour12
        case ("m", _): return .minute(padded: count == 2)
        case ("s", _): return .second(padded: count == 2)
        case ("a", _): return .period
        case ("z", _): return .zone
        default: preconditionFailure("pattern letter \(letter) is not used by the tabled locales")
        }
    }

    func format(_ time: GoTime, locale: TimeLocale) -> String {
        let zone = time.zone
        let fields = time.fields(offset: zone.offset)
        var text = ""
        for token in tokens {
            switch token {
            case .text(let literal): text += literal
            case .weekdayWide: text += locale.weekdaysWide[fields.weekday]
            case .monthWide: text += locale.monthsWide[fields.month - 1]
            case .monthAbbreviated: text += locale.monthsAbbreviated[fields.month - 1]
            case .month(let padded): text += Self.number(fields.month, padded: padded)
            case .day(let padded): text += Self.number(fields.day, padded: padded)
            case .year: text += String(abs(fields.year))
            case .shortYear:
                let digits = String(fields.year)
                text += String(digits.dropFirst(fields.year > 9 ? 2 : 1))
            case .hour24(let padded): text += Self.number(fields.hour, padded: padded)
            case .hour12: text += String(fields.hour > 12 ? fields.hour - 12 : fields.hour)
            case .minute(let padded): text += Self.number(fields.minute, padded: padded)
            case .second(let padded): text += Self.number(fields.second, padded: padded)
            case .period: text += (fields.hour < 12 ? locale.periods?.am : locale.periods?.pm) ?? ""
            case .zone: text += zone.name
            }
        }
        return text
    }

    private static func number(_ value: Int, padded: Bool) -> String {
        padded && value < 10 ? "0" + String(value) : String(value)
    }
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
