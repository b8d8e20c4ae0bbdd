import GoTemplates

/// Hugo's `transform` namespace, but for the functions that need the site (`markdownify`,
/// `highlight`, `unmarshal`…).
enum TransformFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("transform.HTMLEscape", aliases: ["htmlEscape"], arity: .exactly(1)) { arguments, _ in
            .string(escapeHTML(try GoCast.string(arguments[0])))
        },
        HugoFunction("transform.HTMLUnescape", aliases: ["htmlUnescape"], arity: .exactly(1)) { arguments, _ in
            .string(HTMLEntities.unescape(try GoCast.string(arguments[0])))
        },
        HugoFunction("transform.Plainify", aliases: ["plainify"], arity: .exactly(1)) { arguments, _ in
            .string(StringsFunctions.stripHTML(try GoCast.string(arguments[0])))
        },
        HugoFunction("transform.Emojify", aliases: ["emojify"], arity: .exactly(1)) { arguments, _ in
            .safe(emojify(try GoCast.string(arguments[0])), .html)
        },
    ]

    /// Go's `html.EscapeString`.
    static func escapeHTML(_ text: String) -> String {
        StringsFunctions.replaceEach(in: text, [("<", "&lt;"), (">", "&gt;"), ("&", "&amp;"), ("'", "&#39;"), ("\"", "&#34;")])
    }

    /// Hugo's `Emojify`: each `:code:` that names an emoji replaced by it, as Hugo scans for them:
    /// a code has no space in it and is at most as long as the longest code.
    static func emojify(_ text: String) -> String {
        var source = Array(text.utf8)
        var start = 0
        while let colon = source[start...].firstIndex(of: UInt8(ascii: ":")) {
            let upper = min(colon + longestEmojiCode, source.count)
            let end = source[(colon + 1)..<upper].firstIndex(of: UInt8(ascii: ":")).map { $0 - colon - 1 }
            let space = source[colon..<upper].firstIndex(of: UInt8(ascii: " ")).map { $0 - colon }
            if let end {
                if end == 0 || (space.map { $0 < end } ?? false) {
                    start += end + 1
                } else {
                    let codeEnd = colon + end + 2
                    if let emoji = Emoji.table[String(decoding: source[(colon + 1)..<(codeEnd - 1)], as: UTF8.self)] {
                        source.replaceSubrange(colon..<codeEnd, with: emoji.utf8)
                    }
                    start += end
                }
            } else {
                start += 1
            }
            if start >= source.count { break }
        }
        return String(decoding: source, as: UTF8.self)
    }

    /// The length of the longest `:code:`, colons included.
    private static let longestEmojiCode = (Emoji.table.keys.map(\.utf8.count).max() ?? 0) + 2
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
