/// Hugo's plain text of HTML (`.Plain`, `plainify`, its `StripHTML`): new lines become spaces,
/// `</p>` and `<br>` new lines, tags are removed and runs of white space, across tags, are kept
/// to their first character (`d</th>\n</tr>\n<td>1` is `d 1` in Hugo 0.111). One pass over the
/// UTF-8 bytes: it runs on every page's content.
enum PlainText {
    static func of(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count / 2)
            var inTag = false, wasSpace = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // Hugo replaces these before it strips tags, inside tags too.
                if byte == UInt8(ascii: "<"), let length = lineBreakTag(in: bytes, at: i) {
                    if !inTag && !wasSpace { output.append(UInt8(ascii: "\n")) }
                    if !inTag { wasSpace = true }
                    i += length
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"): inTag = true; i += 1
                case UInt8(ascii: ">"): inTag = false; i += 1
                default:
                    let length = scalarLength(byte)
                    let end = min(i + length, bytes.count)
                    if !inTag {
                        let isSpace = whiteSpace(bytes, i, end)
                        if !isSpace || !wasSpace {
                            if byte == UInt8(ascii: "\n") { output.append(UInt8(ascii: " ")) } else { output.append(contentsOf: bytes[i..<end]) }
                        }
                        wasSpace = isSpace
                    }
                    i = end
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }

    /// The words of plain text, split at white space (Go's `strings.Fields`), counted.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0, inWord = false, i = 0
            while i < bytes.count {
                let end = min(i + scalarLength(bytes[i]), bytes.count)
                let isSpace = whiteSpace(bytes, i, end)
                if !isSpace && !inWord { count += 1 }
                inWord = !isSpace
                i = end
            }
            return count
        }
    }

    private static let lineBreakTags: [[UInt8]] = [Array("</p>".utf8), Array("<br>".utf8), Array("<br />".utf8)]

    private static func lineBreakTag(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        for tag in lineBreakTags where index + tag.count <= bytes.count {
            if tag.indices.allSatisfy({ bytes[index + $0] == tag[$0] }) { return tag.count }
        }
        return nil
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Go's `unicode.IsSpace`, on one UTF-8 encoded scalar: ASCII white space, U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    private static func whiteSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let lead = bytes[start]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) }
        guard end - start >= 2 else { return false }
        let second = bytes[start + 1]
        switch lead {
        case 0xC2: return second == 0x85 || second == 0xA0
        case 0xE1: return end - start == 3 && second == 0x9A && bytes[start + 2] == 0x80
        case 0xE2:
            guard end - start == 3 else { return false }
            let third = bytes[start + 2]
            return second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF)
                || second == 0x81 && third == 0x9F
        case 0xE3: return end - start == 3 && second == 0x80 && bytes[start + 2] == 0x80
        default: return false
        }
    }
}
