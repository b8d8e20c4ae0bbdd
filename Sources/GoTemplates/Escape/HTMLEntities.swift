/// Go's `html.UnescapeString`, which the escaper decodes attribute values with before following
/// their JavaScript, CSS or URL: `&quot;` in `onclick="alert(&quot;hi&quot;)"` is a quote.
public enum HTMLEntities {
    /// `text` with its character references decoded (Hugo's `htmlUnescape`).
    public static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return String(decoding: unescape(ByteView(Array(text.utf8))).bytes, as: UTF8.self)
    }

    /// `bytes` with their character references decoded.
    static func unescape(_ bytes: ByteView) -> ByteView {
        guard bytes.firstIndex(of: UInt8(ascii: "&")) != nil else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&") {
                i = decodeReference(bytes, at: i, into: &output)
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return ByteView(output)
    }

    /// Decodes the reference at `start` (an `&`) onto `output` and returns where it ends; an `&`
    /// that starts no reference is itself.
    private static func decodeReference(_ s: ByteView, at start: Int, into output: inout [UInt8]) -> Int {
        var i = start + 1
        guard i < s.count else {
            output.append(s[start])
            return i
        }
        if s[i] == UInt8(ascii: "#") {
            // At least `&#.` is needed.
            guard s.count - start > 3 else {
                output.append(s[start])
                return start + 1
            }
            i += 1
            let isHex = s[i] == UInt8(ascii: "x") || s[i] == UInt8(ascii: "X")
            if isHex { i += 1 }
            // Go's rune arithmetic wraps around, as here.
            var value: Int32 = 0
            while i < s.count {
                let c = s[i]
                i += 1
                if isHex, let digit = hexValue(c) {
                    value = value &* 16 &+ Int32(digit)
                    continue
                } else if !isHex, c.isASCIIDigit {
                    value = value &* 10 &+ Int32(c - 0x30)
                    continue
                }
                if c != UInt8(ascii: ";") { i -= 1 }
                break
            }
            guard i - start > 3 else {
                // No digits.
                output.append(s[start])
                return start + 1
            }
            let scalar: Unicode.Scalar
            if (0x80...0x9F).contains(value) {
                // Windows-1252's characters for C1 controls.
                scalar = windows1252[Int(value) - 0x80]
            } else if value != 0, let valid = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) {
                scalar = valid
            } else {
                scalar = "\u{FFFD}"
            }
            output.append(contentsOf: String(scalar).utf8)
            return i
        }
        // The longest name that matches a reference.
        while i < s.count {
            let c = s[i]
            i += 1
            if c.isASCIIAlphanumeric { continue }
            if c != UInt8(ascii: ";") { i -= 1 }
            break
        }
        let name = s.slice(start + 1, i).string
        if !name.isEmpty {
            if let decoded = references[name] {
                output.append(contentsOf: decoded)
                return i
            }
            // A legacy reference without its semicolon, followed by more letters (`&ampx`).
            for length in stride(from: min(name.utf8.count - 1, longestWithoutSemicolon), to: 1, by: -1) {
                if let decoded = references[String(name.prefix(length))] {
                    output.append(contentsOf: decoded)
                    return start + length + 1
                }
            }
        }
        output.append(contentsOf: s.slice(start, i).bytes)
        return i
    }

    private static let longestWithoutSemicolon = 6

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    private static let windows1252: [Unicode.Scalar] = [
        "\u{20AC}", "\u{0081}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{008D}", "\u{017D}", "\u{008F}",
        "\u{0090}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{009D}", "\u{017E}", "\u{0178}",
    ]

    /// The references' UTF-8 by name, parsed from `table` when first needed.
    private static let references: [String: [UInt8]] = {
        var references: [String: [UInt8]] = [:]
        references.reserveCapacity(2300)
        for entry in table.split(separator: " ") {
            let parts = entry.split(separator: ":")
            let scalars = parts[1].split(separator: ",").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }
            references[String(parts[0])] = Array(String(String.UnicodeScalarView(scalars)).utf8)
        }
        return references
    }()
}
