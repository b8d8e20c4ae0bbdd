/// The YAML 1.2 core schema's rules for typing plain scalars, plus YAML 1.1 timestamps.
enum YAMLCoreSchema {
    static func value(ofPlain text: String) -> Value? {
        switch text {
        case "", "~", "null", "Null", "NULL": return nil
        default: break
        }
        if let bool = bool(text) { return .bool(bool) }
        if let integer = integer(text) { return integer }
        if let float = float(text) { return .double(float) }
        if looksLikeTimestamp(text), let parsed = HugoDate.parseKeepingOffset(text) { return .date(parsed.date, offset: parsed.offset) }
        return .string(text)
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Decimal, `0x` hexadecimal, `0o` octal or `0b` binary; a decimal too large for `Int` becomes a `.double`.
    static func integer(_ text: String) -> Value? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            radix = base
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.hexDigitValue ?? radix) < radix }) else { return nil }
        if let value = Int(digits, radix: radix) { return .int(negative ? -value : value) }
        return radix == 10 ? Double(text).map(Value.double) : nil
    }

    /// `1.5`, `-.5`, `2e3`, `1.0E-2`, `.inf`, `-.Inf`, `.nan`; integers are matched first by `integer(_:)`.
    static func float(_ text: String) -> Double? {
        var body = Substring(text)
        let negative = body.first == "-"
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        switch body {
        case ".inf", ".Inf", ".INF": return negative ? -.infinity : .infinity
        case ".nan", ".NaN", ".NAN": return negative || text.hasPrefix("+") ? nil : .nan
        default: break
        }
        var mantissa = body
        var exponent: Substring = ""
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
            if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts.contains(where: { !$0.isEmpty })
        else { return nil }
        return Double(text)
    }

    /// A YAML timestamp starts `YYYY-`; anything else that merely parses as a date stays a string.
    private static func looksLikeTimestamp(_ text: String) -> Bool {
        let head = Array(text.utf8.prefix(5))
        return head.count == 5 && head[..<4].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && head[4] == UInt8(ascii: "-")
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
