/// html/template's JavaScript escapers (js.go).
enum JSEscaping {
    /// Whether a `/` after `s` starts a regular expression or a division (Go's `nextJSCtx`), from
    /// the token that ends `s`, which has no strings, comments, regular expressions or divisions.
    /// Wrong on valid but nonsensical programs like `x = ++/foo/i`; based on the JavaScript 2.0
    /// draft's lexical grammar, with one token of lookbehind.
    static func nextContext(_ s: ByteView, after preceding: EscapeContext.JSContext) -> EscapeContext.JSContext {
        var n = s.count
        // Trailing white space and line terminators (U+2028 and U+2029 included) do not count.
        while n > 0 {
            if s[n - 1].isHTMLSpace {
                n -= 1
            } else if n >= 3, s[n - 3] == 0xE2, s[n - 2] == 0x80, s[n - 1] == 0xA8 || s[n - 1] == 0xA9 {
                n -= 3
            } else {
                break
            }
        }
        guard n > 0 else { return preceding }
        let last = s[n - 1]
        switch last {
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // `++` and `--` are not regexp preceders, `+` and `-` are; `---` is `-- -`.
            var start = n - 1
            while start > 0 && s[start - 1] == last { start -= 1 }
            return (n - start) & 1 == 1 ? .regexp : .divisionOperator
        case UInt8(ascii: "."):
            // `42.`
            return n != 1 && s[n - 2].isASCIIDigit ? .divisionOperator : .regexp
        case UInt8(ascii: ","), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "%"),
             UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "~"),
             UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "{"):
            // Ends of binary and prefix operators, open brackets, and what precedes an expression.
            return .regexp
        case UInt8(ascii: "}"):
            // Developers do not divide object literals, so `}` precedes a block's end, as in
            // `function () { … } /foo/.test(x)`; `)` and `]` precede divisions.
            return .regexp
        default:
            // A keyword that can precede a regular expression?
            var j = n
            while j > 0 && isIdentifierPart(s[j - 1]) { j -= 1 }
            if regexpPrecederKeywords.contains(s.slice(j, n).string) { return .regexp }
        }
        // Other punctuators, strings and identifiers precede divisions.
        return .divisionOperator
    }

    private static let regexpPrecederKeywords: Set<String> = [
        "break", "case", "continue", "delete", "do", "else", "finally", "in", "instanceof", "return", "throw", "try",
        "typeof", "void",
    ]

    /// Whether `byte` is part of a JavaScript identifier: not every one (non-Latin letters, joiners
    /// and marks are not), but every one of numbers and keywords.
    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "$") || byte == UInt8(ascii: "_") || byte.isASCIIAlphanumeric
    }

    /// The first line terminator of JavaScript: `\n`, `\r`, U+2028 or U+2029.
    static func firstLineTerminator(_ s: ByteView) -> Int? {
        var i = 0
        while i < s.count {
            let byte = s[i]
            if byte == 0x0A || byte == 0x0D { return i }
            if byte == 0xE2, i + 2 < s.count, s[i + 1] == 0x80, s[i + 2] == 0xA8 || s[i + 2] == 0xA9 { return i }
            i += 1
        }
        return nil
    }

    // MARK: Escapers

    /// A JavaScript expression with neither side effects nor free variables (outside `NaN` and
    /// `Infinity`) for the values (Go's `jsValEscaper`): their JSON, or typed JavaScript as it is.
    static func valueEscaper(_ arguments: [Value]) -> String {
        var json: [UInt8] = []
        do throws(JSON.UnsupportedValue) {
            if arguments.count == 1 {
                switch arguments[0] {
                case .safe(let text, .js):
                    return text
                case .safe(let text, .jsString):
                    return "\"" + text + "\""
                default:
                    try JSON.append(arguments[0], to: &json)
                }
            } else {
                JSON.append(string: GoFormat.sprint(arguments), to: &json)
            }
        } catch {
            // A space before the comment keeps `x/{{y}}` from starting a line comment.
            return " /* \(error.message.replacing("*/", with: "* /")) */null "
        }
        // Keep identifiers and numbers from running into keywords: `in`, `instanceof`, `typeof`, `void`.
        let padded = isIdentifierPart(json[0]) || isIdentifierPart(json[json.count - 1])
        let text = String(decoding: json, as: UTF8.self)
        return padded ? " " + text + " " : text
    }

    /// Text for between the quotes of a JavaScript string, in a `<script>` or an event handler
    /// attribute (Go's `jsStrEscaper`); `JSStr` content's escapes are kept.
    static func stringEscaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        return kind == .jsString ? normalizedStringReplacer(text) : stringReplacer(text)
    }

    /// Like `stringEscaper`, with regular expression specials escaped too, so that the text is
    /// matched literally (Go's `jsRegexpEscaper`).
    static func regexpEscaper(_ arguments: [Value]) -> String {
        let escaped = regexpReplacer(SafeContent.stringify(arguments).text)
        // `/{{.X}}/` must not become a line comment when `.X` is empty.
        return escaped.isEmpty ? "(?:)" : escaped
    }

    /// Controls as `\u00XX` (or `\t`, `\n`, `\f`, `\r`), and U+2028 and U+2029 as `\u2028`, `\u2029`.
    private static let lowReplacements: [Character: String] = {
        var replacements: [Character: String] = ["\t": "\\t", "\n": "\\n", "\u{C}": "\\f", "\r": "\\r"]
        for byte in 0..<0x20 where replacements[Character(Unicode.Scalar(UInt8(byte)))] == nil {
            replacements[Character(Unicode.Scalar(UInt8(byte)))] = "\\u00" + String(byte, radix: 16).leftPadded(to: 2)
        }
        return replacements
    }()

    private static let lineSeparators: @Sendable (Unicode.Scalar) -> [UInt8]? = { scalar in
        switch scalar {
        case "\u{2028}": return Array("\\u2028".utf8)
        case "\u{2029}": return Array("\\u2029".utf8)
        default: return nil
        }
    }

    /// HTML's specials are hex-escaped so that the output can go into HTML attributes as it is.
    private static let stringReplacer = ByteReplacer(lowReplacements.merging([
        "\"": "\\u0022", "`": "\\u0060", "&": "\\u0026", "'": "\\u0027", "+": "\\u002b", "/": "\\/", "<": "\\u003c",
        ">": "\\u003e", "\\": "\\\\",
    ]) { low, _ in low }, otherLead: 0xE2, other: lineSeparators)

    /// `stringReplacer` but for `\`, so that existing escapes are not escaped again.
    private static let normalizedStringReplacer = stringReplacer.keeping(["\\"])

    private static let regexpReplacer = ByteReplacer(lowReplacements.merging([
        "\"": "\\u0022", "$": "\\$", "&": "\\u0026", "'": "\\u0027", "(": "\\(", ")": "\\)", "*": "\\*", "+": "\\u002b",
        "-": "\\-", ".": "\\.", "/": "\\/", "<": "\\u003c", ">": "\\u003e", "?": "\\?", "[": "\\[", "\\": "\\\\",
        "]": "\\]", "^": "\\^", "{": "\\{", "|": "\\|", "}": "\\}",
    ]) { low, _ in low }, otherLead: 0xE2, other: lineSeparators)
}
