/// Sets top-level keys in a file's YAML (`---`) or TOML (`+++`) front matter, by its lines: a key
/// already there is written in its place (its value's following lines replaced too), a new one at
/// the end of the front matter; a file without front matter gets YAML front matter. The rest of
/// the file, its comments and its keys' order, stay as they are.
enum FrontMatterEditor {
    struct Field {
        enum Value {
            /// Quoted as each format quotes a string.
            case string(String)
            /// Written as it is: `true`, a date.
            case raw(String)
            case list([String])
        }

        let key: String
        let value: Value
    }

    static func setting(_ fields: [Field], in text: String) -> String {
        guard !fields.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fence = lines.first.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let fence, fence == "---" || fence == "+++",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == fence })
        else {
            return (["---"] + fields.flatMap { yaml($0) } + ["---", ""]).joined(separator: "\n") + text
        }
        let isTOML = fence == "+++"
        var closing = end
        for field in fields {
            let written = isTOML ? toml(field) : yaml(field)
            if let start = (1..<closing).first(where: { Self.key(of: lines[$0], toml: isTOML)?.lowercased() == field.key.lowercased() }) {
                var next = start + 1
                while next < closing && Self.key(of: lines[next], toml: isTOML) == nil && !(isTOML && lines[next].hasPrefix("[")) { next += 1 }
                // Blank lines after the value are the file's spacing, not the value.
                while next > start + 1 && lines[next - 1].trimmingCharacters(in: .whitespaces).isEmpty { next -= 1 }
                lines.replaceSubrange(start..<next, with: written)
                closing += written.count - (next - start)
            } else {
                // Before a TOML table, whose keys would otherwise take it in.
                var at = isTOML ? ((1..<closing).first { lines[$0].hasPrefix("[") } ?? closing) : closing
                while at > 1 && lines[at - 1].trimmingCharacters(in: .whitespaces).isEmpty { at -= 1 }
                lines.insert(contentsOf: written, at: at)
                closing += written.count
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The top-level key a line starts, if it starts one (`title: …`, `title = …`).
    private static func key(of line: String, toml: Bool) -> String? {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-", first != "[" else { return nil }
        guard let separator = line.firstIndex(of: toml ? "=" : ":") else { return nil }
        let key = line[..<separator].trimmingCharacters(in: .whitespaces)
        return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !key.isEmpty ? key : nil
    }

    /// A double-quoted string, as both YAML and TOML read it.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func yaml(_ field: Field) -> [String] {
        switch field.value {
        case .string(let text): return ["\(field.key): \(quoted(text))"]
        case .raw(let text): return ["\(field.key): \(text)"]
        case .list(let items): return ["\(field.key):"] + items.map { "  - \(quoted($0))" }
        }
    }

    private static func toml(_ field: Field) -> [String] {
        switch field.value {
        case .string(let text): return ["\(field.key) = \(quoted(text))"]
        case .raw(let text): return ["\(field.key) = \(text)"]
        case .list(let items): return ["\(field.key) = [\(items.map(quoted).joined(separator: ", "))]"]
        }
    }
}
