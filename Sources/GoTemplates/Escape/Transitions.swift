/// html/template's context transitions (transition.go): each takes a context and template text
/// and returns the context after a prefix of the text and the length of that prefix.
enum Transitions {
    typealias Result = (context: EscapeContext, consumed: Int)

    /// The transition of `context`'s state (Go's `transitionFunc`).
    static func transition(_ context: EscapeContext, _ s: ByteView) -> Result {
        switch context.state {
        case .text: return text(context, s)
        case .tag: return tag(context, s)
        case .attributeName: return attributeName(context, s)
        case .afterName: return afterName(context, s)
        case .beforeValue: return beforeValue(context, s)
        case .htmlComment: return htmlComment(context, s)
        case .rcdata: return specialTagEnd(context, s)
        case .attribute, .error, .dead: return (context, s.count)
        case .url, .srcset: return url(context, s)
        case .js: return js(context, s)
        case .jsDoubleQuoted, .jsSingleQuoted, .jsBackQuoted, .jsRegexp: return jsDelimited(context, s)
        case .jsBlockComment, .cssBlockComment: return blockComment(context, s)
        case .jsLineComment, .cssLineComment: return lineComment(context, s)
        case .css: return css(context, s)
        case .cssDoubleQuoted, .cssSingleQuoted, .cssDoubleQuotedURL, .cssSingleQuotedURL, .cssURL: return cssString(context, s)
        }
    }

