import GoTemplates
import CCmarkGFM

/// goldmark's typographer, recovered from cmark's smart punctuation: cmark replaces `'`, `"`,
/// `--`, `---` and `...` by characters and merges them into the surrounding text, so a text node
/// is read against its source line to tell a replaced quote (`&rsquo;` in goldmark's HTML, `'` in
/// its heading ids) from one typed as a character (kept as it is). A node whose source does not
/// line up with its text (an entity, a position cmark does not track exactly) is left to cmark.
struct GoldmarkTypographer {
    private let lines: [ArraySlice<UInt8>]

    init(source: String) {
        lines = Array(source.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// The node's text as goldmark writes it: HTML-escaped, with the typographer's entities; nil
    /// when that is what cmark writes (no replaced punctuation, or a node that does not line up).
    func html(of node: CmarkNode) -> String? {
        guard let pieces = aligned(node), pieces.contains(where: \.typographic) else { return nil }
        return pieces.map(\.html).joined()
    }

    /// The node's text as goldmark makes heading ids from it: the source's `'`, `"`, `--`, `...`.
    func idText(of node: CmarkNode) -> String? {
        aligned(node).map { pieces in pieces.map { $0.source }.joined() }
    }

    /// The node's text with goldmark's entities for the punctuation it replaced, nothing escaped.
    func plainText(of node: CmarkNode) -> String? {
        aligned(node).map { pieces in pieces.map { $0.typographic ? $0.html : $0.source }.joined() }
    }

    /// Whether cmark may have replaced punctuation in the text, or goldmark would (`<<`, `>>`).
    static func mayDiffer(_ literal: String) -> Bool {
        // Over the contiguous bytes: the UTF-8 view's iterator was most of this, run on every text node.
        var literal = literal
        return literal.withUTF8 { bytes in bytes.contains { $0 == 0xE2 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") } }
    }

    private struct Piece {
        var html: String
        var source: String
        /// Punctuation the typographer writes otherwise than cmark.
        var typographic = false
    }

    private static let quotes: [(typed: UInt8, character: [UInt8], entity: String)] = [
        (UInt8(ascii: "'"), [0xE2, 0x80, 0x99], "&rsquo;"), (UInt8(ascii: "'"), [0xE2, 0x80, 0x98], "&lsquo;"),
        (UInt8(ascii: "\""), [0xE2, 0x80, 0x9D], "&rdquo;"), (UInt8(ascii: "\""), [0xE2, 0x80, 0x9C], "&ldquo;"),
    ]
    private static let enDash: [UInt8] = [0xE2, 0x80, 0x93], emDash: [UInt8] = [0xE2, 0x80, 0x94], ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    private func aligned(_ node: CmarkNode) -> [Piece]? {
        let line = Int(cmark_node_get_start_line(node.raw)), start = Int(cmark_node_get_start_column(node.raw))
        let end = Int(cmark_node_get_end_column(node.raw))
        guard line == Int(cmark_node_get_end_line(node.raw)), line >= 1, line <= lines.count, start >= 1, end >= start else { return nil }
        let text = lines[line - 1]
        guard text.count >= end else { return nil }
        let source = Array(text[(text.startIndex + start - 1)..<(text.startIndex + end)])
        let literal = Array(node.literal.utf8)
        var pieces: [Piece] = []
        var i = 0, j = 0
        func starts(_ bytes: [UInt8], at index: Int, in array: [UInt8]) -> Bool {
            index + bytes.count <= array.count && Array(array[index..<(index + bytes.count)]) == bytes
        }
        // The literal may end before the source: a heading's `{#id}` is cut from its literal.
        while j < literal.count {
            guard i < source.count else { return nil }
            let byte = source[i]
            if byte == UInt8(ascii: "\\"), i + 1 < source.count, source[i + 1] == literal[j], source[i + 1] < 0x80 {
                pieces.append(Piece(html: Self.escaped([literal[j]]), source: String(decoding: [literal[j]], as: UTF8.self)))
                i += 2; j += 1
            } else if byte == UInt8(ascii: "&"), let length = Self.entityLength(source[(i + 1)...]) {
                // An entity reference, which cmark's literal holds decoded; goldmark writes it so too.
                let written = String(decoding: source[i..<(i + 1 + length)], as: UTF8.self)
                let decoded = Array(HTMLEntities.unescape(written).utf8)
                guard starts(decoded, at: j, in: literal) else { return nil }
                pieces.append(Piece(html: Self.escaped(decoded), source: String(decoding: decoded, as: UTF8.self)))
                i += 1 + length; j += decoded.count
            } else if let quote = Self.quotes.first(where: { $0.typed == byte && starts($0.character, at: j, in: literal) }) {
                pieces.append(Piece(html: quote.entity, source: String(decoding: [byte], as: UTF8.self), typographic: true))
                i += 1; j += quote.character.count
            } else if byte == UInt8(ascii: "-"), starts(Self.enDash, at: j, in: literal) || starts(Self.emDash, at: j, in: literal) {
                var hyphens = 0
                while i < source.count, source[i] == UInt8(ascii: "-") { hyphens += 1; i += 1 }
                while starts(Self.enDash, at: j, in: literal) || starts(Self.emDash, at: j, in: literal) { j += 3 }
                // goldmark takes `---` first, then `--`, and leaves a single hyphen.
                let html = String(repeating: "&mdash;", count: hyphens / 3) + (hyphens % 3 == 2 ? "&ndash;" : hyphens % 3 == 1 ? "-" : "")
                pieces.append(Piece(html: html, source: String(repeating: "-", count: hyphens), typographic: true))
            } else if byte == UInt8(ascii: "."), starts(Self.ellipsis, at: j, in: literal), starts(Array("...".utf8), at: i, in: source) {
                pieces.append(Piece(html: "&hellip;", source: "...", typographic: true))
                i += 3; j += 3
            } else if (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")), i + 1 < source.count, source[i + 1] == byte,
                      starts([byte, byte], at: j, in: literal) {
                pieces.append(Piece(html: byte == UInt8(ascii: "<") ? "&laquo;" : "&raquo;", source: String(decoding: [byte, byte], as: UTF8.self), typographic: true))
                i += 2; j += 2
            } else if byte == literal[j] {
                var k = 1
                while i + k < source.count, j + k < literal.count, source[i + k] == literal[j + k], source[i + k] >= 0x80 { k += 1 }
                let bytes = Array(literal[j..<(j + k)])
                pieces.append(Piece(html: Self.escaped(bytes), source: String(decoding: bytes, as: UTF8.self)))
                i += k; j += k
            } else {
                return nil
            }
        }
        return pieces
    }

    /// The length of the entity reference after a `&` (`amp;`, `#38;`, `#x26;`), its `;` included;
    /// nil when the bytes make none.
    private static func entityLength(_ rest: ArraySlice<UInt8>) -> Int? {
        guard let end = rest.prefix(33).firstIndex(of: UInt8(ascii: ";")), end > rest.startIndex else { return nil }
        let name = rest[rest.startIndex..<end]
        let isDigit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
        let isLetter = { (byte: UInt8) in byte | 0x20 >= 97 && byte | 0x20 <= 122 }
        let isEntity: Bool
        if name.first == UInt8(ascii: "#") {
            let digits = name.dropFirst()
            if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                isEntity = digits.count > 1 && digits.dropFirst().allSatisfy { isDigit($0) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
            } else {
                isEntity = !digits.isEmpty && digits.allSatisfy(isDigit)
            }
        } else {
            isEntity = isLetter(name.first!) && name.allSatisfy { isDigit($0) || isLetter($0) }
        }
        return isEntity ? name.count + 1 : nil
    }

    /// cmark's escaping of text.
    private static func escaped(_ bytes: [UInt8]) -> String {
        var html = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            default: html.unicodeScalars.append(scalar)
            }
        }
        return html
    }
}
