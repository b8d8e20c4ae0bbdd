/// A content file split into its front matter and its Markdown body.
public struct SourceDocument: Sendable {
    public var format: FrontMatterFormat
    public var values: [String: Value]
    /// Markdown after the front matter. It begins right after the closing fence (or JSON brace), so its first line
    /// is the rest of the fence's line, usually empty, and body line n is file line `bodyStartLine + n - 1`.
    public var body: String
    /// 1-based line where body starts in the file.
    public var bodyStartLine: Int
    /// 1-based line of each top-level front-matter key (for error messages).
    public var keyLines: [String: Int]
    /// What reading the front matter warned about (a YAML key written twice).
    public var warnings: [Diagnostic]

    public init(format: FrontMatterFormat, values: [String: Value], body: String, bodyStartLine: Int, keyLines: [String: Int],
                warnings: [Diagnostic] = []) {
        self.format = format
        self.values = values
        self.body = body
        self.bodyStartLine = bodyStartLine
        self.keyLines = keyLines
        self.warnings = warnings
    }
}
