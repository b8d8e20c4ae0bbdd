/// Reads YAML, TOML and JSON documents into `Value` tables.
public enum DataParser {
    /// Parses a whole document into a table. lineOffset is added to reported lines (front matter starts after its fence).
    public static func parse(
        _ text: String, format: DataFormat, file: String, lineOffset: Int = 0
    ) throws(Diagnostic) -> [String: Value] {
        try parseTable(text, format: format, file: file, lineOffset: lineOffset).values
    }

    static func parseTable(
        _ text: String, format: DataFormat, file: String, lineOffset: Int = 0
    ) throws(Diagnostic) -> ParsedTable {
        switch format {
        case .yaml: try YAMLReader.read(text, file: file, lineOffset: lineOffset)
        case .toml: try TOMLReader.read(text, file: file, lineOffset: lineOffset)
        case .json: try JSONReader.read(text, file: file, lineOffset: lineOffset)
        }
    }
}
