/// A parsed document's top-level table, with the 1-based line of each top-level key so that later checks
/// (a wrong-typed `date`, `paginate`…) can point at the line that needs fixing, and the warnings reading it
/// gave (a YAML key written twice).
struct ParsedTable: Sendable {
    var values: [String: Value] = [:]
    var keyLines: [String: Int] = [:]
    var warnings: [Diagnostic] = []
}
