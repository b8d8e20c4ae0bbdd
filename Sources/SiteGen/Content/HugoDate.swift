import Foundation

/// Reads dates in every form Hugo accepts in front matter and configuration: ISO 8601 / RFC 3339 with or without
/// time, fraction and zone (`2019-12-13`, `2019-12-13T10:00:00.5+01:00`, `2019-12-13 10:00:00 +0100 UTC`), and the
/// textual forms of RFC 1123, RFC 822, RFC 850, ANSI C, Unix and Ruby dates. A date without zone is UTC.
public enum HugoDate {
    public static func parse(_ value: Value) -> Date? {
        switch value {
        case .date(let date, _): return date
        case .string(let text): return parse(text)
        default: return nil
        }
    }

    public static func parse(_ string: String) -> Date? {
        parseKeepingOffset(string)?.date
    }

    /// The date and the UTC offset written with it (nil for `Z`, `UTC` or none).
    public static func parseKeepingOffset(_ string: String) -> (date: Date, offset: Int?)? {
        let bytes = Array(string.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start].isSpace { start += 1 }
        while end > start, bytes[end - 1].isSpace { end -= 1 }
        let text = bytes[start..<end]
        guard !text.isEmpty else { return nil }
        var iso = ISODateScanner(text)
        guard let components = iso.scan() ?? TextualDateScanner(text).scan(), let date = components.date else { return nil }
        return (date, components.hasNumericOffset ? components.offsetSeconds : nil)
    }
}

/// `YYYY-MM-DD`, optionally followed by `T` or spaces, `HH:MM[:SS[.fraction]]`, an offset (`Z`, `+01:00`, `+0100`,
/// `+01`) and a zone abbreviation (`UTC`, `CET`), as Go's `Time.String()` prints it.
private struct ISODateScanner {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    mutating func scan() -> CivilDateTime? {
        guard let year = number(digits: 4...4), skip("-"),
              let month = number(digits: 1...2), skip("-"),
              let day = number(digits: 1...2)
        else { return nil }
        var result = CivilDateTime(year: year, month: month, day: day)
        if atEnd { return result }

