import GoTemplates

/// Hugo 0.111's `time` namespace: `time` / `time.AsTime`, `time.Format` / `dateFormat`, `now` /
/// `time.Now`, `time.ParseDuration`, and `duration` / `time.Duration`.
enum TimeFunctions {
    /// The functions of one language: `language` is its key (`fr`, `pt-br`), choosing the locale
    /// `time.Format` prints names in; `location` is its `timeZone` (UTC when not configured), in
    /// which times written without a zone are read.
    static func functions(language: String, defaultLanguage: String = "en",
                          location: GoLocation = .utc) -> [String: FunctionReference] {
        let formatter = HugoTimeFormatter(language: language, defaultLanguage: defaultLanguage)
        let namespace = [
            HugoFunction("time.AsTime", arity: .atLeast(1)) { arguments, _ in try asTime(arguments, location: location) },
            HugoFunction("time.Format", aliases: ["dateFormat"], arity: .exactly(2)) { arguments, _ in
                guard case .string(let layout) = arguments[0] else {
                    throw TemplateFailure("wrong type for value; expected string; got \(arguments[0].goTypeName)")
                }
                return .string(try formatter.format(try HugoTimeCast.time(from: arguments[1], location: location), layout: layout))
            },
            HugoFunction("time.Now", aliases: ["now"], arity: .exactly(0)) { _, _ in .object(TimeObject(.now())) },
            HugoFunction("time.ParseDuration", arity: .exactly(1)) { arguments, _ in
                .object(DurationObject(try GoDuration.parse(try GoCast.string(arguments[0]))))
            },
            HugoFunction("time.Duration", aliases: ["duration"], arity: .exactly(2)) { arguments, _ in
                .object(DurationObject(try duration(unit: arguments[0], count: arguments[1])))
            },
        ]
        var functions = [
            // `time` with no arguments is the namespace, which `time.Format` and the others reach
            // here by their full names.
            "time": FunctionReference("time") { arguments, _ in
                guard (1...2).contains(arguments.count) else {
                    throw TemplateFailure("Invalid arguments supplied to `time`. Refer to time documentation: https://gohugo.io/functions/time/")
                }
                return try asTime(arguments, location: location)
            },
        ]
        for function in namespace {
            functions[function.name] = function.reference(calledAs: function.methodName)
            for alias in function.aliases {
                functions[alias] = function.reference(calledAs: alias)
            }
        }
        return functions
    }

    /// `time.AsTime VALUE [LOCATION]`: a location name reads a time written without a zone there.
    private static func asTime(_ arguments: [GoTemplates.Value], location: GoLocation) throws -> GoTemplates.Value {
        var location = location
        if arguments.count > 1 { location = try GoLocation.load(try GoCast.string(arguments[1])) }
        return .object(TimeObject(try HugoTimeCast.time(from: arguments[0], location: location)))
    }

    private static let durationUnits: [String: Int] = [
        "nanosecond": 1, "ns": 1,
        "microsecond": 1_000, "us": 1_000, "µs": 1_000,
        "millisecond": 1_000_000, "ms": 1_000_000,
        "second": GoDuration.second, "s": GoDuration.second,
        "minute": 60 * GoDuration.second, "m": 60 * GoDuration.second,
        "hour": 3_600 * GoDuration.second, "h": 3_600 * GoDuration.second,
    ]

    /// `duration UNIT NUMBER`: NUMBER whole units (`duration "minute" 90` is `1h30m0s`), wrapping
    /// around as Go's int64 does.
    private static func duration(unit: GoTemplates.Value, count: GoTemplates.Value) throws -> GoDuration {
        guard let nanoseconds = durationUnits[try GoCast.string(unit)] else {
            throw TemplateFailure("\(GoFormat.sprintf("%q", [unit])) is not a valid duration unit")
        }
        return GoDuration(try GoCast.int(count) &* nanoseconds)
    }
}

/// Hugo's conversion of template values to times (`htime.ToTimeInDefaultLocationE` over
/// spf13/cast 1.5), also what a page's front matter dates go through.
enum HugoTimeCast {
    /// A time, a date string in one of cast's layouts, or Unix seconds (in the local zone). Hugo
    /// 0.111 prints a time in RFC 3339 and reads it back, so a time given to `time.Format` loses
    /// its fraction of a second and its zone's name: only the offset is kept.
    static func time(from value: GoTemplates.Value, location: GoLocation) throws -> GoTime {
        switch value {
        case .object(let object as TimeObject):
            return try time(parsing: GoTimeLayout.format(object.time, layout: GoTimeLayout.rfc3339), location: location)
        case .string(let text):
            return try time(parsing: text, location: location)
        case .int(let seconds):
            return GoTime(unixSeconds: seconds, location: .local)
        default:
            throw GoCast.unableToCast(value, to: "Time")
        }
    }

    private static func time(parsing text: String, location: GoLocation) throws -> GoTime {
        guard let time = parse(text, location: location) else { throw TemplateFailure("unable to parse date: \(text)") }
        return time
    }

    /// The layouts cast tries, in its order, and what zone each says.
    private static let layouts: [(layout: ArraySlice<UInt8>, zone: ZoneKind)] = ([
        (GoTimeLayout.rfc3339, .numeric),
        ("2006-01-02T15:04:05", .none),
        ("Mon, 02 Jan 2006 15:04:05 -0700", .numeric),
        ("Mon, 02 Jan 2006 15:04:05 MST", .named),
        ("02 Jan 06 15:04 -0700", .numeric),
        ("02 Jan 06 15:04 MST", .named),
        ("Monday, 02-Jan-06 15:04:05 MST", .named),
        ("2006-01-02 15:04:05.999999999 -0700 MST", .numeric),
        ("2006-01-02T15:04:05-0700", .numeric),
        ("2006-01-02 15:04:05Z0700", .numeric),
        ("2006-01-02 15:04:05", .none),
        ("Mon Jan _2 15:04:05 2006", .none),
        ("Mon Jan _2 15:04:05 MST 2006", .named),
        ("Mon Jan 02 15:04:05 -0700 2006", .numeric),
        ("2006-01-02 15:04:05Z07:00", .numeric),
        ("2006-01-02", .none),
        ("02 Jan 2006", .none),
        ("2006-01-02 15:04:05 -07:00", .numeric),
        ("2006-01-02 15:04:05 -0700", .numeric),
        ("3:04PM", .timeOnly),
        ("Jan _2 15:04:05", .timeOnly),
        ("Jan _2 15:04:05.000", .timeOnly),
        ("Jan _2 15:04:05.000000", .timeOnly),
        ("Jan _2 15:04:05.000000000", .timeOnly),
    ] as [(String, ZoneKind)]).map { (Array($0.0.utf8)[...], $0.1) }

    /// cast moves a time read without a zone, or with a zone name only, to the location, keeping
    /// its wall clock; it keeps a time read with an offset, or a time of day alone, as Go read it.
    private enum ZoneKind { case none, named, numeric, timeOnly }

    /// cast's `StringToDateInDefaultLocation`: nil when no layout reads `text`.
    static func parse(_ text: String, location: GoLocation) -> GoTime? {
        let value = Array(text.utf8)[...]
        for (layout, zone) in layouts {
            guard let time = GoTimeLayout.parse(value, layout: layout) else { continue }
            guard zone == .none || zone == .named else { return time }
            let wall = time.fields
            return GoTime(year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute,
                          second: wall.second, nanosecond: time.nanosecond, location: location)
        }
        return nil
    }
}
