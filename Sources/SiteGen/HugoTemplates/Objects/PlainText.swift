/// Hugo's plain text of HTML (`.Plain`, `plainify`, its `StripHTML`): new lines become spaces,
/// `</p>` and `<br>` new lines, tags are removed and runs of white space, across tags, are kept
/// to their first character (`d</th>\n</tr>\n<td>1` is `d 1` in Hugo 0.111); comments, and a
/// `<script>` or `<style>` with its text, go as a tag does. Inside a tag, a quote opens a string
/// that a `>` does not end, unless it is in an unquoted value (`a=b"c`): a stray quote
/// (`<i c">`) takes the rest of the text with it, as in Hugo. One pass over the UTF-8 bytes: it
/// runs on every page's content.
enum PlainText {
    /// Where in a tag the pass is.
    private enum TagState: Equatable {
        case outside, name, beforeValue, unquotedValue
        case quoted(UInt8)
    }

    static func of(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count / 2)
            var tag = TagState.outside, wasSpace = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // Hugo replaces these before it strips tags, inside tags too.
                if byte == UInt8(ascii: "<"), let length = lineBreakTag(in: bytes, at: i) {
                    if tag == .outside && !wasSpace { output.append(UInt8(ascii: "\n")) }
                    if tag == .outside { wasSpace = true }
                    i += length
                    continue
                }
                if tag != .outside {
                    tag = next(tag, after: byte)
                    i += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"):
                    if let end = endOfComment(in: bytes, at: i) ?? endOfScriptOrStyle(in: bytes, at: i) {
                        i = end
                    } else {
                        tag = .name
                        i += 1
                    }
                case UInt8(ascii: ">"):
                    i += 1
                case 0x21..<0x80:
                    // Neither white space nor the start of a longer scalar: most of the text.
                    output.append(byte)
                    wasSpace = false
                    i += 1
                default:
                    let end = min(i + scalarLength(byte), bytes.count)
                    let isSpace = whiteSpace(bytes, i, end)
                    if !isSpace || !wasSpace {
                        if byte == UInt8(ascii: "\n") { output.append(UInt8(ascii: " ")) } else { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end])) }
                    }
                    wasSpace = isSpace
                    i = end
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }

    private static func next(_ state: TagState, after byte: UInt8) -> TagState {
        let isQuote = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        let isSpace = byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
        switch state {
        case .outside: return .outside
        case .quoted(let quote): return byte == quote ? .name : state
        case .name:
            if byte == UInt8(ascii: ">") { return .outside }
            if isQuote { return .quoted(byte) }
            return byte == UInt8(ascii: "=") ? .beforeValue : .name
        case .beforeValue:
            if byte == UInt8(ascii: ">") { return .outside }
            if isQuote { return .quoted(byte) }
            return isSpace ? .beforeValue : .unquotedValue
        case .unquotedValue:
            if byte == UInt8(ascii: ">") { return .outside }
            return isSpace ? .name : .unquotedValue
        }
    }

    private static let commentOpen = Array("<!--".utf8)

    /// Where the comment starting at `index` ends, past its `-->` (the end of the text when it
    /// is not closed); nil when no comment starts there.
    private static func endOfComment(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + commentOpen.count <= bytes.count, commentOpen.indices.allSatisfy({ bytes[index + $0] == commentOpen[$0] }) else { return nil }
        var i = index + commentOpen.count
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: ">") { return i + 3 }
            i += 1
        }
        return bytes.count
    }

    /// The words of plain text, split at white space (Go's `strings.Fields`), counted.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0, inWord = false, i = 0
            while i < bytes.count {
                if bytes[i] > 0x20 && bytes[i] < 0x80 {
                    if !inWord { count += 1 }
                    inWord = true
                    i += 1
                    continue
                }
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

    private static let rawTextElements: [[UInt8]] = [Array("script".utf8), Array("style".utf8)]

    /// Where the `<script>` or `<style>` element starting at `index` ends, past its closing tag
    /// (the end of the text when it is not closed); nil when no such element starts there.
    private static func endOfScriptOrStyle(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        func matches(_ name: [UInt8], at start: Int) -> Bool {
            start + name.count <= bytes.count && name.indices.allSatisfy { bytes[start + $0] | 0x20 == name[$0] }
        }
        guard let name = rawTextElements.first(where: { matches($0, at: index + 1) }) else { return nil }
        let after = index + 1 + name.count
        guard after < bytes.count, [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "/")].contains(bytes[after]) else { return nil }
        var i = after
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "/"), matches(name, at: i + 2) {
                var end = i + 2 + name.count
                while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
                return min(end + 1, bytes.count)
            }
            i += 1
        }
        return bytes.count
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
