/// A table while the document is being read. Tables are shared and extended in place by later headers and
/// dotted keys, so they are objects; `values` turns the finished tree into `Value`s.
final class TOMLTable {
    /// How the table came to exist, which decides what may still add to it (TOML 1.0, "Table").
    enum Origin {
        /// Created as the parent of a `[header]` or `[[header]]`: its own `[header]` may still come once.
        case implicit
        /// Opened by its own `[header]`, or an element of an array of tables: no other header may open it.
        case header
        /// Created by dotted keys (`a.b = 1`): neither a header nor a dotted key from a later section may add to it.
        case dottedKeys
    }

    var origin: Origin
    /// Where the key that created it starts, for "first defined on line …".
    let offset: Int
    private(set) var entries: [String: TOMLEntry] = [:]

    init(origin: Origin, offset: Int) {
        self.origin = origin
        self.offset = offset
    }

    subscript(key: String) -> TOMLEntry? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    var values: [String: Value] {
        entries.mapValues(\.value)
    }
}

/// What a key of a `TOMLTable` holds.
enum TOMLEntry {
    /// A value written after `=`. Arrays and inline tables are complete as written and never extended.
    case value(Value, offset: Int)
    case table(TOMLTable)
    /// `[[name]]` sections; later headers and keys add to the last one.
    case tables([TOMLTable])

    var offset: Int {
        switch self {
        case .value(_, let offset): offset
        case .table(let table): table.offset
        case .tables(let tables): tables[0].offset
        }
    }

    var value: Value {
        switch self {
        case .value(let value, _): value
        case .table(let table): .table(table.values)
        case .tables(let tables): .array(tables.map { .table($0.values) })
        }
    }
}
