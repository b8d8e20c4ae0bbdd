import Foundation
import Mustache

/// A date pre-formatted the ways templates need: ISO 8601 for `datetime` attributes and feeds,
/// RFC 822 for RSS, and readable forms. Rendered alone it reads `December 13, 2019`.
struct DateView: TemplateView, MustacheCustomRenderable {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    let date: Date
    /// For `localized`: `fr`, `ar`, `zh-Hant`.
    let locale: String
    private let parts: DateComponents

    init(_ date: Date, locale: String = "en") {
        self.date = date
        self.locale = locale
        self.parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    private var year: Int { parts.year ?? 1970 }
    private var month: Int { parts.month ?? 1 }
    private var day: Int { parts.day ?? 1 }
    private var monthName: String { Self.monthNames[month - 1] }
    private var time: String { "\(Self.padded(parts.hour ?? 0)):\(Self.padded(parts.minute ?? 0)):\(Self.padded(parts.second ?? 0))" }
    private var shortDate: String { "\(Self.padded(year, 4))-\(Self.padded(month))-\(Self.padded(day))" }

    var iso: String { shortDate + "T" + time + "Z" }
    var rfc822: String {
        "\(Self.weekdayNames[(parts.weekday ?? 1) - 1].prefix(3)), \(Self.padded(day)) \(monthName.prefix(3)) \(Self.padded(year, 4)) \(time) +0000"
    }

    /// Zero-padded, without `String(format:)`, which showed in profiles of feeds with thousands of dates.
    private static func padded(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
    var long: String { "\(monthName) \(day), \(year)" }

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "iso": return .found(iso)
        case "rfc822": return .found(rfc822)
        case "long": return .found(long)
        case "medium": return .found("\(monthName.prefix(3)) \(day), \(year)")
        case "short": return .found(shortDate)
        case "year": return .found(year)
        case "month": return .found(month)
        case "day": return .found(day)
        case "monthName": return .found(monthName)
        case "unix": return .found(Int(date.timeIntervalSince1970))
        case "localized": return .found(localized)
        default: return .unknown
        }
    }

    /// The long date as the page's language writes it: `13 décembre 2019`, `١٣ ديسمبر ٢٠١٩`.
    var localized: String {
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: locale), calendar: .utc)
        style.timeZone = Calendar.utc.timeZone
        return date.formatted(style)
    }

    var renderText: String { long }
    var isNull: Bool { false }
}
