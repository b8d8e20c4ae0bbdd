import Foundation

/// Go's `time.Time`: an instant to the nanosecond and the location it is shown in, with the
/// methods of Go 1.19's `time` package that templates call, computed the way Go computes them
/// (days-from-civil arithmetic, no `Calendar`).
struct GoTime: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    private(set) var unixSeconds: Int
    /// 0..<1_000_000_000.
    private(set) var nanosecond: Int
    private(set) var location: GoLocation
    /// The monotonic clock reading of a time from `now()`, in nanoseconds since the process's
    /// first look at the clock: Go prints it after the time (`m=+0.001234567`) and compares by it.
    private(set) var monotonic: Int?

    init(unixSeconds: Int, nanosecond: Int = 0, location: GoLocation = .utc) {
        self.unixSeconds = unixSeconds + GoCivil.floorDivide(nanosecond, GoDuration.second)
        self.nanosecond = GoCivil.floorModulo(nanosecond, GoDuration.second)
        self.location = location
        self.monotonic = nil
    }

    /// Go's `time.Date`: the wall clock `year-month-day hour:minute:second` in `location`, the
    /// fields normalized as Go does (October 32 is November 1).
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0,
         location: GoLocation) {
        let wallSeconds = GoCivil.days(year: year + GoCivil.floorDivide(month - 1, 12),
                                       month: GoCivil.floorModulo(month - 1, 12) + 1, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second + GoCivil.floorDivide(nanosecond, GoDuration.second)
        // Look the offset up at the wall time read as UTC, then again at the UTC it gives when
        // that falls outside the zone found (near a transition).
        let guess = location.period(at: wallSeconds)
        var offset = guess.zone.offset
        if offset != 0 {
            let utc = wallSeconds - offset
            if utc < guess.start || utc >= guess.end { offset = location.zone(at: utc).offset }
        }
        self.init(unixSeconds: wallSeconds - offset, nanosecond: GoCivil.floorModulo(nanosecond, GoDuration.second),
                  location: location)
    }

    /// The instant of a Foundation date (to the microsecond or so a `Double` keeps), shown in
    /// `location`.
    init(_ date: Date, location: GoLocation = .utc) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let nanoseconds = ((date.timeIntervalSince1970 - seconds) * 1e9).rounded()
        self.init(unixSeconds: Int(seconds), nanosecond: Int(nanoseconds), location: location)
    }

    /// Go's zero `time.Time`: January 1, year 1, 00:00:00 UTC.
    static let zero = GoTime(unixSeconds: zeroUnixSeconds)
    private static let zeroUnixSeconds = -62_135_596_800

    /// Go's `time.Now()`: the local time, with a monotonic clock reading.
    static func now() -> GoTime {
        let start = processStart
        let elapsed = (ContinuousClock.now - start).components
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var time = GoTime(unixSeconds: Int(spec.tv_sec), nanosecond: Int(spec.tv_nsec), location: .local)
        time.monotonic = Int(elapsed.seconds) * GoDuration.second + Int(elapsed.attoseconds / 1_000_000_000)
        return time
    }

    private static let processStart = ContinuousClock.now

    // MARK: Fields

    var zone: GoLocation.Zone { location.zone(at: unixSeconds) }

    /// The calendar date and clock in the time's zone.
    struct Fields {
        let year: Int
        /// 1...12
        let month: Int
        let day: Int
        /// 1...366
        let yearDay: Int
        /// 0 is Sunday, as in Go.
        let weekday: Int
        let hour: Int
        let minute: Int
        let second: Int
    }

    var fields: Fields { fields(offset: zone.offset) }

    func fields(offset: Int) -> Fields {
        let local = unixSeconds + offset
        let days = GoCivil.floorDivide(local, 86_400)
        let secondOfDay = local - days * 86_400
        let date = GoCivil.date(fromDays: days)
        return Fields(year: date.year, month: date.month, day: date.day,
                      yearDay: days - GoCivil.days(year: date.year, month: 1, day: 1) + 1,
                      weekday: GoCivil.floorModulo(days + 4, 7),
                      hour: secondOfDay / 3_600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    var isZero: Bool { unixSeconds == Self.zeroUnixSeconds && nanosecond == 0 }

    var unixMilliseconds: Int { unixSeconds &* 1_000 &+ nanosecond / 1_000_000 }
    var unixMicroseconds: Int { unixSeconds &* 1_000_000 &+ nanosecond / 1_000 }
    var unixNanoseconds: Int { unixSeconds &* GoDuration.second &+ nanosecond }

    // MARK: Comparing

    /// Go compares by the monotonic clock when both times have a reading.
    private func ordered(_ other: GoTime) -> Int {
        if let mine = monotonic, let theirs = other.monotonic { return mine < theirs ? -1 : mine > theirs ? 1 : 0 }
        if unixSeconds != other.unixSeconds { return unixSeconds < other.unixSeconds ? -1 : 1 }
        return nanosecond < other.nanosecond ? -1 : nanosecond > other.nanosecond ? 1 : 0
    }

    func isBefore(_ other: GoTime) -> Bool { ordered(other) < 0 }
    func isAfter(_ other: GoTime) -> Bool { ordered(other) > 0 }
    func isEqual(_ other: GoTime) -> Bool { ordered(other) == 0 }

    // MARK: Arithmetic

    /// Go's `Add`: the monotonic reading moves too, and is dropped if it would overflow.
    func adding(_ duration: GoDuration) -> GoTime {
        var result = GoTime(unixSeconds: unixSeconds + duration.nanoseconds / GoDuration.second,
                            nanosecond: nanosecond + duration.nanoseconds % GoDuration.second, location: location)
        if let monotonic {
            let (moved, overflow) = monotonic.addingReportingOverflow(duration.nanoseconds)
            result.monotonic = overflow ? nil : moved
        }
        return result
    }

    /// Go's `Sub`, clamped to the durations an int64 holds.
    func subtracting(_ other: GoTime) -> GoDuration {
        if let mine = monotonic, let theirs = other.monotonic {
            let (difference, overflow) = mine.subtractingReportingOverflow(theirs)
            return overflow ? (mine > theirs ? .maximum : .minimum) : GoDuration(difference)
        }
        let (scaled, overflowSeconds) = (unixSeconds - other.unixSeconds).multipliedReportingOverflow(by: GoDuration.second)
        let (difference, overflow) = scaled.addingReportingOverflow(nanosecond - other.nanosecond)
        guard overflowSeconds || overflow else { return GoDuration(difference) }
        return isBefore(other) ? .minimum : .maximum
    }

    /// Go's `AddDate`: the date moved in the time's location, then normalized.
    func addingDate(years: Int, months: Int, days: Int) -> GoTime {
        let date = fields
        return GoTime(year: date.year + years, month: date.month + months, day: date.day + days, hour: date.hour,
                      minute: date.minute, second: date.second, nanosecond: nanosecond, location: location)
    }

    /// Go's `Truncate`: down to a multiple of `duration` since the zero time.
    func truncated(to duration: GoDuration) -> GoTime {
        guard duration.nanoseconds > 0 else { return withoutMonotonic }
        return withoutMonotonic.adding(GoDuration(-remainder(dividingBy: duration.nanoseconds)))
    }

    /// Go's `Round`: to the nearest multiple of `duration` since the zero time, halves up.
    func rounded(to duration: GoDuration) -> GoTime {
        guard duration.nanoseconds > 0 else { return withoutMonotonic }
        let remainder = remainder(dividingBy: duration.nanoseconds)
        if UInt(remainder) + UInt(remainder) < UInt(duration.nanoseconds) {
            return withoutMonotonic.adding(GoDuration(-remainder))
        }
        return withoutMonotonic.adding(GoDuration(duration.nanoseconds - remainder))
    }

    /// Go's `div`: the time since the zero time modulo `divisor` nanoseconds.
    private func remainder(dividingBy divisor: Int) -> Int {
        var seconds = unixSeconds - Self.zeroUnixSeconds
        var nanoseconds = nanosecond
        let negative = seconds < 0
        if negative {
            seconds = -seconds
            nanoseconds = -nanoseconds
            if nanoseconds < 0 {
                nanoseconds += GoDuration.second
                seconds -= 1
            }
        }
        let remainder: Int
        if divisor < GoDuration.second && GoDuration.second % (divisor + divisor) == 0 {
            remainder = nanoseconds % divisor
        } else if divisor % GoDuration.second == 0 {
            remainder = seconds % (divisor / GoDuration.second) * GoDuration.second + nanoseconds
        } else {
            // (seconds × 10⁹ + nanoseconds) mod divisor, without overflowing.
            let modulus = UInt64(divisor)
            let product = (UInt64(seconds) % modulus).multipliedFullWidth(by: UInt64(GoDuration.second) % modulus)
            let scaled = modulus.dividingFullWidth(product).remainder
            remainder = Int((scaled % modulus + UInt64(nanoseconds) % modulus) % modulus)
        }
        return negative && remainder != 0 ? divisor - remainder : remainder
    }

    // MARK: Locations

    /// Go's `In`, `UTC` and `Local`: the same instant shown elsewhere, without a monotonic reading.
    func inLocation(_ location: GoLocation) -> GoTime {
        var result = withoutMonotonic
        result.location = location
        return result
    }

    private var withoutMonotonic: GoTime {
        var result = self
        result.monotonic = nil
        return result
    }

    // MARK: Printing

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, and the monotonic
    /// reading of a time from `now`.
    var string: String {
        var text = GoTimeLayout.format(self, layout: Self.stringLayout)
        if let monotonic {
            let magnitude = monotonic.magnitude
            let (seconds, nanoseconds) = (magnitude / 1_000_000_000, magnitude % 1_000_000_000)
            let (gigaseconds, units) = (seconds / 1_000_000_000, seconds % 1_000_000_000)
            text += monotonic < 0 ? " m=-" : " m=+"
            if gigaseconds != 0 { text += String(gigaseconds) }
            text += Self.padded(units, to: gigaseconds != 0 ? 9 : 0) + "." + Self.padded(nanoseconds, to: 9)
        }
        return text
    }

    private static let stringLayout = Array("2006-01-02 15:04:05.999999999 -0700 MST".utf8)[...]

    private static func padded(_ number: UInt, to width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Go's `time.Duration`: a signed count of nanoseconds.
struct GoDuration: Sendable, Hashable {
    let nanoseconds: Int

    init(_ nanoseconds: Int) { self.nanoseconds = nanoseconds }

    static let second = 1_000_000_000
    static let minimum = GoDuration(.min)
    static let maximum = GoDuration(.max)

    var seconds: Double { Double(nanoseconds / Self.second) + Double(nanoseconds % Self.second) / 1e9 }
    var minutes: Double { Double(nanoseconds / (60 * Self.second)) + Double(nanoseconds % (60 * Self.second)) / 60e9 }
    var hours: Double { Double(nanoseconds / (3_600 * Self.second)) + Double(nanoseconds % (3_600 * Self.second)) / 3_600e9 }

    /// Go's `Duration.Truncate`: toward zero to a multiple of `unit`.
    func truncated(to unit: GoDuration) -> GoDuration {
        unit.nanoseconds <= 0 ? self : GoDuration(nanoseconds - nanoseconds % unit.nanoseconds)
    }

    /// Go's `Duration.Round`: to the nearest multiple of `unit`, halves away from zero, clamped.
    func rounded(to unit: GoDuration) -> GoDuration {
        let m = unit.nanoseconds
        guard m > 0 else { return self }
        var r = nanoseconds % m
        if nanoseconds < 0 {
            r = -r
            if UInt(r) + UInt(r) < UInt(m) { return GoDuration(nanoseconds + r) }
            let (rounded, overflow) = nanoseconds.addingReportingOverflow(r - m)
            return overflow ? .minimum : GoDuration(rounded)
        }
        if UInt(r) + UInt(r) < UInt(m) { return GoDuration(nanoseconds - r) }
        let (rounded, overflow) = nanoseconds.addingReportingOverflow(m - r)
        return overflow ? .maximum : GoDuration(rounded)
    }

    var absolute: GoDuration {
        nanoseconds >= 0 ? self : nanoseconds == .min ? .maximum : GoDuration(-nanoseconds)
    }

    /// Go's `Duration.String()`: `72h3m0.5s`, `1.2ms`, `0s`.
    var string: String {
        var magnitude = UInt64(nanoseconds.magnitude)
        var text: [UInt8] = [UInt8(ascii: "s")]
        if magnitude < UInt64(Self.second) {
            guard magnitude != 0 else { return "0s" }
            let precision: Int
            switch magnitude {
            case ..<1_000: precision = 0; text.append(UInt8(ascii: "n"))
            case ..<1_000_000: precision = 3; text.append(contentsOf: "µ".utf8.reversed())
            default: precision = 6; text.append(UInt8(ascii: "m"))
            }
            magnitude = Self.appendFraction(magnitude, precision: precision, to: &text)
            Self.appendInteger(magnitude, to: &text)
        } else {
            magnitude = Self.appendFraction(magnitude, precision: 9, to: &text)
            Self.appendInteger(magnitude % 60, to: &text)
            magnitude /= 60
            if magnitude > 0 {
                text.append(UInt8(ascii: "m"))
                Self.appendInteger(magnitude % 60, to: &text)
                magnitude /= 60
                if magnitude > 0 {
                    text.append(UInt8(ascii: "h"))
                    Self.appendInteger(magnitude, to: &text)
                }
            }
        }
        if nanoseconds < 0 { text.append(UInt8(ascii: "-")) }
        return String(decoding: text.reversed(), as: UTF8.self)
    }

    /// Appends, reversed, the fraction `value / 10^precision` without trailing zeros (and without
    /// the point when it is zero); returns the integer part.
    private static func appendFraction(_ value: UInt64, precision: Int, to text: inout [UInt8]) -> UInt64 {
        var value = value
        var printing = false
        for _ in 0..<precision {
            let digit = value % 10
            printing = printing || digit != 0
            if printing { text.append(UInt8(ascii: "0") + UInt8(digit)) }
            value /= 10
        }
        if printing { text.append(UInt8(ascii: ".")) }
        return value
    }

    private static func appendInteger(_ value: UInt64, to text: inout [UInt8]) {
        text.append(contentsOf: String(value).utf8.reversed())
    }
}

extension GoDuration {
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private static let units: [Substring: UInt64] = [
        "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// Go's `time.ParseDuration`: `300ms`, `-1.5h`, `2h45m`.
    static func parse(_ text: String) throws -> GoDuration {
        let quoted = Self.quoted(text[...])
        let invalid = ParseError(description: "time: invalid duration \(quoted)")
        var rest = Substring(text)
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return GoDuration(0) }
        guard !rest.isEmpty else { throw invalid }
        var total: UInt64 = 0
        while !rest.isEmpty {
            guard let first = rest.first, first == "." || first.isASCIIDigit else { throw invalid }
            let whole = rest.prefix { $0.isASCIIDigit }
            rest = rest.dropFirst(whole.count)
            guard let integer = Self.leadingInteger(whole) else { throw invalid }
            var fraction: (value: UInt64, scale: Double) = (0, 1)
            var hasFraction = false
            if rest.first == "." {
                rest = rest.dropFirst()
                let digits = rest.prefix { $0.isASCIIDigit }
                rest = rest.dropFirst(digits.count)
                fraction = Self.leadingFraction(digits)
                hasFraction = !digits.isEmpty
            }
            guard !whole.isEmpty || hasFraction else { throw invalid }
            let unitText = rest.prefix { !($0 == "." || $0.isASCIIDigit) }
            guard !unitText.isEmpty else { throw ParseError(description: "time: missing unit in duration \(quoted)") }
            rest = rest.dropFirst(unitText.count)
            guard let unit = units[unitText] else {
                throw ParseError(description: "time: unknown unit \(Self.quoted(unitText)) in duration \(quoted)")
            }
            guard integer <= (1 << 63) / unit else { throw invalid }
            var value = integer * unit
            if fraction.value > 0 {
                value += UInt64(Double(fraction.value) * (Double(unit) / fraction.scale))
                guard value <= 1 << 63 else { throw invalid }
            }
            total += value
            guard total <= 1 << 63 else { throw invalid }
        }
        if negative { return GoDuration(total == 1 << 63 ? .min : -Int(total)) }
        guard total <= UInt64(Int.max) else { throw invalid }
        return GoDuration(Int(total))
    }

    /// Go's `time.quote`: in double quotes, `"` and `\` escaped, bytes outside printable ASCII
    /// as `\xNN`.
    private static func quoted(_ text: Substring) -> String {
        var quoted = "\""
        for byte in text.utf8 {
            switch byte {
            case 0x20..<0x80:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { quoted += "\\" }
                quoted.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                quoted += "\\x" + String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
            }
        }
        return quoted + "\""
    }

    /// Go's `leadingInt`: nil on overflow past 2⁶³.
    private static func leadingInteger(_ digits: Substring) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits.utf8 {
            guard value <= (1 << 63) / 10 else { return nil }
            value = value * 10 + UInt64(digit - UInt8(ascii: "0"))
            guard value <= 1 << 63 else { return nil }
        }
        return value
    }

    /// Go's `leadingFraction`: the digits as an integer and its scale, precision stopping
    /// before overflow.
    private static func leadingFraction(_ digits: Substring) -> (value: UInt64, scale: Double) {
        var value: UInt64 = 0
        var scale = 1.0
        for digit in digits.utf8 {
            guard value <= UInt64(Int.max) / 10 else { break }
            let next = value * 10 + UInt64(digit - UInt8(ascii: "0"))
            guard next <= 1 << 63 else { break }
            value = next
            scale *= 10
        }
        return (value, scale)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The proleptic Gregorian calendar on days since 1970-01-01.
enum GoCivil {
    /// Howard Hinnant's days-from-civil; `day` may run past the month (it counts on linearly).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = GoCivil.floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Hinnant's civil-from-days.
    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = GoCivil.floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}

extension GoCivil {
    static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        return dividend % divisor != 0 && (dividend < 0) != (divisor < 0) ? quotient - 1 : quotient
    }

    static func floorModulo(_ dividend: Int, _ divisor: Int) -> Int {
        let remainder = dividend % divisor
        return remainder != 0 && (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder
    }
}
