import GoTemplates

/// Hugo's `cast` namespace: `int`, `float` and `string`, which accept what spf13/cast accepts, and
/// also html/template's safe strings.
enum CastFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("cast.ToInt", aliases: ["int"], arity: .exactly(1)) { arguments, _ in
            .int(try GoCast.int(unwrappingSafe(arguments[0])))
        },
        HugoFunction("cast.ToFloat", aliases: ["float"], arity: .exactly(1)) { arguments, _ in
            .float(try GoCast.float(unwrappingSafe(arguments[0])))
        },
        HugoFunction("cast.ToString", aliases: ["string"], arity: .exactly(1)) { arguments, _ in
            .string(try GoCast.string(unwrappingSafe(arguments[0])))
        },
    ]

    /// Hugo's `convertTemplateToString`: safe strings become plain strings first (but for
    /// `JSStr` and `Srcset`, which it does not list).
    private static func unwrappingSafe(_ value: TemplateValue) -> TemplateValue {
        if case .safe(let text, let kind) = value, kind != .jsString, kind != .srcset { return .string(text) }
        return value
    }
}

/// spf13/cast's conversions (`ToStringE`, `ToIntE`, `ToFloat64E`), which most Hugo functions apply
/// to their arguments, with its error texts.
enum GoCast {
    /// `cast.ToStringE`: numbers in Go's shortest form without an exponent, nil as "", a host
    /// object as it prints (Go's `Stringer`); html/template's `JSStr` and `Srcset` are refused, as
    /// spf13/cast does not list them.
    static func string(_ value: TemplateValue) throws -> String {
        switch value {
        case .string(let text): return text
        case .safe(let text, let kind) where kind != .jsString && kind != .srcset: return text
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let integer): return String(integer)
        case .float(let float): return fixedNotation(float)
        case .null: return ""
        case .object(let object): return object.printed
        case .safe, .list, .map: throw unableToCast(value, to: "string")
        }
    }

    /// `cast.ToIntE`: floats truncated, strings parsed as Go integer literals (`0x1f`, `017`,
    /// `1_000`) after a trailing `.0` is cut, booleans as 1 and 0, nil as 0.
    static func int(_ value: TemplateValue) throws -> Int {
        switch value {
        case .int(let integer): return integer
        case .float(let float): return truncated(float)
        case .string(let text):
            guard let integer = parseInteger(trimmingZeroDecimal(text)) else { throw unableToCast(value, to: "int64") }
            return integer
        case .bool(let bool): return bool ? 1 : 0
        case .null: return 0
        case .object(let object as any GoIntegerObject): return object.integer
        default: throw unableToCast(value, to: "int")
        }
    }

    /// `cast.ToFloat64E`: strings parsed as Go's `strconv.ParseFloat` parses them.
    static func float(_ value: TemplateValue) throws -> Double {
        switch value {
        case .float(let float): return float
        case .int(let integer): return Double(integer)
        case .string(let text):
            guard let float = parseFloat(text) else { throw unableToCast(value, to: "float64") }
            return float
        case .bool(let bool): return bool ? 1 : 0
        case .null: return 0
        default: throw unableToCast(value, to: "float64")
        }
    }

    static func unableToCast(_ value: TemplateValue, to type: String) -> TemplateFailure {
        TemplateFailure(GoFormat.sprintf("unable to cast %#v of type %T to \(type)", [value, value]))
    }

    /// Go's conversion of a float64 to int on amd64: toward zero, and the minimum integer for what
    /// does not fit (NaN, infinities, |f| ≥ 2⁶³).
    static func truncated(_ float: Double) -> Int {
        guard float.isFinite, float > -9.223372036854775808e18, float < 9.223372036854775808e18 else { return .min }
        return Int(float)
    }

    /// `strconv.FormatFloat(f, 'f', -1, 64)`: the shortest digits that read back as `f`, written
    /// out without an exponent.
    static func fixedNotation(_ float: Double) -> String {
        let printed = GoFormat.printed(.float(float))
        guard let e = printed.firstIndex(of: "e") else { return printed }
        var mantissa = String(printed[..<e])
        let exponent = Int(printed[printed.index(after: e)...])!
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = mantissa.filter { $0 != "." }
        let position = point + exponent
        let text: String
        if position <= 0 {
            text = "0." + String(repeating: "0", count: -position) + digits
        } else if position >= digits.count {
            text = digits + String(repeating: "0", count: position - digits.count)
        } else {
            text = String(digits.prefix(position)) + "." + String(digits.dropFirst(position))
        }
        return negative ? "-" + text : text
    }

    /// spf13/cast's `trimZeroDecimal`: "1.0" and "1.00" become "1".
    private static func trimmingZeroDecimal(_ text: String) -> String {
        var foundZero = false
        for (offset, byte) in text.utf8.enumerated().reversed() {
            switch byte {
            case UInt8(ascii: "."): if foundZero { return String(text.utf8.prefix(offset))! }
            case UInt8(ascii: "0"): foundZero = true
            default: return text
            }
        }
        return text
    }

    /// `strconv.ParseInt(text, 0, 64)`: a sign, then a decimal, `0x`, `0o`, `0b` or `0` (octal)
    /// literal, with underscores as Go allows them.
    static func parseInteger(_ text: String) -> Int? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard underscoresAreWellPlaced(body) else { return nil }
        let (radix, prefixLength): (Int, Int)
        switch body.prefix(2).lowercased() {
        case "0x": (radix, prefixLength) = (16, 2)
        case "0o": (radix, prefixLength) = (8, 2)
        case "0b": (radix, prefixLength) = (2, 2)
        default: (radix, prefixLength) = body.count > 1 && body.first == "0" ? (8, 1) : (10, 0)
        }
        let digits = body.dropFirst(prefixLength).filter { $0 != "_" }
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit), let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative {
            return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// Go's `underscoreOK` (of `text` without its sign): each underscore follows a digit or a base
    /// prefix, and is followed by a digit.
    private static func underscoresAreWellPlaced(_ text: Substring) -> Bool {
        guard text.contains("_") else { return true }
        var body = text
        var saw: Character = "^"
        var hex = false
        if body.count >= 2, body.first == "0", let second = body.dropFirst().first?.lowercased(), "box".contains(second) {
            hex = second == "x"
            body = body.dropFirst(2)
            saw = "0"
        }
        for character in body {
            if character.isASCII && (character.isNumber || (hex && character.isHexDigit)) {
                saw = "0"
            } else if character == "_" {
                guard saw == "0" else { return false }
                saw = "_"
            } else {
                guard saw != "_" else { return false }
                saw = "!"
            }
        }
        return saw != "_"
    }

    /// `strconv.ParseFloat(text, 64)`: decimal and hexadecimal (`0x1p-2`) forms, `inf`,
    /// `infinity` and `nan` in any case, underscores as Go allows them; nil for what Go refuses,
    /// including values out of range.
    static func parseFloat(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return text == body ? .nan : nil
        default: break
        }
        let isHex = body.lowercased().hasPrefix("0x")
        guard underscoresAreWellPlaced(body), !isHex || body.lowercased().contains("p") else { return nil }
        let digits = body.filter { $0 != "_" }
        guard digits.allSatisfy(isFloatCharacter(hex: isHex)), let magnitude = Double(digits), magnitude.isFinite else { return nil }
        return sign * magnitude
    }

    private static func isFloatCharacter(hex: Bool) -> (Character) -> Bool {
        { character in
            character.isASCII && (character.isNumber || ".eE+-".contains(character)
                || (hex && (character.isHexDigit || "xXpP".contains(character))))
        }
    }
}
