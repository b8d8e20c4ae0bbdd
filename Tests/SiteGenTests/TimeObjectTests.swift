import Foundation
import GoTemplates
import Testing
#if canImport(SiteGen)
@testable import SiteGen
#else
@testable import SiteGenTime
#endif

/// Times, layouts, durations and zones against what Go 1.19 printed
/// (`scripts/go-oracle/time`, Fixtures/go-time.json), and the `time` functions and localized
/// formats against what Hugo 0.111 printed (`scripts/hugo-oracle/time`, Fixtures/hugo-time.json).
/// Go's Local was UTC for both; the Go cases pass UTC as Local, the Hugo cases need a machine
/// whose zone is UTC.
@Suite struct TimeObjectTests {
    // MARK: Go

    static let go = try! TimeFixture.load("go-time.json", as: GoTimeFixture.self)

    @Test(arguments: go.formats)
    func format(_ testCase: GoTimeFixture.FormatCase) throws {
        let time = try testCase.time.goTime()
        for (layout, output) in zip(Self.go.layouts, testCase.outputs) {
            #expect(GoTimeLayout.format(time, layout: layout) == output, "layout \(layout)")
        }
    }

    @Test(arguments: go.fields)
    func fields(_ testCase: GoTimeFixture.FieldsCase) throws {
        let time = try testCase.time.goTime()
        let fields = time.fields
        #expect(TimeObject(time).printed == testCase.string)
        #expect(fields.year == testCase.year)
        #expect(NamedIntegerObject.month(fields.month).printed == testCase.month)
        #expect(fields.month == testCase.monthValue)
        #expect(fields.day == testCase.day)
        #expect(NamedIntegerObject.weekday(fields.weekday).printed == testCase.weekday)
        #expect(fields.yearDay == testCase.yearDay)
        #expect(fields.hour == testCase.hour)
        #expect(fields.minute == testCase.minute)
        #expect(fields.second == testCase.second)
        #expect(time.unixMilliseconds == testCase.unixMilli)
        #expect(time.unixMicroseconds == testCase.unixMicro)
        #expect(time.unixNanoseconds == testCase.unixNano)
        #expect(time.isZero == testCase.isZero)
        #expect(TimeObject(time).isTruthy == !testCase.isZero)
        #expect(time.zone.isDST == testCase.isDST)
        #expect(time.inLocation(.utc).string == testCase.utc)
    }

    @Test(arguments: go.dates)
    func date(_ testCase: GoTimeFixture.DateCase) throws {
        let f = testCase.fields
        let time = GoTime(year: f[0], month: f[1], day: f[2], hour: f[3], minute: f[4], second: f[5], nanosecond: f[6],
                          location: try TimeFixture.location(testCase.zone))
        #expect(time.string == testCase.output)
    }

    @Test(arguments: go.addDates)
    func addDate(_ testCase: GoTimeFixture.AddDateCase) throws {
        let time = try testCase.time.goTime()
        #expect(time.addingDate(years: testCase.years, months: testCase.months, days: testCase.days).string == testCase.output)
    }

    @Test(arguments: go.rounds)
    func truncateAndRound(_ testCase: GoTimeFixture.RoundCase) throws {
        let time = try testCase.time.goTime()
        #expect(time.truncated(to: GoDuration(testCase.duration)).string == testCase.truncated)
        #expect(time.rounded(to: GoDuration(testCase.duration)).string == testCase.rounded)
    }

    @Test(arguments: go.arithmetic)
    func arithmetic(_ testCase: GoTimeFixture.ArithmeticCase) throws {
        let time = try testCase.time.goTime()
        let other = try testCase.other.goTime()
        #expect(time.adding(GoDuration(testCase.duration)).string == testCase.added)
        #expect(time.subtracting(other).nanoseconds == testCase.sub)
        #expect(time.isBefore(other) == testCase.before)
        #expect(time.isAfter(other) == testCase.after)
        #expect(time.isEqual(other) == testCase.equal)
        #expect(TimeObject(time).isEqual(to: TimeObject(other)) == testCase.equal)
    }

    @Test(arguments: go.parses)
    func parse(_ testCase: GoTimeFixture.ParseCase) {
        let time = GoTimeLayout.parse(testCase.value, layout: testCase.layout, defaultLocation: .utc, local: .utc)
        #expect(time?.string == testCase.output)
    }

    @Test(arguments: go.durations)
    func duration(_ testCase: GoTimeFixture.DurationCase) {
        let duration = GoDuration(testCase.nanoseconds)
        #expect(duration.string == testCase.string)
        #expect(DurationObject(duration).printed == testCase.string)
        #expect(duration.hours == testCase.hours)
        #expect(duration.minutes == testCase.minutes)
        #expect(duration.seconds == testCase.seconds)
        #expect(duration.rounded(to: GoDuration(3_600_000_000_000)).nanoseconds == testCase.roundedHour)
        #expect(duration.truncated(to: GoDuration(60_000_000_000)).nanoseconds == testCase.truncatedMinute)
        #expect(duration.rounded(to: GoDuration(1_000_000)).nanoseconds == testCase.roundedMilli)
    }

