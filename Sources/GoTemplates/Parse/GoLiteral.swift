/// Go's literal syntax for strings, characters and numbers (`strconv.Unquote`, `ParseInt` with
/// base 0, `ParseFloat`), as template actions write them.
enum GoLiteral {
    /// The value of a quoted (`"…"`) or raw (`` `…` ``) string; nil when it is malformed.
    static func unquote(_ literal: String) -> String? {
        let bytes = Array(literal.utf8)
        guard bytes.count >= 2, let quote = bytes.first, bytes.last == quote else { return nil }
        if quote == UInt8(ascii: "`") { return String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self) }
        guard quote == UInt8(ascii: "\"") else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 1
        let end = bytes.count - 1
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { return nil }
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                i += 1
                continue
            }
            guard let (decoded, length) = escape(bytes, at: i, end: end, quote: quote) else { return nil }
            output += decoded
            i += length
        }
        return String(validating: output, as: UTF8.self) ?? String(decoding: output, as: UTF8.self)
    }

    /// The Unicode scalar of a character constant (`'a'`, `'\n'`, `'\u00e9'`).
    static func character(_ literal: String) -> Unicode.Scalar? {
        let bytes = Array(literal.utf8)
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "'"), bytes.last == UInt8(ascii: "'") else { return nil }
        let end = bytes.count - 1
        if bytes[1] == UInt8(ascii: "\\") {
            guard let (decoded, length) = escape(bytes, at: 1, end: end, quote: UInt8(ascii: "'")), 1 + length == end else { return nil }
            if decoded.count == 1, decoded[0] >= 0x80 { return Unicode.Scalar(decoded[0]) }  // \xFF is the byte's value
            return String(decoding: decoded, as: UTF8.self).unicodeScalars.first
        }
        let text = String(decoding: bytes[1..<end], as: UTF8.self)
        guard text.unicodeScalars.count == 1 else { return nil }
        return text.unicodeScalars.first
    }

    /// One backslash escape at `i`: its bytes and its length in the literal.
    private static func escape(_ bytes: [UInt8], at i: Int, end: Int, quote: UInt8) -> ([UInt8], Int)? {
        guard i + 1 < end else { return nil }
        let kind = bytes[i + 1]
        switch kind {
        case UInt8(ascii: "a"): return ([0x07], 2)
        case UInt8(ascii: "b"): return ([0x08], 2)
        case UInt8(ascii: "f"): return ([0x0C], 2)
        case UInt8(ascii: "n"): return ([0x0A], 2)
        case UInt8(ascii: "r"): return ([0x0D], 2)
        case UInt8(ascii: "t"): return ([0x09], 2)
        case UInt8(ascii: "v"): return ([0x0B], 2)
        case UInt8(ascii: "\\"): return ([0x5C], 2)
        case quote: return ([quote], 2)
        case UInt8(ascii: "x"):
            guard let value = hex(bytes, from: i + 2, count: 2, end: end) else { return nil }
            return ([UInt8(value)], 4)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = kind == UInt8(ascii: "u") ? 4 : 8
            guard let value = hex(bytes, from: i + 2, count: digits, end: end),
                  let scalar = Unicode.Scalar(value) else { return nil }
            return (Array(String(Character(scalar)).utf8), 2 + digits)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard i + 3 < end + 1, i + 4 <= end else { return nil }
            var value = 0
            for k in 1...3 {
                let digit = bytes[i + k]
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7") else { return nil }
                value = value * 8 + Int(digit - UInt8(ascii: "0"))
            }
            guard value <= 255 else { return nil }
            return ([UInt8(value)], 4)
        default:
            return nil
        }
    }

    private static func hex(_ bytes: [UInt8], from start: Int, count: Int, end: Int) -> UInt32? {
        guard start + count <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + count)] {
            guard let digit = hexDigit(byte) else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A number as Go's template parser reads it: an int when the text is an integer (or a float
    /// with an integral value), a float when it parses as one; nil when it is neither.
    static func number(_ text: String) -> NumberLiteral? {
        var digits = text.filter { $0 != "_" }
        var negative = false
        if digits.hasPrefix("+") { digits.removeFirst() } else if digits.hasPrefix("-") { digits.removeFirst(); negative = true }
        let lower = digits.lowercased()
        var int: Int?
        if lower.hasPrefix("0x"), !lower.contains("p"), !lower.contains(".") {
            int = Int(lower.dropFirst(2), radix: 16)
        } else if lower.hasPrefix("0b") {
            int = Int(lower.dropFirst(2), radix: 2)
        } else if lower.hasPrefix("0o") {
            int = Int(lower.dropFirst(2), radix: 8)
        } else if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy({ $0.isASCII && $0.isNumber }) {
            int = Int(lower.dropFirst(1), radix: 8)
        } else if lower.allSatisfy({ $0.isASCII && $0.isNumber }), !lower.isEmpty {
            int = Int(lower)
        }
        if let value = int {
            let signed = negative ? -value : value
            return NumberLiteral(text: text, int: signed, float: Double(signed), isCharacter: false)
        }
        let looksFloat = lower.contains { ".ep".contains($0) }
        guard looksFloat, let float = parseFloat(lower) else { return nil }
        let signed = negative ? -float : float
        let integral = signed.rounded() == signed && abs(signed) < 9.2e18 ? Int(signed) : nil
        return NumberLiteral(text: text, int: integral, float: signed, isCharacter: false)
    }

    private static func parseFloat(_ text: String) -> Double? {
        if text.hasPrefix("0x") {
            // Hexadecimal floats (`0x1p-2`): Swift's Double(String) reads them too.
            return Double(text)
        }
        guard text.first.map({ $0.isNumber || $0 == "." }) == true else { return nil }
        return Double(text)
    }
}
