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

    /// Go's `unicode.IsSpace`, on one UTF-8 encoded scalar.
    private static func whiteSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let lead = bytes[start]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) }
        guard lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3,
              let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars.first
        else { return false }
        return scalar.properties.isWhitespace
    }
}