    @Test(arguments: go.parseDurations)
    func parseDuration(_ testCase: GoTimeFixture.ParseDurationCase) {
        do {
            let duration = try GoDuration.parse(testCase.text)
            #expect(duration.nanoseconds == testCase.nanoseconds)
        } catch {
            #expect("\(error)" == testCase.error)
        }
    }

    // MARK: Hugo

    static let hugo = try! TimeFixture.load("hugo-time.json", as: HugoTimeFixture.self)

    /// Whether this machine's zone is UTC, as it was where the Hugo cases were written: Hugo reads
    /// offsets against the process's zone.
    static let localIsUTC = [0, 1_688_169_600].allSatisfy { GoLocation.local.zone(at: $0).offset == 0 }

    @Test(.enabled(if: localIsUTC), arguments: hugo.templates)
    func template(_ testCase: HugoTimeFixture.TemplateCase) throws {
        let functions = Builtins.functions.merging(TimeFunctions.functions(language: "en")) { _, time in time }
        var namespace = TemplateNamespace(functions: functions)
        try namespace.add(testCase.template, name: "case")
        let templates = namespace.prepared(escapingHTML: false)
        do {
            let output = try templates.execute("case", data: .null)
            #expect(output == testCase.output)
        } catch {
            let hugoError = try #require(testCase.error, "printed \(error.message)")
            // Messages of the template engine itself (arity, argument types) are worded by it.
            if hugoError.hasPrefix("error calling ") {
                #expect(error.message.contains(hugoError))
            }
        }
    }

    @Test(.enabled(if: localIsUTC), arguments: hugo.localized.languages.keys.sorted())
    func localizedFormat(_ language: String) throws {
        let grid = Self.hugo.localized
        let formatter = HugoTimeFormatter(language: language, defaultLanguage: grid.defaultLanguage)
        for (input, outputs) in zip(grid.inputs, try #require(grid.languages[language])) {
            let time = try HugoTimeCast.time(from: .string(input), location: .utc)
            for (layout, output) in zip(grid.layouts, outputs) {
                #expect(try formatter.format(time, layout: layout) == output, "\(input) as \(layout)")
            }
        }
    }

    /// Every locale Hugo knows, each tabled one for every input, with the errors Hugo fails with
    /// where a locale's data is short.
    @Test(.enabled(if: localIsUTC), arguments: hugo.locales.languages.keys.sorted())
    func everyLocale(_ language: String) throws {
        let grid = Self.hugo.locales
        let formatter = HugoTimeFormatter(language: language)
        for (input, outputs) in zip(grid.inputs, try #require(grid.languages[language])) {
            let time = try HugoTimeCast.time(from: .string(input), location: .utc)
            for (layout, output) in zip(grid.layouts, outputs) {
                let printed: HugoTimeFixture.Output
                do {
                    printed = .printed(try formatter.format(time, layout: layout))
                } catch {
                    printed = .failed(error.description)
                }
                #expect(printed == output, "\(input) as \(layout)")
            }
        }
    }

    /// Hugo reports Go's index error as `time.Format`'s: Kashmiri has no abbreviated month names,
    /// which Hugo looks up when the wide name is not in Go's text.
    @Test func aLocaleWithShortDataFailsAsHugoDoes() throws {
        let functions = Builtins.functions.merging(TimeFunctions.functions(language: "ks")) { _, time in time }
        var namespace = TemplateNamespace(functions: functions)
        try namespace.add(#"{{ time.Format "2006" "2023-03-01" }}"#, name: "case")
        do {
            let output = try namespace.prepared(escapingHTML: false).execute("case", data: .null)
            Issue.record("printed \(output)")
        } catch {
            #expect(error.message.contains("error calling Format: runtime error: index out of range [3] with length 0"))
        }
    }

    // MARK: Without an oracle

    @Test func nowHasAMonotonicReading() {
        let now = TimeObject(.now())
        #expect(now.printed.contains(" m=+"))
        #expect(!TimeObject(now.time.inLocation(.utc)).printed.contains(" m="))
        #expect(now.time.subtracting(now.time).nanoseconds == 0)
    }

    @Test func theZeroTimeIsFalse() {
        let zero = TimeObject(.zero)
        #expect(zero.printed == "0001-01-01 00:00:00 +0000 UTC")
        #expect(!zero.isTruthy)
    }

    @Test func foundationDatesKeepTheirInstant() {
        let time = GoTime(Date(timeIntervalSince1970: 1_677_661_200.25), location: .fixed(name: "", offset: 3_600))
        #expect(time.string == "2023-03-01 10:00:00.25 +0100 +0100")
    }

    @Test func unixSecondsAreInTheLocalZone() throws {
        let time = try HugoTimeCast.time(from: .int(1_677_661_200), location: .utc)
        #expect(time.unixSeconds == 1_677_661_200)
        #expect(time.location === GoLocation.local)
    }

    @Test func monthsAndWeekdaysAreIntegers() {
        let march = NamedIntegerObject.month(3)
        #expect(march.integer == 3)
        #expect(march.isEqual(to: NamedIntegerObject.month(3)))
        #expect(!march.isEqual(to: NamedIntegerObject.weekday(3)))
        #expect(!NamedIntegerObject.weekday(0).isTruthy)
    }

    @Test func regionalLocalesUseTheirLanguageAndUnknownOnesTheDefault() throws {
        let time = GoTime(year: 2023, month: 3, day: 1, location: .utc)
        #expect(try HugoTimeFormatter(language: "fr-CA", defaultLanguage: "de").format(time, layout: "January") == "mars")
        #expect(try HugoTimeFormatter(language: "zh-cn", defaultLanguage: "fr").format(time, layout: "January") == "mars")
        #expect(try HugoTimeFormatter(language: "xx", defaultLanguage: "yy").format(time, layout: "January") == "March")
    }
}

// MARK: - Fixtures

enum TimeFixture {
    static func load<Fixture: Decodable>(_ name: String, as type: Fixture.Type) throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// "UTC", "fixed:NAME:OFFSET" or an IANA zone.
    static func location(_ zone: String) throws -> GoLocation {
        if zone == "UTC" { return .utc }
        let parts = zone.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "fixed" { return .fixed(name: String(parts[1]), offset: Int(parts[2])!) }
        return try GoLocation.load(zone)
    }
}

struct GoTimeFixture: Decodable {
    let layouts: [String]
    let formats: [FormatCase]
    let fields: [FieldsCase]
    let dates: [DateCase]
    let addDates: [AddDateCase]
    let rounds: [RoundCase]
    let arithmetic: [ArithmeticCase]
    let parses: [ParseCase]
    let durations: [DurationCase]
    let parseDurations: [ParseDurationCase]

