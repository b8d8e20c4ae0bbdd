import Foundation
import Synchronization

/// Go's `*time.Location`: the zones a place has used and when it changed between them. UTC, the
/// fixed zones `time.Parse` makes for a numeric offset (`+01:00` gives a zone with no name), and
/// the IANA zones read from the system's zoneinfo files as Go reads them (`zoneinfo_read.go`),
/// with the POSIX rule at the end of a file for the years after its last transition.
final class GoLocation: Sendable {
    /// What `Location.String()` prints: "UTC", "Local", "Europe/Paris", or "" for a fixed zone.
    let name: String
    fileprivate let zones: [Zone]
    fileprivate let transitions: [Transition]
    fileprivate let rule: TZRule?

    struct Zone: Sendable, Equatable {
        /// The abbreviation (`CET`); empty for the zone of a parsed offset.
        let name: String
        /// Seconds east of UTC.
        let offset: Int
        let isDST: Bool
    }

    fileprivate struct Transition: Sendable {
        let when: Int
        let zone: Int
    }

    /// The zone in effect at an instant, and the instants it starts and stops being in effect.
    struct Period {
        let zone: Zone
        let start: Int
        let end: Int
    }

    fileprivate init(name: String, zones: [Zone], transitions: [Transition], rule: TZRule?) {
        self.name = name
        self.zones = zones
        self.transitions = transitions
        self.rule = rule
    }

    static let utc = GoLocation(name: "UTC", zones: [], transitions: [], rule: nil)

    /// Go's `time.FixedZone`.
    static func fixed(name: String, offset: Int) -> GoLocation {
        GoLocation(name: name, zones: [Zone(name: name, offset: offset, isDST: false)],
                   transitions: [Transition(when: .min, zone: 0)], rule: nil)
    }

    /// The zone in effect at `unixSeconds` (Go's `Location.lookup`).
    func period(at unixSeconds: Int) -> Period {
        guard !zones.isEmpty else { return Period(zone: Zone(name: "UTC", offset: 0, isDST: false), start: .min, end: .max) }
        guard let first = transitions.first, unixSeconds >= first.when else {
            return Period(zone: zones[firstZone], start: .min, end: transitions.first?.when ?? .max)
        }
        var low = 0
        var high = transitions.count
        var end = Int.max
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if unixSeconds < transitions[middle].when {
                end = transitions[middle].when
                high = middle
            } else {
                low = middle
            }
        }
        let start = transitions[low].when
        if low == transitions.count - 1, let rule, let period = rule.period(at: unixSeconds, lastTransition: start) {
            return period
        }
        return Period(zone: zones[transitions[low].zone], start: start, end: end)
    }

    func zone(at unixSeconds: Int) -> Zone { period(at: unixSeconds).zone }

    /// The offset of the zone called `name` around `unixSeconds` read as UTC (Go's `lookupName`,
    /// for parsing abbreviations such as `CET`).
    func offset(ofZoneNamed name: String, near unixSeconds: Int) -> Int? {
        for zone in zones where zone.name == name {
            let inEffect = self.zone(at: unixSeconds - zone.offset)
            if inEffect.name == name { return inEffect.offset }
        }
        return zones.first { $0.name == name }?.offset
    }

    /// The zone for instants before the first transition (Go's `lookupFirstZone`).
    private var firstZone: Int {
        guard transitions.contains(where: { $0.zone == 0 }) else { return 0 }
        if let first = transitions.first, zones[first.zone].isDST,
           let standard = zones[..<first.zone].lastIndex(where: { !$0.isDST }) {
            return standard
        }
        return zones.firstIndex { !$0.isDST } ?? 0
    }
}

// MARK: - Loading

