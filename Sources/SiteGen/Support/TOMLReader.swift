/// Reads TOML 1.0 with SiteGen's own parser (`TOMLParser`). Offset and local dates and date-times become `.date`
/// (local ones in UTC); a bare local time (`07:30:00`) has no date and stays a string. Every malformed document is
/// an error at its line and column: the C++ toml++ library that TOMLKit wraps asserts, aborting the process, on
/// inputs as small as `[{`, so it is not used.
enum TOMLReader {
    static func read(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> ParsedTable {
        let cursor = TOMLCursor(text)
        let positions = SourcePositions(cursor.bytes, file: file, firstLine: lineOffset + 1)
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(cursor, firstLine: lineOffset + 1)
        } catch {
            throw Diagnostic(.error, positions.location(of: error.offset), "invalid TOML: \(error.message)")
        }
        return ParsedTable(values: root.values, keyLines: root.entries.compactMapValues { positions.location(of: $0.offset).line })
    }
}