    /// Go's `contextAfterText`: the context after some of `s`, which starts in `context`.
    static func afterText(_ context: EscapeContext, _ s: ByteView) -> Result {
        if context.delimiter == .none {
            let (special, end) = specialTagEnd(context, s)
            // A special end tag (`</script>`) has been seen and everything before it consumed.
            if end == 0 { return (special, 0) }
            // Consider everything up to any end tag.
            return transition(context, s.prefix(end))
        }
        // At the beginning of an attribute value.
        let end = s.firstIndex(where: context.delimiter.isEnd) ?? s.count
        if context.delimiter == .spaceOrTagEnd,
           let bad = s.prefix(end).firstIndex(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3D || $0 == 0x60 }) {
            // Runes HTML parsers disagree on in unquoted values: whether `<a id= onclick=f(` ends in
            // `id`'s value or `onclick`'s, whether `` ` `` quotes (IE), and quote fix-ups.
            let message = "\(goQuoted(s.slice(bad, bad + 1).bytes)) in unquoted attr: \(goQuoted(s.prefix(end).bytes))"
            return (EscapeContext(EscapeFailure(.badHTML, message)), s.count)
        }
        if end == s.count {
            // Still inside the value. Decode it, so that other rules need not decode entities at
            // token boundaries, as in <button onclick="alert(&quot;Hi!&quot;)">.
            var current = context
            var decoded = HTMLEntities.unescape(s)
            while !decoded.isEmpty {
                let (next, consumed) = transition(current, decoded)
                current = next
                decoded = decoded.dropFirst(consumed)
            }
            return (current, s.count)
        }
        var element = context.element
        // A `<script>` whose type is not JavaScript does not hold JavaScript.
        if context.state == .attribute, context.element == .script, context.attribute == .scriptType,
           !isJavaScriptType(s.prefix(end).string) {
            element = .none
        }
        // Leaving the attribute forgets all but the element; a quote is consumed.
        return (EscapeContext(state: .tag, element: element), context.delimiter == .spaceOrTagEnd ? end : end + 1)
    }

    // MARK: HTML

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    private static func text(_ context: EscapeContext, _ s: ByteView) -> Result {
        var k = 0
        while true {
            guard var i = s.firstIndex(of: UInt8(ascii: "<"), from: k), i + 1 != s.count else { return (context, s.count) }
            if s.hasPrefix(commentStart, at: i) { return (EscapeContext(state: .htmlComment), i + 4) }
            i += 1
            var isEndTag = false
            if s[i] == UInt8(ascii: "/") {
                if i + 1 == s.count { return (context, s.count) }
                isEndTag = true
                i += 1
            }
            let (j, element) = eatTagName(s, i)
            if j != i {
                // A tag.
                return (EscapeContext(state: .tag, element: isEndTag ? .none : element), j)
            }
            k = j
        }
    }

    private static func tag(_ context: EscapeContext, _ s: ByteView) -> Result {
        // Find the attribute name.
        let i = eatWhiteSpace(s, 0)
        if i == s.count { return (context, s.count) }
        if s[i] == UInt8(ascii: ">") {
            return (EscapeContext(state: context.element.contentState, element: context.element), i + 1)
        }
        let (j, failure) = eatAttributeName(s, i)
        if let failure { return (EscapeContext(failure), s.count) }
        if i == j {
            let message = "expected space, attr name, or end of tag, but got \(goQuoted(s.dropFirst(i).bytes))"
            return (EscapeContext(EscapeFailure(.badHTML, message)), s.count)
        }
        let name = s.slice(i, j).string.lowercased()
        var attribute = EscapeContext.Attribute.none
        if context.element == .script && name == "type" {
            attribute = .scriptType
        } else {
            switch AttributeType(name: name) {
            case .url: attribute = .url
            case .css: attribute = .style
            case .js: attribute = .script
            case .srcset: attribute = .srcset
            case .plain, .unsafe, .html: break
            }
        }
        return (EscapeContext(state: j == s.count ? .attributeName : .afterName, attribute: attribute, element: context.element), j)
    }

    private static func attributeName(_ context: EscapeContext, _ s: ByteView) -> Result {
        let (end, failure) = eatAttributeName(s, 0)
        if let failure { return (EscapeContext(failure), s.count) }
        var next = context
        if end != s.count { next.state = .afterName }
        return (next, end)
    }

    private static func afterName(_ context: EscapeContext, _ s: ByteView) -> Result {
        // Look for the start of the value.
        let i = eatWhiteSpace(s, 0)
        if i == s.count { return (context, s.count) }
        var next = context
        if s[i] != UInt8(ascii: "=") {
            // The tag's end, or an attribute without a value.
            next.state = .tag
            return (next, i)
        }
        next.state = .beforeValue
        return (next, i + 1)
    }

    private static func beforeValue(_ context: EscapeContext, _ s: ByteView) -> Result {
        var i = eatWhiteSpace(s, 0)
        if i == s.count { return (context, s.count) }
        var delimiter = EscapeContext.Delimiter.spaceOrTagEnd
        switch s[i] {
        case UInt8(ascii: "'"):
            delimiter = .singleQuote
            i += 1
        case UInt8(ascii: "\""):
            delimiter = .doubleQuote
            i += 1
        default:
            break
        }
        var next = context
        next.state = context.attribute.valueState
        next.delimiter = delimiter
        return (next, i)
    }

    private static func htmlComment(_ context: EscapeContext, _ s: ByteView) -> Result {
        if let i = s.firstIndex(of: commentEnd) { return (EscapeContext(), i + 3) }
        return (context, s.count)
    }

    /// Raw text and RCDATA element bodies: up to their end tag.
    static func specialTagEnd(_ context: EscapeContext, _ s: ByteView) -> Result {
        if context.element != .none, let i = indexOfEndTag(s, context.element.endTagName) { return (EscapeContext(), i) }
        return (context, s.count)
    }

    /// Where `</tag` followed by a separator starts, `tag` matched case-insensitively.
    private static func indexOfEndTag(_ text: ByteView, _ tag: [UInt8]) -> Int? {
        var s = text
        var result = 0
        while !s.isEmpty {
            // The end tag's prefix first.
            guard let i = s.firstIndex(of: endTagPrefix) else { return nil }
            s = s.dropFirst(i + 2)
            if tag.count <= s.count, equalsIgnoringCase(s.prefix(tag.count), tag) {
                s = s.dropFirst(tag.count)
                // The tag must be followed by a separator.
                if !s.isEmpty, tagEndSeparators.contains(s[0]) { return result + i }
                result += tag.count
            }
            result += i + 2
        }
        return nil
    }

    private static let endTagPrefix = Array("</".utf8)
    private static let tagEndSeparators = Array("> \t\n\u{C}/".utf8)

    /// Go's `bytes.EqualFold` for a lower-case ASCII `name`.
    private static func equalsIgnoringCase(_ s: ByteView, _ name: [UInt8]) -> Bool {
        for (i, byte) in name.enumerated() where s[i] | (s[i].isASCIILetter ? 0x20 : 0) != byte { return false }
        return true
    }

    // MARK: URLs

    static func url(_ context: EscapeContext, _ s: ByteView) -> Result {
        var next = context
        if s.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) != nil {
            next.urlPart = .queryOrFragment
        } else if s.count != eatWhiteSpace(s, 0) && context.urlPart == .none {
            // HTML5 allows spaces around attribute URLs.
            next.urlPart = .preQuery
        }
        return (next, s.count)
    }

    // MARK: JavaScript

    private static func js(_ context: EscapeContext, _ s: ByteView) -> Result {
        var next = context
        guard var i = s.firstIndex(where: { $0 == 0x22 || $0 == 0x60 || $0 == 0x27 || $0 == 0x2F }) else {
            // No strings, comments or regular expressions.
            next.jsContext = JSEscaping.nextContext(s, after: context.jsContext)
            return (next, s.count)
        }
        next.jsContext = JSEscaping.nextContext(s.prefix(i), after: context.jsContext)
        switch s[i] {
        case UInt8(ascii: "\""):
            next.state = .jsDoubleQuoted
            next.jsContext = .regexp
        case UInt8(ascii: "'"):
            next.state = .jsSingleQuoted
            next.jsContext = .regexp
        case UInt8(ascii: "`"):
            next.state = .jsBackQuoted
            next.jsContext = .regexp
        default:
            if i + 1 < s.count && s[i + 1] == UInt8(ascii: "/") {
                next.state = .jsLineComment
                i += 1
            } else if i + 1 < s.count && s[i + 1] == UInt8(ascii: "*") {
                next.state = .jsBlockComment
                i += 1
            } else if next.jsContext == .regexp {
                next.state = .jsRegexp
            } else if next.jsContext == .divisionOperator {
                next.jsContext = .regexp
            } else {
                let message = "'/' could start a division or regexp: \(goQuoted(s.dropFirst(i).bytes, limit: 32))"
                return (EscapeContext(EscapeFailure(.slashAmbiguous, message)), s.count)
            }
        }
        return (next, i + 1)
    }

    /// JavaScript strings, template literals and regular expressions.
    private static func jsDelimited(_ context: EscapeContext, _ s: ByteView) -> Result {
        let end: UInt8
        switch context.state {
        case .jsSingleQuoted: end = UInt8(ascii: "'")
        case .jsBackQuoted: end = UInt8(ascii: "`")
        case .jsRegexp: end = UInt8(ascii: "/")
        default: end = UInt8(ascii: "\"")
        }
        let isRegexp = context.state == .jsRegexp
        var k = 0
        var inCharacterSet = false
        while let found = s.firstIndex(from: k, where: { $0 == 0x5C || $0 == end || isRegexp && ($0 == 0x5B || $0 == 0x5D) }) {
            var i = found
            switch s[i] {
            case UInt8(ascii: "\\"):
                i += 1
                if i == s.count {
                    let message = "unfinished escape sequence in JS string: \(goQuoted(s.bytes))"
                    return (EscapeContext(EscapeFailure(.partialEscape, message)), s.count)
                }
            case UInt8(ascii: "["):
                inCharacterSet = true
            case UInt8(ascii: "]"):
                inCharacterSet = false
            default:
                // The end delimiter.
                if !inCharacterSet {
                    var next = context
                    next.state = .js
                    next.jsContext = .divisionOperator
                    return (next, i + 1)
                }
            }
            k = i + 1
        }
        if inCharacterSet {
            // Interpolating into character sets would need a richer context.
            let message = "unfinished JS regexp charset: \(goQuoted(s.bytes))"
            return (EscapeContext(EscapeFailure(.partialCharset, message)), s.count)
        }
        return (context, s.count)
    }

    private static let blockCommentEnd = Array("*/".utf8)

    private static func blockComment(_ context: EscapeContext, _ s: ByteView) -> Result {
        guard let i = s.firstIndex(of: blockCommentEnd) else { return (context, s.count) }
        var next = context
        next.state = context.state == .jsBlockComment ? .js : .css
        return (next, i + 2)
    }

    private static func lineComment(_ context: EscapeContext, _ s: ByteView) -> Result {
        let end: Int?
        var next = context
        if context.state == .jsLineComment {
            end = JSEscaping.firstLineTerminator(s)
            next.state = .js
        } else {
            // Not in any CSS standard but supported by browsers: `//` up to a newline, form feed
            // or carriage return (CSS3's newlines).
            end = s.firstIndex { $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
            next.state = .css
        }
        // The line terminator is not part of the comment (ECMAScript 5, section 7.4).
        guard let end else { return (context, s.count) }
        return (next, end)
    }

    // MARK: CSS

    private static func css(_ context: EscapeContext, _ s: ByteView) -> Result {
        // Quoted strings are treated as URLs, conservatively: they are URLs in `background: "/x.png"`,
        // font names that never get past urlPartPreQuery, separators in `content` values that a
        // reserved characters' encoding leaves alone, or attribute selectors.
        var k = 0
        var next = context
        while let i = s.firstIndex(from: k, where: { $0 == 0x28 || $0 == 0x22 || $0 == 0x27 || $0 == 0x2F }) {
            switch s[i] {
            case UInt8(ascii: "("):
                // Look for `url` to the left.
                var p = i
                while p > 0, s[p - 1].isHTMLSpace { p -= 1 }
                if CSSEscaping.endsWithKeyword(s.prefix(p), "url") {
                    var j = i + 1
                    while j < s.count, s[j].isHTMLSpace { j += 1 }
                    if j != s.count && s[j] == UInt8(ascii: "\"") {
                        next.state = .cssDoubleQuotedURL
                        j += 1
                    } else if j != s.count && s[j] == UInt8(ascii: "'") {
                        next.state = .cssSingleQuotedURL
                        j += 1
                    } else {
                        next.state = .cssURL
                    }
                    return (next, j)
                }
            case UInt8(ascii: "/"):
                if i + 1 < s.count {
                    if s[i + 1] == UInt8(ascii: "/") {
                        next.state = .cssLineComment
                        return (next, i + 2)
                    }
                    if s[i + 1] == UInt8(ascii: "*") {
                        next.state = .cssBlockComment
                        return (next, i + 2)
                    }
                }
            case UInt8(ascii: "\""):
                next.state = .cssDoubleQuoted
                return (next, i + 1)
            default:
                next.state = .cssSingleQuoted
                return (next, i + 1)
            }
            k = i + 1
        }
        return (context, s.count)
    }

    /// CSS strings and URLs.
    private static func cssString(_ context: EscapeContext, _ s: ByteView) -> Result {
        let isEnd: (UInt8) -> Bool
        switch context.state {
        case .cssDoubleQuoted, .cssDoubleQuotedURL: isEnd = { $0 == 0x22 }
        case .cssSingleQuoted, .cssSingleQuotedURL: isEnd = { $0 == 0x27 }
        // Unquoted URLs end at white space or a closing parenthesis.
        default: isEnd = { $0.isHTMLSpace || $0 == 0x29 }
        }
        var current = context
        var k = 0
        while true {
            guard var i = s.firstIndex(from: k, where: { $0 == 0x5C || isEnd($0) }) else {
                let (next, consumed) = url(current, ByteView(CSSEscaping.decode(s.dropFirst(k))))
                return (next, k + consumed)
            }
            if s[i] == UInt8(ascii: "\\") {
                i += 1
                if i == s.count {
                    let message = "unfinished escape sequence in CSS string: \(goQuoted(s.bytes))"
                    return (EscapeContext(EscapeFailure(.partialEscape, message)), s.count)
                }
            } else {
                current.state = .css
                return (current, i + 1)
            }
            current = url(current, ByteView(CSSEscaping.decode(s.prefix(i + 1)))).context
            k = i + 1
        }
    }

    // MARK: Names

    /// The end of the attribute name that starts at `i`, or an error for a quote or `<` in it,
    /// which HTML5 warns of and which suggest a serious problem in a template.
    private static func eatAttributeName(_ s: ByteView, _ i: Int) -> (end: Int, failure: EscapeFailure?) {
        for j in i..<s.count {
            switch s[j] {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: "="), UInt8(ascii: ">"):
                return (j, nil)
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "<"):
                let message = "\(goQuoted(s.slice(j, j + 1).bytes)) in attribute name: \(goQuoted(s.bytes, limit: 32))"
                return (j, EscapeFailure(.badHTML, message))
            default:
                continue
            }
        }
        return (s.count, nil)
    }

    /// The end of the tag name that starts at `i` and the special element it names.
    private static func eatTagName(_ s: ByteView, _ i: Int) -> (Int, EscapeContext.Element) {
        guard i < s.count, s[i].isASCIILetter else { return (i, .none) }
        var j = i + 1
        while j < s.count {
            let x = s[j]
            if x.isASCIIAlphanumeric {
                j += 1
                continue
            }
            // `x-y` and `x:y`, but not `x-`, `-y` or `x--y`.
            if (x == UInt8(ascii: ":") || x == UInt8(ascii: "-")) && j + 1 < s.count && s[j + 1].isASCIIAlphanumeric {
                j += 2
                continue
            }
            break
        }
        return (j, EscapeContext.Element(tagName: s.slice(i, j).string.lowercased()))
    }

    private static func eatWhiteSpace(_ s: ByteView, _ i: Int) -> Int {
        s.firstIndex(from: i) { !$0.isHTMLSpace } ?? s.count
    }

    /// Whether a `<script>`'s `type` is a JavaScript (or JSON) MIME type; parameters are ignored.
    static func isJavaScriptType(_ type: String) -> Bool {
        let essence = type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var scalars = Substring(essence.lowercased()).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return javaScriptTypes.contains(String(scalars))
    }

    private static let javaScriptTypes: Set<String> = [
        "application/ecmascript", "application/javascript", "application/json", "application/ld+json",
        "application/x-ecmascript", "application/x-javascript", "module", "text/ecmascript", "text/javascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
        "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
    ]
}
