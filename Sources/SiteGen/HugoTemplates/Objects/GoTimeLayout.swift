/// Go's reference-time layouts (`Mon Jan 2 15:04:05 MST 2006`): `Time.Format` and `time.Parse`
/// of Go 1.19's `time/format.go`, element for element, so that every layout Go accepts prints and
/// reads the same here.
enum GoTimeLayout {
    static let rfc3339 = "2006-01-02T15:04:05Z07:00"

    // MARK: Elements

    /// The elements of a layout (Go's `std*` constants).
    enum Element: Equatable {
        case longMonth, month, numMonth, zeroMonth
        case longWeekday, weekday
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year
        case pm, lowercasePM
        case zoneName
        /// A numeric offset; `z` prints `Z` for UTC (the `Z07:00` forms), `colons` separates
        /// the fields, `fields` is 1 (hours), 2 (and minutes) or 3 (and seconds).
        case offset(z: Bool, colons: Bool, fields: Int)
        /// `.000` (`trimmed` false) or `.999`; `separator` is `.` or `,`.
        case fraction(digits: Int, separator: UInt8, trimmed: Bool)
    }

    /// The text before the first element of `layout`, the element, and the rest (Go's
    /// `nextStdChunk`); no element when there is none.
    static func nextElement(_ layout: ArraySlice<UInt8>) -> (prefix: ArraySlice<UInt8>, element: Element?, rest: ArraySlice<UInt8>) {
        for i in layout.indices {
            if let (element, start, end) = element(at: i, in: layout) {
                return (layout[..<start], element, layout[end...])
            }
        }
        return (layout, nil, layout[layout.endIndex...])
    }

    /// The element at `i`, if one is there, and the bounds of its text.
    private static func element(at i: Int, in layout: ArraySlice<UInt8>) -> (Element, start: Int, end: Int)? {
        let text = layout[i...]
        func found(_ element: Element, length: Int) -> (Element, start: Int, end: Int) { (element, i, i + length) }
        switch layout[i] {
        case UInt8(ascii: "J"):
            if text.starts(with: "January".utf8) { return found(.longMonth, length: 7) }
            if text.starts(with: "Jan".utf8), !startsWithLowercase(layout[(i + 3)...]) { return found(.month, length: 3) }
        case UInt8(ascii: "M"):
            if text.starts(with: "Monday".utf8) { return found(.longWeekday, length: 6) }
            if text.starts(with: "Mon".utf8), !startsWithLowercase(layout[(i + 3)...]) { return found(.weekday, length: 3) }
            if text.starts(with: "MST".utf8) { return found(.zoneName, length: 3) }
        case UInt8(ascii: "0"):
            if let next = text.dropFirst().first, next >= UInt8(ascii: "1"), next <= UInt8(ascii: "6") {
                return found(zeroPadded[Int(next - UInt8(ascii: "1"))], length: 2)
            }
            if text.starts(with: "002".utf8) { return found(.zeroYearDay, length: 3) }
        case UInt8(ascii: "1"):
            return text.starts(with: "15".utf8) ? found(.hour, length: 2) : found(.numMonth, length: 1)
        case UInt8(ascii: "2"):
            return text.starts(with: "2006".utf8) ? found(.longYear, length: 4) : found(.day, length: 1)
        case UInt8(ascii: "_"):
            // `_2006` is a literal underscore before the year.
            if text.starts(with: "_2006".utf8) { return (.longYear, i + 1, i + 5) }
            if text.starts(with: "_2".utf8) { return found(.underDay, length: 2) }
            if text.starts(with: "__2".utf8) { return found(.underYearDay, length: 3) }
        case UInt8(ascii: "3"): return found(.hour12, length: 1)
        case UInt8(ascii: "4"): return found(.minute, length: 1)
        case UInt8(ascii: "5"): return found(.second, length: 1)
        case UInt8(ascii: "P"):
            if text.starts(with: "PM".utf8) { return found(.pm, length: 2) }
        case UInt8(ascii: "p"):
            if text.starts(with: "pm".utf8) { return found(.lowercasePM, length: 2) }
        case UInt8(ascii: "-"), UInt8(ascii: "Z"):
            let z = layout[i] == UInt8(ascii: "Z")
            let offset = text.dropFirst()
            if offset.starts(with: "070000".utf8) { return found(.offset(z: z, colons: false, fields: 3), length: 7) }
            if offset.starts(with: "07:00:00".utf8) { return found(.offset(z: z, colons: true, fields: 3), length: 9) }
            if offset.starts(with: "0700".utf8) { return found(.offset(z: z, colons: false, fields: 2), length: 5) }
            if offset.starts(with: "07:00".utf8) { return found(.offset(z: z, colons: true, fields: 2), length: 6) }
            if offset.starts(with: "07".utf8) { return found(.offset(z: z, colons: false, fields: 1), length: 3) }
        case UInt8(ascii: "."), UInt8(ascii: ","):
            // A run of 0s or 9s after the separator is a fraction, when no other digit follows it.
            guard let digit = text.dropFirst().first, digit == UInt8(ascii: "0") || digit == UInt8(ascii: "9") else { break }
            let run = text.dropFirst().prefix { $0 == digit }.count
            if !(text.dropFirst(1 + run).first?.isDigit ?? false) {
                return found(.fraction(digits: run, separator: layout[i], trimmed: digit == UInt8(ascii: "9")), length: 1 + run)
            }
        default:
            break
        }
        return nil
    }