        guard skip("T") || skip("t") || skipSpaces() > 0 else { return nil }
        guard let hour = number(digits: 1...2), skip(":"), let minute = number(digits: 2...2) else { return nil }
        result.hour = hour
        result.minute = minute
        if skip(":") {
            guard let second = number(digits: 2...2) else { return nil }
            result.second = second
            if skip(".") || skip(",") {
                guard let nanosecond = fraction() else { return nil }
                result.nanosecond = nanosecond
            }
        }
        skipSpaces()
        if skip("Z") || skip("z") {
            skipSpaces()
        } else if !atEnd, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let offset = offset() else { return nil }
            result.offsetSeconds = offset
            result.hasNumericOffset = true
            skipSpaces()
        }
        skipZoneAbbreviation()
        return atEnd ? result : nil
    }

    private var atEnd: Bool { index == bytes.endIndex }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard !atEnd, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    @discardableResult
    private mutating func skipSpaces() -> Int {
        let start = index
        while !atEnd, bytes[index].isSpace { index += 1 }
        return index - start
    }

    private mutating func skipZoneAbbreviation() {
        while !atEnd, bytes[index].isLetter { index += 1 }
    }

    private mutating func number(digits allowed: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while !atEnd, bytes[index].isDigit, count < allowed.upperBound {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            count += 1
            index += 1
        }
        return allowed.contains(count) ? value : nil
    }

    /// Fractional seconds as nanoseconds; digits past the ninth are dropped.
    private mutating func fraction() -> Int? {
        var nanoseconds = 0
        var count = 0
        while !atEnd, bytes[index].isDigit {
            if count < 9 { nanoseconds = nanoseconds * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in min(count, 9)..<9 { nanoseconds *= 10 }
        return nanoseconds
    }

    /// `+01:00`, `-0700` or `+01` in seconds east of UTC; the scanner stands on the sign.
    private mutating func offset() -> Int? {
        let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let hours = number(digits: 2...2) else { return nil }
        _ = skip(":")
        let minutes = number(digits: 2...2) ?? 0
        return sign * (hours * 3_600 + minutes * 60)
    }
}

/// Dates written with a month name, in any of Go's textual layouts: `Fri, 13 Dec 2019 10:00:00 +0100` (RFC 1123),
/// `13 Dec 19 10:00 UTC` (RFC 822), `Friday, 13-Dec-19 10:00:00 UTC` (RFC 850), `Fri Dec 13 10:00:00 2019` (ANSI C),
/// `Fri Dec 13 10:00:00 UTC 2019` (Unix), `Fri Dec 13 10:00:00 +0100 2019` (Ruby) and `13 Dec 2019`.
private struct TextualDateScanner {
    private let tokens: [Substring]

    init(_ bytes: ArraySlice<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).flatMap { token in
            // RFC 850 writes the date as 13-Dec-19; a leading "-" is an offset instead.
            token.dropFirst().contains("-") ? token.split(separator: "-") : [token]
        }
    }

    func scan() -> CivilDateTime? {
        var year: Int?
        var month: Int?
        var day: Int?
        var time: (hour: Int, minute: Int, second: Int, nanosecond: Int)?
        var offsetSeconds = 0
        var hasOffset = false

        for token in tokens {
            if let number = Int(token), token.allSatisfy(\.isASCIIDigit) {
                if token.count == 4, year == nil {
                    year = number
                } else if token.count <= 2, day == nil {
                    day = number
                } else if token.count == 2, year == nil {
                    year = number < 69 ? 2000 + number : 1900 + number
                } else {
                    return nil
                }
            } else if let monthNumber = Self.month(named: token), month == nil {
                month = monthNumber
            } else if Self.isWeekday(token) {
                continue
            } else if token.contains(":"), time == nil, let clock = Self.clock(token) {
                time = clock
            } else if let first = token.first, first == "+" || first == "-", let seconds = Self.offset(token) {
                offsetSeconds = seconds
                hasOffset = true
            } else if token.count <= 5, token.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                continue // a zone abbreviation such as UTC or MST: Go reads unknown ones as offset 0
            } else {
                return nil
            }
        }
        guard let year, let month, let day else { return nil }
        var result = CivilDateTime(year: year, month: month, day: day)
        if let time {
            result.hour = time.hour
            result.minute = time.minute
            result.second = time.second
            result.nanosecond = time.nanosecond
        }
        result.offsetSeconds = offsetSeconds
        result.hasNumericOffset = hasOffset
        return result
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]
    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func month(named token: Substring) -> Int? {
        let name = token.lowercased()
        guard name.count >= 3 else { return nil }
        return monthNames.firstIndex { $0 == name || ($0.hasPrefix(name) && name.count == 3) }.map { $0 + 1 }
    }

    private static func isWeekday(_ token: Substring) -> Bool {
        let name = token.lowercased()
        return name.count >= 3 && weekdayNames.contains { $0 == name || ($0.hasPrefix(name) && name.count == 3) }
    }

    private static func clock(_ token: Substring) -> (hour: Int, minute: Int, second: Int, nanosecond: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]) else {
            return nil
        }
        guard parts.count == 3 else { return (hour, minute, 0, 0) }
        let secondParts = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let second = Int(secondParts[0]) else { return nil }
        guard secondParts.count == 2 else { return (hour, minute, second, 0) }
        let digits = secondParts[1]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let nanosecond = Int(digits.prefix(9).padding(toLength: 9, withPad: "0", startingAt: 0))!
        return (hour, minute, second, nanosecond)
    }

    /// `+0100`, `-07:00` or `+01`, in seconds east of UTC.
    private static func offset(_ token: Substring) -> Int? {
        let digits = token.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let hours = Int(digits.prefix(2))!
        let minutes = Int(digits.dropFirst(2)) ?? 0
        let seconds = hours * 3_600 + minutes * 60
        return token.first == "-" ? -seconds : seconds
    }
}

private extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isSpace: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
    var isLetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