extension GoLocation {
    /// Go's `time.Local`, the process's zone: `$TZ` if set (empty means UTC), else
    /// `/etc/localtime`, else UTC.
    static let local: GoLocation = {
        guard var tz = ProcessInfo.processInfo.environment["TZ"] else {
            return (try? load(path: "/etc/localtime", name: "Local")) ?? .utc
        }
        if tz.hasPrefix(":") { tz.removeFirst() }
        if tz.hasPrefix("/") {
            return (try? load(path: tz, name: tz == "/etc/localtime" ? "Local" : tz)) ?? .utc
        }
        guard !tz.isEmpty, tz != "UTC", let location = try? loadFromZoneDirectories(tz) else { return .utc }
        return location
    }()

    struct UnknownZone: Error, CustomStringConvertible {
        let name: String
        var description: String { "unknown time zone \(name)" }
    }

    private static let loaded = Mutex<[String: GoLocation]>([:])

    /// Go's `time.LoadLocation`: "" and "UTC" are UTC, "Local" is `local`, other names are
    /// IANA zones (`Europe/Oslo`), read once.
    static func load(_ name: String) throws -> GoLocation {
        switch name {
        case "", "UTC": return .utc
        case "Local": return .local
        default: break
        }
        if let location = loaded.withLock({ $0[name] }) { return location }
        guard !name.contains(".."), !name.hasPrefix("/"), !name.hasPrefix("\\") else {
            throw InvalidLocationName()
        }
        let location = try loadFromZoneDirectories(name)
        loaded.withLock { $0[name] = location }
        return location
    }

    private static func loadFromZoneDirectories(_ name: String) throws -> GoLocation {
        var directories = ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/"]
        if let zoneinfo = ProcessInfo.processInfo.environment["ZONEINFO"], !zoneinfo.isEmpty {
            directories.insert(zoneinfo + "/", at: 0)
        }
        for directory in directories {
            if let location = try? load(path: directory + name, name: name) { return location }
        }
        throw UnknownZone(name: name)
    }

    private static func load(path: String, name: String) throws -> GoLocation {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var reader = TZifReader(Array(data))
        guard let location = reader.location(named: name) else { throw UnknownZone(name: name) }
        return location
    }

    struct InvalidLocationName: Error, CustomStringConvertible {
        var description: String { "time: invalid location name" }
    }
}

/// Reads a TZif file (RFC 8536) as Go's `LoadLocationFromTZData` does: the 64-bit data of
/// version 2 and later, and the POSIX TZ rule at the end.
private struct TZifReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func location(named name: String) -> GoLocation? {
        guard let magic = take(4), magic.elementsEqual("TZif".utf8), let header = take(16) else { return nil }
        let version: Int
        switch header.first {
        case 0: version = 1
        case UInt8(ascii: "2"): version = 2
        case UInt8(ascii: "3"): version = 3
        default: return nil
        }
        guard var counts = readCounts() else { return nil }
        var timeSize = 4
        if version > 1 {
            let skipped = counts.times * 5 + counts.zones * 6 + counts.characters + counts.leaps * 8
                + counts.standardWall + counts.utcLocal + 20
            guard take(skipped) != nil, let again = readCounts() else { return nil }
            counts = again
            timeSize = 8
        }
        guard let times = take(counts.times * timeSize), let zoneIndices = take(counts.times),
              let zoneData = take(counts.zones * 6), let abbreviations = take(counts.characters),
              take(counts.leaps * (timeSize + 4)) != nil, take(counts.standardWall) != nil, take(counts.utcLocal) != nil,
              counts.zones > 0
        else { return nil }