    /// The elements `01` to `06`.
    private static let zeroPadded: [Element] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]

    /// Go's `startsWithLowerCase`: keeps `Month` from matching `Mon`.
    private static func startsWithLowercase(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        return first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
    }

    // MARK: Formatting

    /// Go's `Time.Format(layout)`.
    static func format(_ time: GoTime, layout: String) -> String {
        format(time, layout: Array(layout.utf8)[...])
    }

    /// `format` of a layout already in bytes, for the layouts used again and again.
    static func format(_ time: GoTime, layout: ArraySlice<UInt8>) -> String {
        let zone = time.zone
        let fields = time.fields(offset: zone.offset)
        var output: [UInt8] = []
        output.reserveCapacity(layout.count + 10)
        var rest = layout
        while !rest.isEmpty {
            let (prefix, element, suffix) = nextElement(rest)
            output.append(contentsOf: prefix)
            guard let element else { break }
            rest = suffix
            append(element, of: time, fields: fields, zone: zone, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func append(_ element: Element, of time: GoTime, fields: GoTime.Fields, zone: GoLocation.Zone,
                               to output: inout [UInt8]) {
        switch element {
        case .year: appendNumber(abs(fields.year) % 100, width: 2, to: &output)
        case .longYear: appendNumber(fields.year, width: 4, to: &output)
        case .month: output.append(contentsOf: GoCivil.monthNames[fields.month - 1].utf8.prefix(3))
        case .longMonth: output.append(contentsOf: GoCivil.monthNames[fields.month - 1].utf8)
        case .numMonth: appendNumber(fields.month, width: 0, to: &output)
        case .zeroMonth: appendNumber(fields.month, width: 2, to: &output)
        case .weekday: output.append(contentsOf: GoCivil.weekdayNames[fields.weekday].utf8.prefix(3))
        case .longWeekday: output.append(contentsOf: GoCivil.weekdayNames[fields.weekday].utf8)
        case .day: appendNumber(fields.day, width: 0, to: &output)
        case .underDay:
            if fields.day < 10 { output.append(UInt8(ascii: " ")) }
            appendNumber(fields.day, width: 0, to: &output)
        case .zeroDay: appendNumber(fields.day, width: 2, to: &output)
        case .underYearDay:
            if fields.yearDay < 100 { output.append(UInt8(ascii: " ")) }
            if fields.yearDay < 10 { output.append(UInt8(ascii: " ")) }
            appendNumber(fields.yearDay, width: 0, to: &output)
        case .zeroYearDay: appendNumber(fields.yearDay, width: 3, to: &output)
        case .hour: appendNumber(fields.hour, width: 2, to: &output)
        case .hour12: appendNumber(fields.hour % 12 == 0 ? 12 : fields.hour % 12, width: 0, to: &output)
        case .zeroHour12: appendNumber(fields.hour % 12 == 0 ? 12 : fields.hour % 12, width: 2, to: &output)
        case .minute: appendNumber(fields.minute, width: 0, to: &output)
        case .zeroMinute: appendNumber(fields.minute, width: 2, to: &output)
        case .second: appendNumber(fields.second, width: 0, to: &output)
        case .zeroSecond: appendNumber(fields.second, width: 2, to: &output)
        case .pm: output.append(contentsOf: (fields.hour >= 12 ? "PM" : "AM").utf8)
        case .lowercasePM: output.append(contentsOf: (fields.hour >= 12 ? "pm" : "am").utf8)
        case .offset(let z, let colons, let count):
            if z && zone.offset == 0 {
                output.append(UInt8(ascii: "Z"))
            } else {
                appendOffset(zone.offset, colons: colons, fields: count, to: &output)
            }
        case .zoneName:
            if zone.name.isEmpty {
                // No abbreviation known: Go prints the offset as -0700.
                appendOffset(zone.offset / 60 * 60, colons: false, fields: 2, to: &output)
            } else {
                output.append(contentsOf: zone.name.utf8)
            }
        case .fraction(let digits, let separator, let trimmed):
            appendFraction(time.nanosecond, digits: digits, separator: separator, trimmed: trimmed, to: &output)
        }
    }

    private static func appendOffset(_ offset: Int, colons: Bool, fields: Int, to output: inout [UInt8]) {
        // The sign is that of the whole minutes, as in Go.
        let minutes = offset / 60
        output.append(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let absoluteMinutes = abs(minutes)
        appendNumber(absoluteMinutes / 60, width: 2, to: &output)
        if fields >= 2 {
            if colons { output.append(UInt8(ascii: ":")) }
            appendNumber(absoluteMinutes % 60, width: 2, to: &output)
        }
        if fields == 3 {
            if colons { output.append(UInt8(ascii: ":")) }
            appendNumber((minutes < 0 ? -offset : offset) % 60, width: 2, to: &output)
        }
    }

    /// Go's `formatNano`.
    private static func appendFraction(_ nanosecond: Int, digits: Int, separator: UInt8, trimmed: Bool,
                                       to output: inout [UInt8]) {
        var count = min(digits, 9)
        var shown = nanosecond
        for _ in count..<9 { shown /= 10 }
        if trimmed {
            while count > 0 && shown % 10 == 0 {
                shown /= 10
                count -= 1
            }
            if count == 0 { return }
        }
        output.append(separator)
        appendNumber(shown, width: count, to: &output)
    }

    /// Go's `appendInt`: a minus sign, then at least `width` digits.
    private static func appendNumber(_ number: Int, width: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, digits)))
        var index = output.count - 1
        repeat {
            output[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }
}

// MARK: - Parsing

extension GoTimeLayout {
    /// Go's `time.Parse(layout, value)`: nil where Go returns an error. A value without a zone is
    /// in `defaultLocation`; an offset or abbreviation that `local` uses at that time gives a time
    /// in `local` (Go's `time.Local`), another a fixed zone.
    static func parse(_ value: String, layout: String, defaultLocation: GoLocation = .utc,
                      local: GoLocation = .local) -> GoTime? {
        parse(Array(value.utf8)[...], layout: Array(layout.utf8)[...], defaultLocation: defaultLocation, local: local)
    }

    /// `parse` of a value and a layout already in bytes, for trying one value with many layouts.
    static func parse(_ value: ArraySlice<UInt8>, layout: ArraySlice<UInt8>, defaultLocation: GoLocation = .utc,
                      local: GoLocation = .local) -> GoTime? {
        var parser = TimeParser(value: value)
        return parser.parse(layout: layout, defaultLocation: defaultLocation, local: local)
    }
}

/// The state of one `time.Parse`.
private struct TimeParser {
    var value: ArraySlice<UInt8>
    var year = 0
    var month = -1
    var day = -1
    var yearDay = -1
    var hour = 0
    var minute = 0
    var second = 0
    var nanosecond = 0
    var inUTC = false
    var zoneOffset: Int?
    var zoneName = ""
    var pm = false
    var am = false

    init(value: ArraySlice<UInt8>) { self.value = value }

    mutating func parse(layout: ArraySlice<UInt8>, defaultLocation: GoLocation, local: GoLocation) -> GoTime? {
        var layout = layout
        while true {
            let (prefix, element, rest) = GoTimeLayout.nextElement(layout)
            guard skip(prefix) else { return nil }
            guard let element else {
                guard value.isEmpty else { return nil }
                break
            }
            layout = rest
            guard read(element, restOfLayout: rest) else { return nil }
        }
        if pm && hour < 12 {
            hour += 12
        } else if am && hour == 12 {
            hour = 0
        }
        guard resolveYearDay(), day >= 1, day <= GoCivil.daysIn(month: month, year: year) else { return nil }
        return time(defaultLocation: defaultLocation, local: local)
    }

    private func time(defaultLocation: GoLocation, local: GoLocation) -> GoTime {
        func wallClock(in location: GoLocation) -> GoTime {
            GoTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                   nanosecond: nanosecond, location: location)
        }
        if inUTC { return wallClock(in: .utc) }
        let utc = wallClock(in: .utc)
        if let zoneOffset {
            let instant = utc.unixSeconds - zoneOffset
            let localZone = local.zone(at: instant)
            let location = localZone.offset == zoneOffset && (zoneName.isEmpty || localZone.name == zoneName)
                ? local : GoLocation.fixed(name: zoneName, offset: zoneOffset)
            return GoTime(unixSeconds: instant, nanosecond: nanosecond, location: location)
        }
        if !zoneName.isEmpty {
            if let offset = local.offset(ofZoneNamed: zoneName, near: utc.unixSeconds) {
                return GoTime(unixSeconds: utc.unixSeconds - offset, nanosecond: nanosecond, location: local)
            }
            // An unknown abbreviation: a zone of that name at offset zero, or at the hours of
            // GMT+3 and the like, over the wall clock read as UTC (as Go does).
            var offset = 0
            if zoneName.utf8.count > 3, zoneName.hasPrefix("GMT") {
                offset = (Self.atoi(Array(zoneName.utf8.dropFirst(3))[...]) ?? 0) * 3_600
            }
            return utc.inLocation(.fixed(name: zoneName, offset: offset))
        }
        return wallClock(in: defaultLocation)
    }

    /// Sets the month and day from a day of the year, checking them against any already read.
    private mutating func resolveYearDay() -> Bool {
        guard yearDay >= 0 else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
            return true
        }
        var dayOfYear = yearDay
        var date: (month: Int, day: Int)?
        if GoCivil.isLeap(year) {
            if dayOfYear == 31 + 29 {
                date = (2, 29)
            } else if dayOfYear > 31 + 29 {
                dayOfYear -= 1
            }
        }
        guard dayOfYear >= 1, dayOfYear <= 365 else { return false }
        if date == nil {
            // In a common year: the month whose days contain the day of the year.
            var m = 1
            var before = 0
            while before + GoCivil.daysIn(month: m, year: 1) < dayOfYear {
                before += GoCivil.daysIn(month: m, year: 1)
                m += 1
            }
            date = (m, dayOfYear - before)
        }
        guard let date, month < 0 || month == date.month, day < 0 || day == date.day else { return false }
        (month, day) = date
        return true
    }

    // MARK: Elements

    private mutating func read(_ element: GoTimeLayout.Element, restOfLayout: ArraySlice<UInt8>) -> Bool {
        switch element {
        case .year:
            guard value.count >= 2, let number = Self.atoi(value.prefix(2)) else { return false }
            value = value.dropFirst(2)
            year = number >= 69 ? number + 1900 : number + 2000
        case .longYear:
            guard value.count >= 4, value.first!.isDigit, let number = Self.atoi(value.prefix(4)) else { return false }
            value = value.dropFirst(4)
            year = number
        case .month, .longMonth:
            guard let index = lookup(element == .month ? Self.shortMonthNames : GoCivil.monthNames) else { return false }
            month = index + 1
        case .numMonth, .zeroMonth:
            guard let number = number(fixed: element == .zeroMonth), (1...12).contains(number) else { return false }
            month = number
        case .weekday, .longWeekday:
            // Checked, not used.
            guard lookup(element == .weekday ? Self.shortWeekdayNames : GoCivil.weekdayNames) != nil else { return false }
        case .day, .underDay, .zeroDay:
            if element == .underDay, value.first == UInt8(ascii: " ") { value = value.dropFirst() }
            guard let number = number(fixed: element == .zeroDay) else { return false }
            day = number
        case .underYearDay, .zeroYearDay:
            for _ in 0..<2 where element == .underYearDay && value.first == UInt8(ascii: " ") { value = value.dropFirst() }
            guard let number = threeDigitNumber(fixed: element == .zeroYearDay) else { return false }
            yearDay = number
        case .hour:
            guard let number = number(fixed: false), number < 24 else { return false }
            hour = number
        case .hour12, .zeroHour12:
            guard let number = number(fixed: element == .zeroHour12), number <= 12 else { return false }
            hour = number
        case .minute, .zeroMinute:
            guard let number = number(fixed: element == .zeroMinute), number < 60 else { return false }
            minute = number
        case .second, .zeroSecond:
            guard let number = number(fixed: element == .zeroSecond), number < 60 else { return false }
            second = number
            return readUnannouncedFraction(restOfLayout: restOfLayout)
        case .pm, .lowercasePM:
            guard value.count >= 2 else { return false }
            let mark = String(decoding: value.prefix(2), as: UTF8.self)
            value = value.dropFirst(2)
            switch (mark, element) {
            case ("PM", .pm), ("pm", .lowercasePM): pm = true
            case ("AM", .pm), ("am", .lowercasePM): am = true
            default: return false
            }
        case .offset(let z, let colons, let fields):
            // Z0700, Z07:00 and Z07 read a Z as UTC; the forms with seconds do not.
            if z, fields <= 2, value.first == UInt8(ascii: "Z") {
                value = value.dropFirst()
                inUTC = true
                return true
            }
            return readOffset(colons: colons, fields: fields)
        case .zoneName:
            if value.starts(with: "UTC".utf8) {
                value = value.dropFirst(3)
                inUTC = true
                return true
            }
            guard let length = Self.zoneNameLength(value) else { return false }
            zoneName = String(decoding: value.prefix(length), as: UTF8.self)
            value = value.dropFirst(length)
        case .fraction(let digits, _, let trimmed):
            return trimmed ? readTrimmedFraction() : readFraction(length: 1 + digits)
        }
        return true
    }

    /// A fraction after the seconds that the layout does not mention (Go accepts it).
    private mutating func readUnannouncedFraction(restOfLayout: ArraySlice<UInt8>) -> Bool {
        guard value.count >= 2, value.first!.isFractionSeparator, value[value.startIndex + 1].isDigit else { return true }
        if case .fraction = GoTimeLayout.nextElement(restOfLayout).element { return true }
        let length = 1 + value.dropFirst().prefix { $0.isDigit }.count
        return readFraction(length: length)
    }

    private mutating func readTrimmedFraction() -> Bool {
        guard value.count >= 2, value.first!.isFractionSeparator, value[value.startIndex + 1].isDigit else { return true }
        return readFraction(length: 1 + min(9, value.dropFirst().prefix { $0.isDigit }.count))
    }

    /// Go's `parseNanoseconds`: a separator and `length - 1` digits, of which the first nine count.
    private mutating func readFraction(length: Int) -> Bool {
        guard value.count >= length, value.first!.isFractionSeparator else { return false }
        let digits = value.dropFirst().prefix(min(length, 10) - 1)
        guard let number = Self.atoi(digits), number >= 0 else { return false }
        nanosecond = number * Int(pow10: 10 - min(length, 10))
        value = value.dropFirst(length)
        return true
    }

    private mutating func readOffset(colons: Bool, fields: Int) -> Bool {
        let width = 1 + fields * 2 + (colons ? fields - 1 : 0)
        guard value.count >= width else { return false }
        let text = Array(value.prefix(width))
        if colons {
            guard text[3] == UInt8(ascii: ":"), fields < 3 || text[6] == UInt8(ascii: ":") else { return false }
        }
        let step = colons ? 3 : 2
        var parts: [Int] = []
        for field in 0..<fields {
            let start = 1 + field * step
            guard let number = Self.atoi(text[start..<start + 2]) else { return false }
            parts.append(number)
        }
        while parts.count < 3 { parts.append(0) }
        let seconds = (parts[0] * 60 + parts[1]) * 60 + parts[2]
        switch text[0] {
        case UInt8(ascii: "+"): zoneOffset = seconds
        case UInt8(ascii: "-"): zoneOffset = -seconds
        default: return false
        }
        value = value.dropFirst(width)
        return true
    }

    // MARK: Pieces

    private static let shortMonthNames = GoCivil.monthNames.map { String($0.prefix(3)) }
    private static let shortWeekdayNames = GoCivil.weekdayNames.map { String($0.prefix(3)) }

    /// Go's `skip`: the layout's literal text, any run of spaces matching any other.
    private mutating func skip(_ prefix: ArraySlice<UInt8>) -> Bool {
        var prefix = prefix
        while let first = prefix.first {
            if first == UInt8(ascii: " ") {
                if let next = value.first, next != UInt8(ascii: " ") { return false }
                prefix = prefix.drop { $0 == UInt8(ascii: " ") }
                value = value.drop { $0 == UInt8(ascii: " ") }
                continue
            }
            guard value.first == first else { return false }
            prefix = prefix.dropFirst()
            value = value.dropFirst()
        }
        return true
    }

    /// Go's `lookup`: the first name the value starts with, ignoring ASCII case.
    private mutating func lookup(_ names: [String]) -> Int? {
        for (index, name) in names.enumerated() {
            let length = name.utf8.count
            guard value.count >= length else { continue }
            if zip(value.prefix(length), name.utf8).allSatisfy({ $0 == $1 || ($0.lowercasedASCII == $1.lowercasedASCII && $0.isLetter) }) {
                value = value.dropFirst(length)
                return index
            }
        }
        return nil
    }

    /// Go's `getnum`: one or two digits (two when `fixed`).
    private mutating func number(fixed: Bool) -> Int? {
        guard let first = value.first, first.isDigit else { return nil }
        let second = value.dropFirst().first
        guard let second, second.isDigit else {
            if fixed { return nil }
            value = value.dropFirst()
            return Int(first - UInt8(ascii: "0"))
        }
        value = value.dropFirst(2)
        return Int(first - UInt8(ascii: "0")) * 10 + Int(second - UInt8(ascii: "0"))
    }

    /// Go's `getnum3`: one to three digits (three when `fixed`).
    private mutating func threeDigitNumber(fixed: Bool) -> Int? {
        let digits = value.prefix(3).prefix { $0.isDigit }
        guard !digits.isEmpty, !fixed || digits.count == 3 else { return nil }
        value = value.dropFirst(digits.count)
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Go's `atoi`: an optional sign and digits, nothing else.
    static func atoi(_ text: ArraySlice<UInt8>) -> Int? {
        var text = text
        var negative = false
        if let sign = text.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            text = text.dropFirst()
        }
        guard text.allSatisfy(\.isDigit) else { return nil }
        var number = 0
        for digit in text {
            let (scaled, overflow) = number.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            number = scaled + Int(digit - UInt8(ascii: "0"))
        }
        return negative ? -number : number
    }

    /// Go's `parseTimeZone`: how long the zone abbreviation at the start of `value` is.
    static func zoneNameLength(_ value: ArraySlice<UInt8>) -> Int? {
        guard value.count >= 3 else { return nil }
        if value.starts(with: "ChST".utf8) || value.starts(with: "MeST".utf8) { return 4 }
        if value.starts(with: "GMT".utf8) { return 3 + signedOffsetLength(value.dropFirst(3)) }
        if value.first == UInt8(ascii: "+") || value.first == UInt8(ascii: "-") {
            let length = signedOffsetLength(value)
            return length > 0 ? length : nil
        }
        let uppercase = value.prefix(6).prefix { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }.count
        let letters = Array(value.prefix(uppercase))
        switch uppercase {
        case 3: return 3
        case 4 where letters[3] == UInt8(ascii: "T") || letters == Array("WITA".utf8): return 4
        case 5 where letters[4] == UInt8(ascii: "T"): return 5
        default: return nil
        }
    }

    /// Go's `parseSignedOffset`: a sign and an hour from -23 to +23; 0 when there is none.
    private static func signedOffsetLength(_ value: ArraySlice<UInt8>) -> Int {
        guard let sign = value.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return 0 }
        let digits = value.dropFirst().prefix { $0.isDigit }
        guard !digits.isEmpty, let hours = atoi(digits), hours <= 23 else { return 0 }
        return 1 + digits.count
    }
}

private extension Int {
    init(pow10 exponent: Int) {
        self = (0..<exponent).reduce(1) { result, _ in result * 10 }
    }
}

private extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isFractionSeparator: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: ",") }
    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var lowercasedASCII: UInt8 { self | 0x20 }
}
