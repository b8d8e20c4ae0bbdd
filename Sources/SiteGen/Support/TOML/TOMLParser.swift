/// SiteGen's TOML 1.0 reader. A document is read line by line: key-value pairs, `[table]` and `[[array]]`
/// headers, comments. The tree is checked as it grows, so a key set twice, a table opened twice, or a table
/// extended after it was closed (an inline table, a static array) fails at the key that does it.
struct TOMLParser {
    /// Arrays and inline tables nested deeper than this, or keys and headers with more parts, are rejected,
    /// so that neither reading nor converting the tree can exhaust the stack.
    static let maximumNesting = 128

    var cursor: TOMLCursor
    /// The file's line where the document starts, for naming lines in messages.
    private let firstLine: Int
    private let root = TOMLTable(origin: .header, offset: 0)
    /// The table the current section's keys go into: the root, or the last `[header]` or `[[header]]`.
    private var section: TOMLTable

    /// The document's top-level table.
    static func parse(_ cursor: TOMLCursor, firstLine: Int) throws(TOMLSyntaxError) -> TOMLTable {
        var parser = TOMLParser(cursor, firstLine: firstLine)
        try parser.parseDocument()
        return parser.root
    }

    private init(_ cursor: TOMLCursor, firstLine: Int) {
        self.cursor = cursor
        self.firstLine = firstLine
        section = root
    }

    private mutating func parseDocument() throws(TOMLSyntaxError) {
        while !cursor.isAtEnd {
            cursor.skipWhitespace()
            switch cursor.current {
            case nil, UInt8(ascii: "\n"), UInt8(ascii: "#"):
                try cursor.expectLineEnd(after: "a comment")
            case UInt8(ascii: "["):
                try parseHeader()
                try cursor.expectLineEnd(after: "a table header")
            default:
                let (key, value) = try parseKeyValue()
                try insert(value, at: key, into: section)
                try cursor.expectLineEnd(after: "a value")
            }
        }
    }

    // MARK: Headers

    /// `[a.b]` opens a table, `[[a.b]]` adds one to an array of tables; the keys that follow go into it.
    private mutating func parseHeader() throws(TOMLSyntaxError) {
        cursor.advance()
        let isArray = cursor.skip(UInt8(ascii: "["))
        cursor.skipWhitespace()
        let key = try parseKey()
        cursor.skipWhitespace()
        try cursor.expect(UInt8(ascii: "]"), "']' to close the table header")
        if isArray { try cursor.expect(UInt8(ascii: "]"), "']]' to close the array of tables header") }
        section = try open(key, isArray: isArray)
    }

    private func open(_ key: [TOMLKeyPart], isArray: Bool) throws(TOMLSyntaxError) -> TOMLTable {
        var table = root
        for (index, part) in key.dropLast().enumerated() {
            switch table[part.name] {
            case nil:
                let created = TOMLTable(origin: .implicit, offset: part.offset)
                table[part.name] = .table(created)
                table = created
            case .table(let existing): table = existing
            case .tables(let existing): table = existing[existing.count - 1]
            case .value(_, let offset):
                throw error(at: part, "`\(Self.dotted(key[...index]))` is a value (line \(line(of: offset))), not a table")
            }
        }
        let last = key[key.count - 1]
        let name = Self.dotted(key[...])
        let opened = TOMLTable(origin: .header, offset: last.offset)
        switch (table[last.name], isArray) {
        case (nil, false):
            table[last.name] = .table(opened)
        case (nil, true):
            table[last.name] = .tables([opened])
        case (.tables(let existing), true):
            table[last.name] = .tables(existing + [opened])
        case (.table(let existing), false) where existing.origin == .implicit:
            existing.origin = .header
            return existing
        case (.table(let existing), false):
            throw error(at: last, "the table `\(name)` is defined twice (first on line \(line(of: existing.offset)))")
        case (.table(let existing), true):
            throw error(at: last, "`\(name)` is a table (line \(line(of: existing.offset))), not an array of tables")
        case (.tables(let existing), false):
            throw error(at: last, "`\(name)` is an array of tables (line \(line(of: existing[0].offset))); add to it with [[\(name)]]")
        case (.value(_, let offset), _):
            throw error(at: last, "`\(name)` is already a value (line \(line(of: offset))); a header cannot add to it")
        }
        return opened
    }

