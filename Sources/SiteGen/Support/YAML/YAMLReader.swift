/// Reads YAML: libyaml's events, composed into `Value`s by `YAMLComposer`. Plain scalars are typed by the YAML 1.2
/// core schema, as Hugo's YAML library does: `yes`, `no`, `on` and `off` stay strings (a title "No" is not
/// `false`), `010` is ten, and timestamps become dates. Quoted scalars are always strings.
enum YAMLReader {
    static func read(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> ParsedTable {
        guard !text.isEmpty else { return ParsedTable() }
        var composer = YAMLComposer(text, file: file, lineOffset: lineOffset)
        guard let root = try composer.compose(), let value = root.value else { return ParsedTable(warnings: composer.warnings) }
        guard case .table(let table) = value else {
            throw .error(file, line: root.line + 1 + lineOffset, column: root.column + 1,
                         "the top level must be a table of keys and values, not a single value or a list")
        }
        return ParsedTable(values: table, keyLines: composer.rootKeyLines, warnings: composer.warnings)
    }
}
