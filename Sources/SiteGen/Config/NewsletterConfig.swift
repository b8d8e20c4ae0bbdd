/// `newsletter`: where `sitegen new newsletter` finds the issues, and the weekday they come out on
/// when it is not the one the latest issues came out on.
public struct NewsletterConfig: Sendable {
    /// The section folder, from the content folder.
    public var section = "newsletter"
    /// 1 for Sunday to 7 for Saturday (Foundation's numbering); nil: the latest issues'.
    public var weekday: Int?

    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    init() {}

    init(_ table: TypedTable) throws(WrongTypeError) {
        section = try table.string("section") ?? section
        let day = try table.string("weekday", expected: "a weekday such as friday") { Self.weekdays.contains($0.lowercased()) }
        weekday = day.flatMap { Self.weekdays.firstIndex(of: $0.lowercased()) }.map { $0 + 1 }
    }
}
