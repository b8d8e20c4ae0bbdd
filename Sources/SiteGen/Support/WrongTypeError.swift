/// A known key whose value has the wrong type, e.g. `weight: heavy`.
struct WrongTypeError: Error, Sendable {
    /// The top-level key, as written in the file, under which the bad value sits: the line to point at.
    var lineKey: String
    var message: String

    init(path: String, lineKey: String, expected: String, found: Value, what: String = "") {
        self.lineKey = lineKey
        self.message = "`\(path)` must be \(expected), found \(what.isEmpty ? "" : what + " ")\(Self.describe(found))"
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .date(let date, _): return date.formatted(.iso8601)
        case .array: return "a list"
        case .table: return "a table"
        }
    }
}
