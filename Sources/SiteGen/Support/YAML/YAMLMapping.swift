/// A YAML mapping's entries as they are read. A key written twice keeps its last value, as Hugo does; `<<` merge
/// keys add the entries of the tables they name that the mapping does not set itself.
struct YAMLMapping {
    private var entries: [String: Value] = [:]
    private var merged: [String: Value] = [:]
    /// The line (from 0) of each key's last occurrence, null values included.
    private(set) var keyLines: [String: Int] = [:]

    var table: [String: Value] {
        entries.merging(merged) { explicit, _ in explicit }
    }

    /// Sets `key`, or removes it for a null; returns the line of an earlier occurrence of the key, if any.
    mutating func set(_ key: String, to value: Value?, line: Int) -> Int? {
        entries[key] = value
        defer { keyLines[key] = line }
        return keyLines[key]
    }

    /// `<<: *table` or `<<: [*a, *b]`: the earlier source wins over the later ones.
    mutating func merge(_ source: Value?) {
        let tables: [[String: Value]] = switch source {
        case .table(let table): [table]
        case .array(let items): items.compactMap(\.table)
        default: []
        }
        for table in tables {
            for (name, entry) in table where merged[name] == nil { merged[name] = entry }
        }
    }
}
