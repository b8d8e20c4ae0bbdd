import Foundation

/// Reads typed settings from a table the way Hugo does: keys are case-insensitive, numbers and booleans are
/// accepted where text is expected, a single string where a list is expected; anything else throws a
/// `WrongTypeError` naming the key's full path (`markup.goldmark.renderer.unsafe`).
struct TypedTable: Sendable {
    private let entries: [String: (key: String, value: Value)]
    private let path: String?
    private let lineKey: String?

    init(_ table: [String: Value]) {
        self.init(table, path: nil, lineKey: nil)
    }

    private init(_ table: [String: Value], path: String?, lineKey: String?) {
        var entries: [String: (key: String, value: Value)] = [:]
        // Of two keys differing only in case, the one that sorts first wins, so the choice is stable.
        for (key, value) in table.sorted(by: { $0.key < $1.key }) where entries[key.lowercased()] == nil {
            entries[key.lowercased()] = (key, value)
        }
        self.entries = entries
        self.path = path
        self.lineKey = lineKey
    }

    /// Every entry, with keys as written, ordered by key.
    var all: [(key: String, value: Value)] {
        entries.values.sorted { $0.key < $1.key }
    }

    /// The key as written in the file, if present in any case.
    func writtenKey(_ key: String) -> String? {
        entries[key.lowercased()]?.key
    }

    func value(_ key: String) -> Value? {
        entries[key.lowercased()]?.value
    }

    func string(_ key: String) throws(WrongTypeError) -> String? {
        try read(key, expected: "text") { Self.text($0) }
    }

    /// Text that `valid` accepts; other text is an error saying what was `expected`.
    func string(_ key: String, expected: String, where valid: (String) -> Bool) throws(WrongTypeError) -> String? {
        try read(key, expected: expected) { Self.text($0).flatMap { valid($0) ? $0 : nil } }
    }

    func int(_ key: String) throws(WrongTypeError) -> Int? {
        try read(key, expected: "an integer") { $0.int }
    }

    func bool(_ key: String) throws(WrongTypeError) -> Bool? {
        try read(key, expected: "true or false") { $0.bool }
    }

    func date(_ key: String) throws(WrongTypeError) -> Date? {
        try read(key, expected: "a date such as 2019-12-13 or 2019-12-13T10:00:00+01:00") { HugoDate.parse($0) }
    }

    /// `[a, b]`, or a single string read as a one-element list (`tags: go`).
    func stringList(_ key: String) throws(WrongTypeError) -> [String]? {
        try read(key, expected: "a list of strings") { value in
            switch value {
            case .string(let text): return [text]
            case .array(let items):
                let strings = items.compactMap(Self.text)
                return strings.count == items.count ? strings : nil
            default: return nil
            }
        }
    }

    func table(_ key: String) throws(WrongTypeError) -> TypedTable? {
        guard let values = try tableValues(key), let written = writtenKey(key) else { return nil }
        return nested(values, under: written)
    }

    func tableValues(_ key: String) throws(WrongTypeError) -> [String: Value]? {
        try read(key, expected: "a table") { $0.table }
    }

    /// A nested table for each element of a list of tables (`[[menus.main]]`).
    func tableList(_ key: String) throws(WrongTypeError) -> [TypedTable]? {
        guard let written = writtenKey(key) else { return nil }
        return try read(key, expected: "a list of tables") { value in
            guard let items = value.array else { return nil }
            let tables = items.compactMap(\.table)
            return tables.count == items.count ? tables.map { nested($0, under: written) } : nil
        }
    }

    private func nested(_ values: [String: Value], under key: String) -> TypedTable {
        TypedTable(values, path: fullPath(key), lineKey: lineKey ?? key)
    }

    private func read<T>(_ key: String, expected: String, _ convert: (Value) -> T?) throws(WrongTypeError) -> T? {
        guard let entry = entries[key.lowercased()] else { return nil }
        guard let converted = convert(entry.value) else { throw wrongType(entry, expected: expected) }
        return converted
    }

    private func wrongType(_ entry: (key: String, value: Value), expected: String) -> WrongTypeError {
        WrongTypeError(path: fullPath(entry.key), lineKey: lineKey ?? entry.key, expected: expected, found: entry.value)
    }

    private func fullPath(_ key: String) -> String {
        path.map { "\($0).\(key)" } ?? key
    }

    /// Scalars as text; a YAML or TOML date written where text is expected reads back as ISO 8601.
    private static func text(_ value: Value) -> String? {
        if case .date(let date, _) = value {
            let midnight = date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0
            return midnight ? date.formatted(.iso8601.year().month().day()) : date.formatted(.iso8601)
        }
        return value.string
    }
}