    struct Instant: Decodable, CustomStringConvertible {
        let unix: Int
        let nanos: Int
        let zone: String

        func goTime() throws -> GoTime {
            GoTime(unixSeconds: unix, nanosecond: nanos, location: try TimeFixture.location(zone))
        }

        var description: String { "\(unix).\(nanos) \(zone)" }
    }

    struct FormatCase: Decodable, CustomTestStringConvertible {
        let time: Instant
        let outputs: [String]
        var testDescription: String { "\(time)" }
    }

    struct FieldsCase: Decodable, CustomTestStringConvertible {
        let time: Instant
        let string, month, weekday, utc: String
        let year, monthValue, day, yearDay, hour, minute, second: Int
        let unixMilli, unixMicro, unixNano: Int
        let isZero, isDST: Bool
        var testDescription: String { string }
    }

    struct DateCase: Decodable, CustomTestStringConvertible {
        let fields: [Int]
        let zone: String
        let output: String
        var testDescription: String { "\(fields) \(zone)" }
    }

    struct AddDateCase: Decodable, CustomTestStringConvertible {
        let time: Instant
        let years, months, days: Int
        let output: String
        var testDescription: String { "\(time) + \(years)y\(months)m\(days)d" }
    }

    struct RoundCase: Decodable, CustomTestStringConvertible {
        let time: Instant
        let duration: Int
        let truncated, rounded: String
        var testDescription: String { "\(time) to \(duration)ns" }
    }

    struct ArithmeticCase: Decodable, CustomTestStringConvertible {
        let time, other: Instant
        let duration: Int
        let added: String
        let sub: Int
        let before, after, equal: Bool
        var testDescription: String { "\(time) and \(other)" }
    }

    struct ParseCase: Decodable, CustomTestStringConvertible {
        let layout, value: String
        let output: String?
        var testDescription: String { "\(value) as \(layout)" }
    }

    struct DurationCase: Decodable, CustomTestStringConvertible {
        let nanoseconds: Int
        let string: String
        let hours, minutes, seconds: Double
        let roundedHour, truncatedMinute, roundedMilli: Int
        var testDescription: String { string }
    }

    struct ParseDurationCase: Decodable, CustomTestStringConvertible {
        let text: String
        let nanoseconds: Int?
        let error: String?
        var testDescription: String { text }
    }
}

struct HugoTimeFixture: Decodable {
    let templates: [TemplateCase]
    let localized: Localized
    let locales: Locales

    struct TemplateCase: Decodable, CustomTestStringConvertible {
        let template: String
        let output: String?
        let error: String?
        var testDescription: String { template }
    }

    struct Localized: Decodable {
        let defaultLanguage: String
        let inputs: [String]
        let layouts: [String]
        /// For each language, the outputs of each input in each layout.
        let languages: [String: [[String]]]
    }

    struct Locales: Decodable {
        let inputs: [String]
        let layouts: [String]
        /// For each language, the outputs of each input (or of the first few) in each layout.
        let languages: [String: [[Output]]]
    }

    /// What Hugo printed, or the error it failed with: `"text"` or `{"error": "message"}`.
    enum Output: Decodable, Equatable, CustomStringConvertible {
        case printed(String)
        case failed(String)

        private struct Failure: Decodable { let error: String }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .printed(text)
            } else {
                self = .failed(try container.decode(Failure.self).error)
            }
        }

        var description: String {
            switch self {
            case .printed(let text): text
            case .failed(let message): "error: \(message)"
            }
        }
    }
}
