import GoTemplates

/// A Go `time.Time` in a template (a page's `.Date`, `now`, `time "2023-03-01"`): Go's methods,
/// printed as Go's `Time.String()` (`2023-03-01 10:00:00 +0100 +0100`). The zero time is false
/// in `if` and `with`, as Hugo's truth makes it.
final class TimeObject: TemplateObject {
    let time: GoTime

    init(_ time: GoTime) { self.time = time }

    var typeName: String { "time.Time" }
    var printed: String { time.string }
    /// Go's `Time.MarshalJSON`: RFC 3339 with the fraction of a second when there is one.
    var jsonValue: TemplateValue? { .string(GoTimeLayout.format(time, layout: "2006-01-02T15:04:05.999999999Z07:00")) }
    var isTruthy: Bool { !time.isZero }

    /// The same instant (Go's `Equal`).
    func isEqual(to other: any TemplateObject) -> Bool {
        guard let other = other as? TimeObject else { return false }
        return time.isEqual(other.time)
    }

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        try Self.members.value(of: self, member, arguments, context)
    }

    static let members = MemberTable<TimeObject>([
        "Format": { object, arguments, _ in
            .string(GoTimeLayout.format(object.time, layout: try GoArguments(arguments, "Format").string(0, count: 1)))
        },
        "String": getter("String") { .string($0.string) },
        "Year": getter("Year") { .int($0.fields.year) },
        "Month": getter("Month") { .object(NamedIntegerObject.month($0.fields.month)) },
        "Day": getter("Day") { .int($0.fields.day) },
        "Weekday": getter("Weekday") { .object(NamedIntegerObject.weekday($0.fields.weekday)) },
        "YearDay": getter("YearDay") { .int($0.fields.yearDay) },
        "Hour": getter("Hour") { .int($0.fields.hour) },
        "Minute": getter("Minute") { .int($0.fields.minute) },
        "Second": getter("Second") { .int($0.fields.second) },
        "Nanosecond": getter("Nanosecond") { .int($0.nanosecond) },
        "Unix": getter("Unix") { .int($0.unixSeconds) },
        "UnixMilli": getter("UnixMilli") { .int($0.unixMilliseconds) },
        "UnixMicro": getter("UnixMicro") { .int($0.unixMicroseconds) },
        "UnixNano": getter("UnixNano") { .int($0.unixNanoseconds) },
        "IsZero": getter("IsZero") { .bool($0.isZero) },
        "IsDST": getter("IsDST") { .bool($0.zone.isDST) },
        "UTC": getter("UTC") { .object(TimeObject($0.inLocation(.utc))) },
        "Local": getter("Local") { .object(TimeObject($0.inLocation(.local))) },
        "Location": getter("Location") { .object(LocationObject($0.location)) },
        "Before": { object, arguments, _ in .bool(object.time.isBefore(try GoArguments(arguments, "Before").time(0, count: 1))) },
        "After": { object, arguments, _ in .bool(object.time.isAfter(try GoArguments(arguments, "After").time(0, count: 1))) },
        "Equal": { object, arguments, _ in .bool(object.time.isEqual(try GoArguments(arguments, "Equal").time(0, count: 1))) },
        "Sub": { object, arguments, _ in
            .object(DurationObject(object.time.subtracting(try GoArguments(arguments, "Sub").time(0, count: 1))))
        },
        "Add": { object, arguments, _ in
            .object(TimeObject(object.time.adding(try GoArguments(arguments, "Add").duration(0, count: 1))))
        },
        "AddDate": { object, arguments, _ in
            let given = GoArguments(arguments, "AddDate")
            let (years, months, days) = (try given.integer(0, count: 3), try given.integer(1, count: 3), try given.integer(2, count: 3))
            return .object(TimeObject(object.time.addingDate(years: years, months: months, days: days)))
        },
        "Truncate": { object, arguments, _ in
            .object(TimeObject(object.time.truncated(to: try GoArguments(arguments, "Truncate").duration(0, count: 1))))
        },
        "Round": { object, arguments, _ in
            .object(TimeObject(object.time.rounded(to: try GoArguments(arguments, "Round").duration(0, count: 1))))
        },
        "In": { object, arguments, _ in
            .object(TimeObject(object.time.inLocation(try GoArguments(arguments, "In").location(0, count: 1))))
        },
    ])

    /// A method without arguments.
    private static func getter(_ name: String, _ body: @escaping @Sendable (GoTime) -> GoTemplates.Value) -> MemberTable<TimeObject>.Accessor {
        { object, arguments, _ in
            try GoArguments(arguments, name).expect(count: 0)
            return body(object.time)
        }
    }
}

/// Go's `time.Month` and `time.Weekday`: integers that print as their names (`March`, `Sunday`),
/// and count as their numbers for `printf "%d"`, `eq` and arithmetic.
final class NamedIntegerObject: TemplateObject, GoIntegerObject {
    let integer: Int
    let printed: String
    let typeName: String

    private init(integer: Int, printed: String, typeName: String) {
        self.integer = integer
        self.printed = printed
        self.typeName = typeName
    }

    /// `month` from 1 (January).
    static func month(_ month: Int) -> NamedIntegerObject {
        NamedIntegerObject(integer: month, printed: GoCivil.monthNames[month - 1], typeName: "time.Month")
    }

    /// `weekday` from 0 (Sunday).
    static func weekday(_ weekday: Int) -> NamedIntegerObject {
        NamedIntegerObject(integer: weekday, printed: GoCivil.weekdayNames[weekday], typeName: "time.Weekday")
    }