        var zones: [GoLocation.Zone] = []
        for start in stride(from: zoneData.startIndex, to: zoneData.endIndex, by: 6) {
            let nameIndex = Int(zoneData[start + 5])
            guard nameIndex < abbreviations.count else { return nil }
            let name = abbreviations[(abbreviations.startIndex + nameIndex)...].prefix { $0 != 0 }
            zones.append(GoLocation.Zone(name: String(decoding: name, as: UTF8.self),
                                         offset: Int(Int32(bitPattern: UInt32(Self.bigEndian(zoneData[start..<start + 4])))),
                                         isDST: zoneData[start + 4] != 0))
        }
        var transitions: [GoLocation.Transition] = []
        for (number, zoneIndex) in zoneIndices.enumerated() {
            let start = times.startIndex + number * timeSize
            let raw = Self.bigEndian(times[start..<start + timeSize])
            let when = timeSize == 8 ? Int(Int64(bitPattern: raw)) : Int(Int32(bitPattern: UInt32(raw)))
            guard Int(zoneIndex) < zones.count else { return nil }
            transitions.append(GoLocation.Transition(when: when, zone: Int(zoneIndex)))
        }
        if transitions.isEmpty { transitions = [GoLocation.Transition(when: .min, zone: 0)] }
        return GoLocation(name: name, zones: zones, transitions: transitions, rule: footerRule())
    }

    private struct Counts {
        var utcLocal, standardWall, leaps, times, zones, characters: Int
    }

    private mutating func readCounts() -> Counts? {
        var values: [Int] = []
        for _ in 0..<6 {
            guard let field = take(4) else { return nil }
            values.append(Int(Self.bigEndian(field)))
        }
        return Counts(utcLocal: values[0], standardWall: values[1], leaps: values[2], times: values[3],
                      zones: values[4], characters: values[5])
    }

    private func footerRule() -> TZRule? {
        let rest = bytes[index...]
        guard rest.count > 2, rest.first == UInt8(ascii: "\n"), rest.last == UInt8(ascii: "\n") else { return nil }
        return TZRule(Substring(decoding: rest.dropFirst().dropLast(), as: UTF8.self))
    }

    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, index + count <= bytes.count else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

// MARK: - POSIX TZ rules

/// A POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3` (Go's `tzset`): the zones of the years
/// after a zoneinfo file's last transition.
private struct TZRule: Sendable {
    let standard: GoLocation.Zone
    let daylight: (zone: GoLocation.Zone, start: DayRule, end: DayRule)?

    struct DayRule: Sendable {
        enum Kind: Sendable { case julian, dayOfYear, monthWeekDay }
        var kind: Kind
        var day = 0
        var week = 0
        var month = 0
        /// Seconds after midnight, local time.
        var time = 2 * 3_600
    }

    init?(_ text: Substring) {
        var scanner = TZScanner(text)
        guard let standardName = scanner.name(), let standardOffset = scanner.offset() else { return nil }
        standard = GoLocation.Zone(name: standardName, offset: -standardOffset, isDST: false)
        if scanner.atEnd || scanner.peek == "," {
            daylight = nil
            return
        }
        guard let daylightName = scanner.name() else { return nil }
        var daylightOffset = standard.offset + 3_600
        if !scanner.atEnd, scanner.peek != "," {
            guard let offset = scanner.offset() else { return nil }
            daylightOffset = -offset
        }
        if scanner.atEnd { scanner = TZScanner(",M3.2.0,M11.1.0") }
        guard scanner.skip(",") || scanner.skip(";"), let start = scanner.dayRule(), scanner.skip(","),
              let end = scanner.dayRule(), scanner.atEnd
        else { return nil }
        daylight = (GoLocation.Zone(name: daylightName, offset: daylightOffset, isDST: true), start, end)
    }

    func period(at unixSeconds: Int, lastTransition: Int) -> GoLocation.Period? {
        guard let daylight else { return GoLocation.Period(zone: standard, start: lastTransition, end: .max) }
        let days = GoCivil.floorDivide(unixSeconds, 86_400)
        let year = GoCivil.date(fromDays: days).year
        let yearStart = GoCivil.days(year: year, month: 1, day: 1) * 86_400
        let secondsIntoYear = unixSeconds - yearStart
        var (before, during) = (standard, daylight.zone)
        var start = Self.seconds(into: year, daylight.start, offset: standard.offset)
        var end = Self.seconds(into: year, daylight.end, offset: daylight.zone.offset)
        if end < start {
            // The southern hemisphere: "daylight" runs from the end rule to the start rule.
            swap(&start, &end)
            swap(&before, &during)
        }
        if secondsIntoYear < start {
            return GoLocation.Period(zone: before, start: yearStart, end: yearStart + start)
        } else if secondsIntoYear >= end {
            return GoLocation.Period(zone: before, start: yearStart + end, end: yearStart + 365 * 86_400)
        }
        return GoLocation.Period(zone: during, start: yearStart + start, end: yearStart + end)
    }

