import Foundation

extension TOMLParser {
    /// An offset or local date-time (`1979-05-27T07:32:00Z`, `1979-05-27 07:32:00`), a local date, or a local
    /// time, if the cursor is at one; nil if what follows is not shaped like a date or time (a number, then).
    /// Dates and date-times become `.date` (local ones read in UTC); a local time has no date and stays a string.
    mutating func parseDateOrTime() throws(TOMLSyntaxError) -> Value? {
        let start = cursor.offset
        if looksLikeTime(at: 0) {
            let time = try parseTime()
            var check = CivilDateTime(year: 2000, month: 1, day: 1, hour: time.hour, minute: time.minute, second: time.second)
            check.nanosecond = time.nanosecond
            guard check.date != nil else { throw cursor.error("invalid time", at: start) }
            return .string(String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second))
        }
        guard (0..<4).allSatisfy({ cursor.peek($0)?.isASCIIDigit == true }), cursor.peek(4) == UInt8(ascii: "-") else { return nil }
        var civil = CivilDateTime(year: try digits(4), month: 0, day: 0)
        cursor.advance()
        civil.month = try digits(2)
        try cursor.expect(UInt8(ascii: "-"), "'-' in the date")
        civil.day = try digits(2)
        let separator = cursor.current
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || (separator == UInt8(ascii: " ") && looksLikeTime(at: 1)) {
            cursor.advance()
            let time = try parseTime()
            (civil.hour, civil.minute, civil.second, civil.nanosecond) = (time.hour, time.minute, time.second, time.nanosecond)
            let numeric = cursor.current == UInt8(ascii: "+") || cursor.current == UInt8(ascii: "-")
            civil.offsetSeconds = try parseOffset()
            civil.hasNumericOffset = numeric
        }
        guard let date = civil.date else { throw cursor.error("invalid date or time", at: start) }
        return .date(date, offset: civil.hasNumericOffset ? civil.offsetSeconds : nil)
    }

    private func looksLikeTime(at distance: Int) -> Bool {
        cursor.peek(distance)?.isASCIIDigit == true && cursor.peek(distance + 1)?.isASCIIDigit == true
            && cursor.peek(distance + 2) == UInt8(ascii: ":")
    }

    /// `HH:MM:SS` with optional fractional seconds (kept to the nanosecond).
    private mutating func parseTime() throws(TOMLSyntaxError) -> (hour: Int, minute: Int, second: Int, nanosecond: Int) {
        let hour = try digits(2)
        try cursor.expect(UInt8(ascii: ":"), "':' in the time")
        let minute = try digits(2)
        try cursor.expect(UInt8(ascii: ":"), "':' and seconds in the time")
        let second = try digits(2)
        var nanosecond = 0
        if cursor.skip(UInt8(ascii: ".")) {
            let start = cursor.offset
            while cursor.current?.isASCIIDigit == true { cursor.advance() }
            guard cursor.offset > start else { throw cursor.error("expected digits after the decimal point of the seconds") }
            let fraction = cursor.bytes[start..<min(cursor.offset, start + 9)].map { Int($0 - UInt8(ascii: "0")) }
            nanosecond = (fraction + repeatElement(0, count: 9 - fraction.count)).reduce(0) { $0 * 10 + $1 }
        }
        return (hour, minute, second, nanosecond)
    }

    /// `Z`, `+01:00`, `-07:30`, or nothing for a local date-time; in seconds east of UTC.
    private mutating func parseOffset() throws(TOMLSyntaxError) -> Int {
        if cursor.skip(UInt8(ascii: "Z")) || cursor.skip(UInt8(ascii: "z")) { return 0 }
        guard let sign = cursor.current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return 0 }
        let start = cursor.offset
        cursor.advance()
        let hours = try digits(2)
        try cursor.expect(UInt8(ascii: ":"), "':' in the time offset")
        let minutes = try digits(2)
        guard hours < 24, minutes < 60 else { throw cursor.error("invalid time offset", at: start) }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }

    private mutating func digits(_ count: Int) throws(TOMLSyntaxError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = cursor.current, byte.isASCIIDigit else {
                throw cursor.error("expected a digit in the date or time, found \(cursor.foundDescription)")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            cursor.advance()
        }
        return value
    }
}
