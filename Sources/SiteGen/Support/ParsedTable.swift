/// A parsed document's top-level table, with the 1-based line of each top-level key so that later checks
/// (a wrong-typed `date`, `paginate`…) can point at the line that needs fixing.
struct ParsedTable: Sendable {
    var values: [String: Value] = [:]
    var keyLines: [String: Int] = [:]
}
