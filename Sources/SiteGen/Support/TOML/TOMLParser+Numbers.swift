extension TOMLParser {
    /// An integer (`42`, `-1_000`, `0xFF`, `0o755`, `0b1010`) or a float (`3.14`, `1e-3`, `+inf`, `nan`).
    /// Integers must fit in 64 bits.
    mutating func parseNumber() throws(TOMLSyntaxError) -> Value {
        let start = cursor.offset
        while let byte = cursor.current, byte.isTOMLBareKeyCharacter || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") {
            cursor.advance()
        }
        let token = String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
        guard let number = TOMLNumber(token) else {
            throw cursor.error(token.isEmpty ? "expected a value, found \(cursor.foundDescription)" : "'\(token)' is not a valid number", at: start)
        }
        switch number {
        case .integer(let digits, let radix):
            guard let value = Int(digits, radix: radix) else { throw cursor.error("the integer \(token) does not fit in 64 bits", at: start) }
            return .int(value)
        case .float(let value):
            return .double(value)
        }
    }
}

/// A number token checked against TOML's grammar: underscores only between digits, no leading zeros, a sign
/// only on decimal numbers.
private enum TOMLNumber {
    /// The digits without underscores, with the sign if there is one, ready for `Int(_:radix:)`.
    case integer(String, radix: Int)
    case float(Double)

    init?(_ token: String) {
        var body = Substring(token)
        let sign = body.first == "+" || body.first == "-" ? String(body.removeFirst()) : ""
        switch body {
        case "inf": self = .float(sign == "-" ? -.infinity : .infinity)
        case "nan": self = .float(sign == "-" ? -.nan : .nan)
        case _ where body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b"):
            let radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            let digits = body.dropFirst(2)
            guard sign.isEmpty, let plain = Self.digits(digits, radix: radix) else { return nil }
            self = .integer(plain, radix: radix)
        default:
            guard let decimal = Self.decimal(body) else { return nil }
            if decimal.fraction == nil && decimal.exponent == nil {
                self = .integer(sign + decimal.integer, radix: 10)
            } else {
                let text = sign + decimal.integer + "." + (decimal.fraction ?? "0") + "e" + (decimal.exponent ?? "0")
                guard let value = Double(text) else { return nil }
                self = .float(value)
            }
        }
    }

    /// `123`, `1.5`, `1e3`, `1.5E-3` split into parts without underscores; nil if any part breaks the rules.
    private static func decimal(_ text: Substring) -> (integer: String, fraction: String?, exponent: String?)? {
        let exponentStart = text.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = text[..<(exponentStart ?? text.endIndex)]
        let dot = mantissa.firstIndex(of: ".")
        let integerPart = mantissa[..<(dot ?? mantissa.endIndex)]
        guard let integer = digits(integerPart, radix: 10), integer == "0" || !integer.hasPrefix("0") else { return nil }
        var fraction: String?
        if let dot {
            guard let digits = digits(mantissa[mantissa.index(after: dot)...], radix: 10) else { return nil }
            fraction = digits
        }
        var exponent: String?
        if let exponentStart {
            var part = text[text.index(after: exponentStart)...]
            let sign = part.first == "+" || part.first == "-" ? String(part.removeFirst()) : ""
            guard let digits = digits(part, radix: 10) else { return nil }
            exponent = sign + digits
        }
        return (integer, fraction, exponent)
    }

    /// The digits of `text` with its underscores removed, if every character is a digit of `radix` and every
    /// underscore stands between two digits.
    private static func digits(_ text: Substring, radix: Int) -> String? {
        guard let first = text.first, let last = text.last, first != "_", last != "_", !text.contains("__") else { return nil }
        let digits = text.filter { $0 != "_" }
        guard digits.allSatisfy({ $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }) else { return nil }
        return digits
    }
}
