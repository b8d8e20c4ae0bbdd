import Foundation
import Testing
@testable import SiteGen

@Suite struct HugoDateTests {
    /// 2019-12-13T10:00:00Z
    static let tenUTC = 1_576_231_200.0

    static let forms: [(text: String, seconds: Double)] = [
        ("2019-12-13", tenUTC - 36_000),
        ("2019-12-13T10:00:00", tenUTC),
        ("2019-12-13 10:00:00", tenUTC),
        ("2019-12-13T10:00", tenUTC),
        ("  2019-12-13T10:00:00  ", tenUTC),
        ("2019-12-13T10:00:00.5", tenUTC + 0.5),
        ("2019-12-13T10:00:00.250Z", tenUTC + 0.25),
        ("2019-12-13T10:00:00Z", tenUTC),
        ("2019-12-13t10:00:00z", tenUTC),
        ("2019-12-13T10:00:00+01:00", tenUTC - 3_600),
        ("2019-12-13T10:00:00-05:30", tenUTC + 19_800),
        ("2019-12-13T10:00:00+0100", tenUTC - 3_600),
        ("2019-12-13 10:00:00 +0100", tenUTC - 3_600),
        ("2019-12-13 10:00:00 +01:00", tenUTC - 3_600),
        ("2019-12-13 10:00:00+01:00", tenUTC - 3_600),
        ("2019-12-13 10:00:00 +0100 CET", tenUTC - 3_600),
        ("2019-12-13 10:00:00 +0000 UTC", tenUTC),
        ("2019-12-13 10:00:00 UTC", tenUTC),
        ("2019-12-13 10:00:00.5 -0700 MST", tenUTC + 25_200.5),
        ("2019-1-3", 1_546_473_600),
        ("Fri, 13 Dec 2019 10:00:00 +0100", tenUTC - 3_600),
        ("Fri, 13 Dec 2019 10:00:00 GMT", tenUTC),
        ("13 Dec 19 10:00 UTC", tenUTC),
        ("13 Dec 19 10:00 +0100", tenUTC - 3_600),
        ("Friday, 13-Dec-19 10:00:00 UTC", tenUTC),
        ("Fri Dec 13 10:00:00 2019", tenUTC),
        ("Fri Dec  3 10:00:00 2019", tenUTC - 10 * 86_400),
        ("Fri Dec 13 10:00:00 UTC 2019", tenUTC),
        ("Fri Dec 13 10:00:00 +0100 2019", tenUTC - 3_600),
        ("13 Dec 2019", tenUTC - 36_000),
        ("13 December 2019", tenUTC - 36_000),
        ("2020-02-29", 1_582_934_400),
        ("1969-12-31T23:59:59Z", -1),
    ]

    @Test(arguments: forms)
    func parsesHugoDateForms(text: String, seconds: Double) throws {
        let date = try #require(HugoDate.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: [
        "", "tomorrow", "2019-13-01", "2019-02-30", "2019-02-29", "2019-12-13T25:00:00", "2019-12-13T10:60:00",
        "2019-12-13 garbage", "2019-12-13T", "2019-12-13T10:00:00+1", "12/13/2019", "13 Foo 2019", "Dec 2019",
        "2019-12-13T10:00:00.", "20191213",
    ])
    func rejectsOtherText(text: String) {
        #expect(HugoDate.parse(text) == nil)
    }

    @Test func keepsDigitsPastNanoseconds() throws {
        let date = try #require(HugoDate.parse("2019-12-13T10:00:00.1234567891Z"))
        #expect(abs(date.timeIntervalSince1970 - (Self.tenUTC + 0.123456789)) < 0.000_001)
    }

    @Test func readsValues() {
        let date = Date(timeIntervalSince1970: Self.tenUTC)
        #expect(HugoDate.parse(Value.date(date)) == date)
        #expect(HugoDate.parse(Value.string("2019-12-13T10:00:00Z")) == date)
        #expect(HugoDate.parse(Value.int(2019)) == nil)
        #expect(HugoDate.parse(Value.array([.string("2019-12-13")])) == nil)
    }

    @Test func parsesConcurrently() async {
        let results = await withTaskGroup(of: Date?.self) { group in
            for index in 0..<200 {
                group.addTask { HugoDate.parse(index.isMultiple(of: 2) ? "2019-12-13T10:00:00Z" : "Fri, 13 Dec 2019 10:00:00 GMT") }
            }
            return await group.reduce(into: [Date?]()) { $0.append($1) }
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == Date(timeIntervalSince1970: Self.tenUTC) })
    }
}
