/// A Chroma style: the CSS of each token type it colours, as Chroma's HTML formatter writes it.
struct HighlightStyle: Sendable {
    /// By token type, before the formatter's own additions.
    let css: [TokenType: String]

    init?(named name: String) {
        guard let entries = Self.all[name] else { return nil }
        css = Dictionary(uniqueKeysWithValues: entries.compactMap { key, value in TokenType(named: key).map { ($0, value) } })
    }

    /// Chroma's `styleToCSS`, with the options Hugo passes.
    func formatterCSS(tabWidth: Int, highlightsLines: Bool) -> [TokenType: String] {
        var classes = css
        classes[.background, default: ""] += ";" + (tabWidth != 0 && tabWidth != 8 ? "-moz-tab-size: \(tabWidth); -o-tab-size: \(tabWidth); tab-size: \(tabWidth);" : "")
        classes[.preWrapper, default: ""] += classes[.background] ?? ""
        if highlightsLines { classes[.preWrapper, default: ""] += "display: grid;" }
        let lineNumbersStyle = "white-space: pre; -webkit-user-select: none; user-select: none; margin-right: 0.4em; padding: 0 0.4em 0 0.4em;"
        classes[.line] = "display: flex;" + (classes[.line] ?? "")
        classes[.lineNumbers] = lineNumbersStyle + (classes[.lineNumbers] ?? "")
        classes[.lineNumbersTable] = lineNumbersStyle + (classes[.lineNumbersTable] ?? "")
        classes[.lineTable] = "border-spacing: 0; padding: 0; margin: 0; border: 0;" + (classes[.lineTable] ?? "")
        classes[.lineTableTD] = "vertical-align: top; padding: 0; margin: 0; border: 0;" + (classes[.lineTableTD] ?? "")
        classes[.lineLink] = "outline: none; text-decoration: none; color: inherit" + (classes[.lineLink] ?? "")
        return classes
    }

    /// Chroma's `compressStyle`, for inline styles: no spaces after colons, `#aabbcc` as `#abc`.
    static func compressed(_ css: String) -> String {
        css.split(separator: ";", omittingEmptySubsequences: false).map { part -> String in
            var text = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
            if let colon = text.range(of: ": ") { text.replaceSubrange(colon, with: ":") }
            let bytes = Array(text.utf8)
            if bytes.contains(UInt8(ascii: "#")), bytes.count >= 6 {
                let c = bytes.suffix(6).map { $0 }
                if c[0] == c[1], c[2] == c[3], c[4] == c[5] {
                    text = String(decoding: bytes.dropLast(6) + [c[0], c[2], c[4]], as: UTF8.self)
                }
            }
            return text
        }.joined(separator: ";")
    }
}
