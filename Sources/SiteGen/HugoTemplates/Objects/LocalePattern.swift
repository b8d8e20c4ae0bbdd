/// A CLDR-style date or time pattern (`EEEE d MMMM y`, `HH:mm:ss z`, `'de'` quoting text), printed
/// as go-locales' generated code prints it: ASCII digits, `h` counting 0 to 12 (midnight is `0`,
/// `hh` padded), `yy` the digits after the first two, and `z` the zone's name as Go has it (`UTC`,
/// `EST`, none for a bare offset), untranslated as Hugo prints it.
struct LocalePattern: Sendable {
    private let tokens: [Token]

    private enum Token: Sendable {
        case text(String)
        case weekday, monthName(wide: Bool)
        case month(padded: Bool), day(padded: Bool), year, shortYear
        case hour24(padded: Bool), hour12(padded: Bool), minute(padded: Bool), second(padded: Bool)
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
        case ("E", 4): return .weekday
        case ("M", 3...): return .monthName(wide: count >= 4)
        case ("M", _): return .month(padded: count == 2)
        case ("d", _): return .day(padded: count == 2)
        case ("y", 2): return .shortYear
        case ("y", _): return .year
        case ("H", _): return .hour24(padded: count == 2)
        case ("h", _): return .hour12(padded: count == 2)
        case ("m", _): return .minute(padded: count == 2)
        case ("s", _): return .second(padded: count == 2)
        case ("a", _): return .period
        case ("z", _): return .zone
        default: preconditionFailure("pattern letter \(letter) is not used by the tabled locales")
        }
    }

    /// Fails as Hugo does, with Go's index error, where a name the pattern prints is past the end
    /// of the locale's data.
    func format(_ time: GoTime, locale: TimeLocale) throws(GoIndexOutOfRange) -> String {
        let zone = time.zone
        let fields = time.fields(offset: zone.offset)
        var text = ""
        for token in tokens {
            switch token {
            case .text(let literal): text += literal
            case .weekday: text += try locale.weekdaysWide.name(fields.weekday)
            case .monthName(let wide): text += try (wide ? locale.monthsWide : locale.monthsAbbreviated).name(fields.month)
            case .month(let padded): text += Self.number(fields.month, padded: padded)
            case .day(let padded): text += Self.number(fields.day, padded: padded)
            case .year: text += String(abs(fields.year))
            case .shortYear:
                let digits = String(fields.year)
                text += String(digits.dropFirst(fields.year > 9 ? 2 : 1))
            case .hour24(let padded): text += Self.number(fields.hour, padded: padded)
            case .hour12(let padded): text += Self.number(fields.hour > 12 ? fields.hour - 12 : fields.hour, padded: padded)
            case .minute(let padded): text += Self.number(fields.minute, padded: padded)
            case .second(let padded): text += Self.number(fields.second, padded: padded)
            case .period: text += try locale.periods.name(fields.hour < 12 ? 0 : 1)
            case .zone: text += zone.name
            }
        }
        return text
    }

    private static func number(_ value: Int, padded: Bool) -> String {
        padded && value < 10 ? "0" + String(value) : String(value)
    }
}