    /// Go's truth of an integer: Sunday is false.
    var isTruthy: Bool { integer != 0 }

    func isEqual(to other: any TemplateObject) -> Bool {
        guard let other = other as? NamedIntegerObject else { return false }
        return other.typeName == typeName && other.integer == integer
    }

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        guard member.name == "String" else { return nil }
        try GoArguments(arguments, "String").expect(count: 0)
        return .string(printed)
    }
}

/// Go's `time.Duration` (`time.ParseDuration`, `duration`, `.Sub`): nanoseconds that print as
/// `1h2m3s`.
final class DurationObject: TemplateObject, GoIntegerObject {
    let duration: GoDuration

    init(_ duration: GoDuration) { self.duration = duration }

    var integer: Int { duration.nanoseconds }
    var typeName: String { "time.Duration" }
    var printed: String { duration.string }
    var isTruthy: Bool { duration.nanoseconds != 0 }

    func isEqual(to other: any TemplateObject) -> Bool {
        (other as? DurationObject)?.duration == duration
    }

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        try Self.members.value(of: self, member, arguments, context)
    }

    static let members = MemberTable<DurationObject>([
        "String": getter("String") { .string($0.string) },
        "Hours": getter("Hours") { .float($0.hours) },
        "Minutes": getter("Minutes") { .float($0.minutes) },
        "Seconds": getter("Seconds") { .float($0.seconds) },
        "Milliseconds": getter("Milliseconds") { .int($0.nanoseconds / 1_000_000) },
        "Microseconds": getter("Microseconds") { .int($0.nanoseconds / 1_000) },
        "Nanoseconds": getter("Nanoseconds") { .int($0.nanoseconds) },
        "Abs": getter("Abs") { .object(DurationObject($0.absolute)) },
        "Round": { object, arguments, _ in
            .object(DurationObject(object.duration.rounded(to: try GoArguments(arguments, "Round").duration(0, count: 1))))
        },
        "Truncate": { object, arguments, _ in
            .object(DurationObject(object.duration.truncated(to: try GoArguments(arguments, "Truncate").duration(0, count: 1))))
        },
    ])

    private static func getter(_ name: String, _ body: @escaping @Sendable (GoDuration) -> GoTemplates.Value) -> MemberTable<DurationObject>.Accessor {
        { object, arguments, _ in
            try GoArguments(arguments, name).expect(count: 0)
            return body(object.duration)
        }
    }
}

/// Go's `*time.Location` (`.Date.Location`), for `.In`; prints its name.
final class LocationObject: TemplateObject {
    let location: GoLocation

    init(_ location: GoLocation) { self.location = location }

    var typeName: String { "*time.Location" }
    var printed: String { location.name }

    func isEqual(to other: any TemplateObject) -> Bool {
        (other as? LocationObject)?.location === location
    }

    func value(of member: Member, arguments: [GoTemplates.Value], context: CallContext) throws -> GoTemplates.Value? {
        guard member.name == "String" else { return nil }
        try GoArguments(arguments, "String").expect(count: 0)
        return .string(location.name)
    }
}

/// A host object that is a Go integer type with a `String` method (`time.Month`,
/// `time.Duration`): it prints as its name, and Hugo's comparisons and arithmetic, and
/// `printf "%d"`, take its integer.
protocol GoIntegerObject: TemplateObject {
    var integer: Int { get }
}

extension GoIntegerObject {
    var integerValue: Int? { integer }
}

/// The arguments of a Go method, converted as Go's template engine converts them to the
/// parameter types, with its error texts.
struct GoArguments {
    private let values: [GoTemplates.Value]
    private let method: String

    init(_ values: [GoTemplates.Value], _ method: String) {
        self.values = values
        self.method = method
    }

    func expect(count: Int) throws {
        guard values.count == count else {
            throw TemplateFailure("wrong number of args for \(method): want \(count) got \(values.count)")
        }
    }

    private func argument(_ index: Int, count: Int) throws -> GoTemplates.Value {
        try expect(count: count)
        return values[index]
    }

    private func wrongType(_ value: GoTemplates.Value, expected: String) -> TemplateFailure {
        TemplateFailure("wrong type for value; expected \(expected); got \(value.goTypeName)")
    }

    func string(_ index: Int, count: Int) throws -> String {
        let value = try argument(index, count: count)
        guard case .string(let text) = value else { throw wrongType(value, expected: "string") }
        return text
    }

    func integer(_ index: Int, count: Int) throws -> Int {
        let value = try argument(index, count: count)
        guard case .int(let number) = value else { throw wrongType(value, expected: "int") }
        return number
    }

    /// A duration, or an integer number of nanoseconds.
    func duration(_ index: Int, count: Int) throws -> GoDuration {
        let value = try argument(index, count: count)
        switch value {
        case .int(let nanoseconds): return GoDuration(nanoseconds)
        case .object(let object as DurationObject): return object.duration
        default: throw wrongType(value, expected: "time.Duration")
        }
    }

    func time(_ index: Int, count: Int) throws -> GoTime {
        let value = try argument(index, count: count)
        guard case .object(let object as TimeObject) = value else { throw wrongType(value, expected: "time.Time") }
        return object.time
    }

    func location(_ index: Int, count: Int) throws -> GoLocation {
        let value = try argument(index, count: count)
        guard case .object(let object as LocationObject) = value else { throw wrongType(value, expected: "*time.Location") }
        return object.location
    }
}