    // MARK: Keys

    /// `key = value`, leaving the cursor after the value. `depth` is that of the table the pair is in (0 for a
    /// section); each part of a dotted key nests the value one table deeper.
    mutating func parseKeyValue(depth: Int = 0) throws(TOMLSyntaxError) -> ([TOMLKeyPart], Value) {
        let key = try parseKey()
        cursor.skipWhitespace()
        try cursor.expect(UInt8(ascii: "="), "'=' after the key")
        cursor.skipWhitespace()
        return (key, try parseValue(depth: depth + key.count))
    }

    /// A bare, quoted or dotted key: `name`, `"a b"`, `site.'x'.y`.
    private mutating func parseKey() throws(TOMLSyntaxError) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        repeat {
            cursor.skipWhitespace()
            if parts.count == Self.maximumNesting { throw cursor.error("a key may have at most \(Self.maximumNesting) parts") }
            let start = cursor.offset
            let name: String
            switch cursor.current {
            case UInt8(ascii: "\""): name = try parseBasicString()
            case UInt8(ascii: "'"): name = try parseLiteralString()
            case let byte? where byte.isTOMLBareKeyCharacter:
                while let byte = cursor.current, byte.isTOMLBareKeyCharacter { cursor.advance() }
                name = String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
            default:
                throw cursor.error("expected a key, found \(cursor.foundDescription)")
            }
            parts.append(TOMLKeyPart(name: name, offset: start))
            cursor.skipWhitespace()
        } while cursor.skip(UInt8(ascii: "."))
        return parts
    }

    // MARK: Building the tree

    /// Sets `key` in `table` to `value`; a dotted key creates or extends tables on its way, but never a table
    /// that has a header of its own, nor a value.
    func insert(_ value: Value, at key: [TOMLKeyPart], into table: TOMLTable) throws(TOMLSyntaxError) {
        var table = table
        for (index, part) in key.dropLast().enumerated() {
            switch table[part.name] {
            case nil:
                let created = TOMLTable(origin: .dottedKeys, offset: part.offset)
                table[part.name] = .table(created)
                table = created
            case .table(let existing) where existing.origin != .header:
                existing.origin = .dottedKeys
                table = existing
            case .table, .tables:
                throw error(at: part, "`\(Self.dotted(key[...index]))` is a table with its own header; dotted keys cannot add to it")
            case .value(_, let offset):
                throw error(at: part, "`\(Self.dotted(key[...index]))` is already a value (line \(line(of: offset))); dotted keys cannot add to it")
            }
        }
        let last = key[key.count - 1]
        if let existing = table[last.name] {
            throw error(at: last, "duplicate key `\(Self.dotted(key[...]))` (first set on line \(line(of: existing.offset)))")
        }
        table[last.name] = .value(value, offset: last.offset)
    }

    private static func dotted(_ key: ArraySlice<TOMLKeyPart>) -> String {
        key.map { part in
            part.name.utf8.allSatisfy(\.isTOMLBareKeyCharacter) && !part.name.isEmpty ? part.name : "\"\(part.name)\""
        }.joined(separator: ".")
    }

    private func error(at part: TOMLKeyPart, _ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(offset: part.offset, message: message)
    }

    /// The file line of `offset`, computed only for messages.
    func line(of offset: Int) -> Int {
        TextPosition(utf8Offset: offset, in: cursor.bytes).line + firstLine - 1
    }
}

/// One part of a dotted key, and where it starts.
struct TOMLKeyPart {
    var name: String
    var offset: Int
}
