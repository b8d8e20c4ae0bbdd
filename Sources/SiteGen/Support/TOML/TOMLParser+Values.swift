extension TOMLParser {
    /// The value at the cursor; `depth` counts the tables and arrays it is in, from its section's table.
    mutating func parseValue(depth: Int) throws(TOMLSyntaxError) -> Value {
        guard depth <= Self.maximumNesting else {
            throw cursor.error("values may be nested at most \(Self.maximumNesting) deep (arrays, inline tables and dotted keys)")
        }
        switch cursor.current {
        case UInt8(ascii: "\""):
            return .string(cursor.starts(with: "\"\"\"") ? try parseMultilineString(delimiter: UInt8(ascii: "\"")) : try parseBasicString())
        case UInt8(ascii: "'"):
            return .string(cursor.starts(with: "'''") ? try parseMultilineString(delimiter: UInt8(ascii: "'")) : try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray(depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(depth: depth)
        case UInt8(ascii: "t") where cursor.starts(with: "true"):
            cursor.advance(4)
            return .bool(true)
        case UInt8(ascii: "f") where cursor.starts(with: "false"):
            cursor.advance(5)
            return .bool(false)
        case let byte? where byte.isASCIIDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "n"):
            if let dateOrTime = try parseDateOrTime() { return dateOrTime }
            return try parseNumber()
        default:
            throw cursor.error("expected a value, found \(cursor.foundDescription)")
        }
    }

    /// `[1, 2, 3]`, over several lines if need be, with comments and a trailing comma.
    private mutating func parseArray(depth: Int) throws(TOMLSyntaxError) -> Value {
        cursor.advance()
        var items: [Value] = []
        while true {
            try cursor.skipWhitespaceCommentsAndNewlines()
            if cursor.skip(UInt8(ascii: "]")) { return .array(items) }
            items.append(try parseValue(depth: depth + 1))
            try cursor.skipWhitespaceCommentsAndNewlines()
            if cursor.skip(UInt8(ascii: "]")) { return .array(items) }
            try cursor.expect(UInt8(ascii: ","), "',' or ']' in the array")
        }
    }

    /// `{ a = 1, b.c = 2 }` on one line, without a trailing comma (TOML 1.0).
    private mutating func parseInlineTable(depth: Int) throws(TOMLSyntaxError) -> Value {
        cursor.advance()
        let table = TOMLTable(origin: .dottedKeys, offset: cursor.offset)
        cursor.skipWhitespace()
        if cursor.skip(UInt8(ascii: "}")) { return .table([:]) }
        while true {
            let (key, value) = try parseKeyValue(depth: depth)
            try insert(value, at: key, into: table)
            cursor.skipWhitespace()
            if cursor.skip(UInt8(ascii: "}")) { return .table(table.values) }
            try cursor.expect(UInt8(ascii: ","), "',' or '}' in the inline table")
        }
    }
}
