/// html/template's CSS escapers (css.go).
enum CSSEscaping {
    /// Whether `s` ends with the ASCII keyword `keyword` (lower-case), case-insensitively, not as
    /// the end of a longer name. Escaped keywords (`\75\72\6c` for `url`) are not recognized:
    /// CSS3's URI production does not allow them.
    static func endsWithKeyword(_ s: ByteView, _ keyword: String) -> Bool {
        let keyword = Array(keyword.utf8)
        let start = s.count - keyword.count
        guard start >= 0 else { return false }
        if start != 0, let before = s.prefix(start).lastScalar, isNameCharacter(before) { return false }
        for (offset, byte) in keyword.enumerated() where s[start + offset] | (s[start + offset].isASCIILetter ? 0x20 : 0) != byte {
            return false
        }
        return true
    }

    /// CSS3's `nmchar`, without multi-rune escape sequences.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2D, 0x5F, 0x80...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `s` with its CSS escapes decoded: `\\` is `\`, `\"` is `"`, and `\A B` is a newline and `B`
    /// (CSS3's `unicode` production: up to six hex digits and one optional white space).
    static func decode(_ text: ByteView) -> [UInt8] {
        guard text.firstIndex(of: UInt8(ascii: "\\")) != nil else { return Array(text.bytes) }
        var s = text
        var output: [UInt8] = []
        output.reserveCapacity(s.count)
        while !s.isEmpty {
            let i = s.firstIndex(of: UInt8(ascii: "\\")) ?? s.count
            output.append(contentsOf: s.prefix(i).bytes)
            s = s.dropFirst(i)
            if s.count < 2 { break }
            if s[1].isHexDigit {
                var j = 2
                while j < s.count && j < 7 && s[j].isHexDigit { j += 1 }
                var value = s.slice(1, j).bytes.reduce(UInt32(0)) { $0 << 4 | UInt32(hexValue($1)) }
                if value > 0x10FFFF {
                    value /= 16
                    j -= 1
                }
                output.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
                s = skipSpace(s.dropFirst(j))
            } else {
                let (_, length) = decodeScalar(s.bytes, at: s.bytes.startIndex + 1)
                output.append(contentsOf: s.slice(1, 1 + length).bytes)
                s = s.dropFirst(1 + length)
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        byte.isASCIIDigit ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
    }

    /// Skips the one white space that may end a hex escape; CR LF counts as one, as in CSS3's
    /// newlines (its `wc` production probably meant to).
    private static func skipSpace(_ s: ByteView) -> ByteView {
        guard !s.isEmpty else { return s }
        switch s[0] {
        case 0x09, 0x0A, 0x0C, 0x20: return s.dropFirst(1)
        case 0x0D: return s.count >= 2 && s[1] == 0x0A ? s.dropFirst(2) : s.dropFirst(1)
        default: return s
        }
    }

    // MARK: Escapers

    /// For CSS strings and the like: HTML's and CSS's specials as hex escapes, followed by a space
    /// when a hex digit or a space follows, which would otherwise be read as part of them.
    static func escaper(_ arguments: [Value]) -> String {
        var text = SafeContent.stringify(arguments).text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            var written = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x80, !replacements[Int(byte)].isEmpty else { continue }
                if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
                output.append(contentsOf: bytes[written..<i])
                output.append(contentsOf: replacements[Int(byte)])
                written = i + 1
                if byte != UInt8(ascii: "\\"), written == bytes.count || bytes[written].isHexDigit || bytes[written].isHTMLSpace {
                    output.append(UInt8(ascii: " "))
                }
            }
            if written == 0 { return nil }
            output.append(contentsOf: bytes[written...])
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    private static let replacements: [[UInt8]] = {
        var table = [[UInt8]](repeating: [], count: 128)
        let entries: [Character: String] = [
            "\0": "\\0", "\t": "\\9", "\n": "\\a", "\u{C}": "\\c", "\r": "\\d", "\"": "\\22", "&": "\\26", "'": "\\27",
            "(": "\\28", ")": "\\29", "+": "\\2b", "/": "\\2f", ":": "\\3a", ";": "\\3b", "<": "\\3c", ">": "\\3e",
            "\\": "\\\\", "{": "\\7b", "}": "\\7d",
        ]
        for (character, replacement) in entries { table[Int(character.asciiValue!)] = Array(replacement.utf8) }
        return table
    }()

    /// A CSS value that cannot end the declaration or rule it is in, nor run code: no quotes,
    /// brackets or comments (whose mismatches make browsers restart parsing inside a string),
    /// no `--` (`<!--`, `-->`), no `expression` and no `-moz-binding`. Its escapes are decoded.
    static func valueFilter(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        if kind == .css { return text }
        let decoded = decode(ByteView(Array(text.utf8)))
        var name: [UInt8] = []
        for (i, byte) in decoded.enumerated() {
            switch byte {
            case 0, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"),
                 UInt8(ascii: ";"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"),
                 UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                return SafeContent.failsafe
            case UInt8(ascii: "-"):
                if i != 0 && decoded[i - 1] == UInt8(ascii: "-") { return SafeContent.failsafe }
            default:
                if byte < 0x80 && isNameCharacter(Unicode.Scalar(byte)) { name.append(byte | (byte.isASCIILetter ? 0x20 : 0)) }
            }
        }
        let view = ByteView(name)
        if view.firstIndex(of: expression) != nil || view.firstIndex(of: mozBinding) != nil { return SafeContent.failsafe }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static let expression = Array("expression".utf8)
    private static let mozBinding = Array("mozbinding".utf8)
}
