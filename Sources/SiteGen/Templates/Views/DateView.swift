import Foundation
import Mustache

/// A date pre-formatted the ways templates need: ISO 8601 for `datetime` attributes and feeds,
/// RFC 822 for RSS, and readable forms. Rendered alone it reads `December 13, 2019`.
struct DateView: TemplateView, MustacheCustomRenderable {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    let date: Date
    private let parts: DateComponents

    init(_ date: Date) {
        self.date = date
        self.parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    private var year: Int { parts.year ?? 1970 }
    private var month: Int { parts.month ?? 1 }
    private var day: Int { parts.day ?? 1 }
    private var monthName: String { Self.monthNames[month - 1] }
    private var time: String { String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) }

    var iso: String { String(format: "%04d-%02d-%02dT", year, month, day) + time + "Z" }
    var rfc822: String {
        "\(Self.weekdayNames[(parts.weekday ?? 1) - 1].prefix(3)), " + String(format: "%02d ", day)
            + "\(monthName.prefix(3)) \(String(format: "%04d", year)) \(time) +0000"
    }
    var long: String { "\(monthName) \(day), \(year)" }

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "iso": return .found(iso)
        case "rfc822": return .found(rfc822)
        case "long": return .found(long)
        case "medium": return .found("\(monthName.prefix(3)) \(day), \(year)")
        case "short": return .found(String(format: "%04d-%02d-%02d", year, month, day))
        case "year": return .found(year)
        case "month": return .found(month)
        case "day": return .found(day)
        case "monthName": return .found(monthName)
        case "unix": return .found(Int(date.timeIntervalSince1970))
        default: return .unknown
        }
    }

    var renderText: String { long }
    var isNull: Bool { false }
}