    /// When `rule` takes effect, in seconds since the start of `year` UTC (Go's `tzruleTime`).
    private static func seconds(into year: Int, _ rule: DayRule, offset: Int) -> Int {
        var day: Int
        switch rule.kind {
        case .julian:
            day = rule.day - 1 + (GoCivil.isLeap(year) && rule.day >= 60 ? 1 : 0)
        case .dayOfYear:
            day = rule.day
        case .monthWeekDay:
            let firstOfMonth = GoCivil.days(year: year, month: rule.month, day: 1)
            let weekdayOfFirst = GoCivil.floorModulo((firstOfMonth + 4), 7)
            day = GoCivil.floorModulo((rule.day - weekdayOfFirst), 7)
            for _ in 1..<rule.week where day + 7 < GoCivil.daysIn(month: rule.month, year: year) {
                day += 7
            }
            day += firstOfMonth - GoCivil.days(year: year, month: 1, day: 1)
        }
        return day * 86_400 + rule.time - offset
    }
}

private struct TZScanner {
    private var rest: Substring

    init(_ text: Substring) { rest = text }

    var atEnd: Bool { rest.isEmpty }
    var peek: Character? { rest.first }

    mutating func skip(_ character: Character) -> Bool {
        guard rest.first == character else { return false }
        rest.removeFirst()
        return true
    }

    /// `CET`, or a quoted `<+0530>`.
    mutating func name() -> String? {
        if skip("<") {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            defer { rest = rest[rest.index(after: close)...] }
            return String(rest[..<close])
        }
        let end = rest.firstIndex { $0.isNumber || $0 == "," || $0 == "-" || $0 == "+" } ?? rest.endIndex
        guard rest.distance(from: rest.startIndex, to: end) >= 3 else { return nil }
        defer { rest = rest[end...] }
        return String(rest[..<end])
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, as written (west of UTC is positive).
    mutating func offset() -> Int? {
        let negative = skip("-")
        if !negative { _ = skip("+") }
        guard let hours = number(in: 0...(24 * 7)) else { return nil }
        var seconds = hours * 3_600
        if skip(":") {
            guard let minutes = number(in: 0...59) else { return nil }
            seconds += minutes * 60
            if skip(":") {
                guard let secs = number(in: 0...59) else { return nil }
                seconds += secs
            }
        }
        return negative ? -seconds : seconds
    }

    mutating func dayRule() -> TZRule.DayRule? {
        var rule: TZRule.DayRule
        if skip("J") {
            guard let day = number(in: 1...365) else { return nil }
            rule = TZRule.DayRule(kind: .julian, day: day)
        } else if skip("M") {
            guard let month = number(in: 1...12), skip("."), let week = number(in: 1...5), skip("."),
                  let day = number(in: 0...6)
            else { return nil }
            rule = TZRule.DayRule(kind: .monthWeekDay, day: day, week: week, month: month)
        } else {
            guard let day = number(in: 0...365) else { return nil }
            rule = TZRule.DayRule(kind: .dayOfYear, day: day)
        }
        if skip("/") {
            guard let time = offset() else { return nil }
            rule.time = time
        }
        return rule
    }

    private mutating func number(in range: ClosedRange<Int>) -> Int? {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits), range.contains(value) else { return nil }
        rest = rest.dropFirst(digits.count)
        return value
    }
}
