/// A token of Go's template syntax (`text/template/parse`'s items).
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case text, leftDelim, rightDelim, comment
        case bool, char, number, string, rawString, identifier, field, variable, dot
        case assign, declare, pipe, comma, leftParen, rightParen, space
        case keyword(Keyword)
        case eof
    }

    enum Keyword: String, Sendable {
        case block, `break`, `continue`, define, `else`, end, `if`, `nil`, range, template, with
    }

    let kind: Kind
    let text: String
    let position: SourcePosition
}

/// Splits a template into tokens, Go's way: text up to `{{`, then the action's tokens up to `}}`;
/// `{{- ` and ` -}}` trim the white space next to them; comments are `{{/* … */}}`. Lexing runs
/// once over the whole text before parsing (Go's lexer is a goroutine; a list does the same here).
struct Lexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private(set) var tokens: [Token] = []
    private var parenDepth = 0

    static let leftDelim: [UInt8] = Array("{{".utf8)
    static let rightDelim: [UInt8] = Array("}}".utf8)

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// All the tokens, ending with `.eof`.
    static func tokens(of text: String) throws(TemplateSyntaxError) -> [Token] {
        var lexer = Lexer(text)
        try lexer.run()
        return lexer.tokens
    }

    private mutating func run() throws(TemplateSyntaxError) {
        while offset < bytes.count {
            try lexText()
        }
        emit(.eof, from: offset, at: position(of: offset))
    }

    private func position(of index: Int) -> SourcePosition {
        // Columns count characters, not bytes: continuation bytes are skipped.
        var column = 1
        var i = lineStart
        while i < index {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private mutating func advanceLines(from start: Int, to end: Int) {
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
    }

    private mutating func emit(_ kind: Token.Kind, from start: Int, at position: SourcePosition) {
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        tokens.append(Token(kind: kind, text: text, position: position))
    }

    private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for (k, byte) in prefix.enumerated() where bytes[index + k] != byte { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Text up to the next `{{`, with its trailing space trimmed when the action starts `{{- `.
    private mutating func lexText() throws(TemplateSyntaxError) {
        let start = offset
        let startPosition = position(of: start)
        var delim = start
        while delim < bytes.count && !hasPrefix(Self.leftDelim, at: delim) { delim += 1 }
        guard delim < bytes.count else {
            offset = bytes.count
            if offset > start { emit(.text, from: start, at: startPosition) }
            advanceLines(from: start, to: offset)
            return
        }
        let trims = hasTrimMarker(after: delim + Self.leftDelim.count)
        var end = delim
        if trims { while end > start && Self.isSpace(bytes[end - 1]) { end -= 1 } }
        offset = end
        if end > start { emit(.text, from: start, at: startPosition) }
        advanceLines(from: start, to: delim)
        offset = delim
        try lexAction(trimmed: trims)
    }

    /// `- ` (a dash and white space) right inside a delimiter.
    private func hasTrimMarker(after index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "-") && Self.isSpace(bytes[index + 1])
    }

    /// ` -}}` at `index`: white space, a dash and the right delimiter.
    private func hasRightTrimMarker(at index: Int) -> Bool {
        index + 1 < bytes.count && Self.isSpace(bytes[index]) && bytes[index + 1] == UInt8(ascii: "-")
            && hasPrefix(Self.rightDelim, at: index + 2)
    }

    private mutating func lexAction(trimmed: Bool) throws(TemplateSyntaxError) {
        let delimPosition = position(of: offset)
        var start = offset
        offset += Self.leftDelim.count
        emit(.leftDelim, from: start, at: delimPosition)
        if trimmed { offset += 1 }
        // A comment takes the whole action.
        var afterSpace = offset
        while afterSpace < bytes.count && Self.isSpace(bytes[afterSpace]) && trimmed { afterSpace += 1 }
        if hasPrefix(Array("/*".utf8), at: trimmed ? afterSpace : offset) {
            try lexComment(from: trimmed ? afterSpace : offset, at: delimPosition)
            return
        }
        parenDepth = 0
        while true {
            guard offset < bytes.count else {
                throw TemplateSyntaxError("unclosed action", at: delimPosition)
            }
            let byte = bytes[offset]
            start = offset
            let here = position(of: offset)
            if hasRightTrimMarker(at: offset) || hasPrefix(Self.rightDelim, at: offset) {
                let trims = hasRightTrimMarker(at: offset)
                if trims { offset += 2 }
                let delimStart = offset
                offset += Self.rightDelim.count
                emit(.rightDelim, from: delimStart, at: position(of: delimStart))
                if parenDepth > 0 { throw TemplateSyntaxError("unclosed left paren", at: here) }
                if trims {
                    let spaceStart = offset
                    while offset < bytes.count && Self.isSpace(bytes[offset]) { offset += 1 }
                    advanceLines(from: spaceStart, to: offset)
                }
                return
            }
            switch byte {
            case 0x20, 0x09, 0x0D:
                while offset < bytes.count && (bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0D) {
                    if hasRightTrimMarker(at: offset) { break }
                    offset += 1
                }
                emit(.space, from: start, at: here)
            case 0x0A:
                // Newlines are allowed inside actions (Go 1.16+).
                offset += 1
                advanceLines(from: start, to: offset)
                emit(.space, from: start, at: here)
            case UInt8(ascii: "="):
                offset += 1
                emit(.assign, from: start, at: here)
            case UInt8(ascii: ":"):
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "=") else {
                    throw TemplateSyntaxError("expected :=", at: here)
                }
                offset += 2
                emit(.declare, from: start, at: here)
            case UInt8(ascii: "|"):
                offset += 1
                emit(.pipe, from: start, at: here)
            case UInt8(ascii: ","):
                offset += 1
                emit(.comma, from: start, at: here)
            case UInt8(ascii: "\""):
                try lexQuote(at: here)
            case UInt8(ascii: "`"):
                try lexRawQuote(at: here)
            case UInt8(ascii: "'"):
                try lexChar(at: here)
            case UInt8(ascii: "$"):
                offset += 1
                scanAlphanumeric()
                emit(.variable, from: start, at: here)
            case UInt8(ascii: "."):
                if offset + 1 < bytes.count, isDigit(bytes[offset + 1]) {
                    try lexNumber(at: here)
                } else {
                    offset += 1
                    if offset < bytes.count, isAlphanumeric(bytes[offset]) {
                        scanAlphanumeric()
                        emit(.field, from: start, at: here)
                    } else {
                        emit(.dot, from: start, at: here)
                    }
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try lexNumber(at: here)
            case UInt8(ascii: "("):
                offset += 1
                parenDepth += 1
                emit(.leftParen, from: start, at: here)
            case UInt8(ascii: ")"):
                offset += 1
                parenDepth -= 1
                if parenDepth < 0 { throw TemplateSyntaxError("unexpected right paren", at: here) }
                emit(.rightParen, from: start, at: here)
            default:
                guard isAlphanumeric(byte) else {
                    throw TemplateSyntaxError("unrecognized character in action: \(describe(byte))", at: here)
                }
                scanAlphanumeric()
                let word = String(decoding: bytes[start..<offset], as: UTF8.self)
                if let keyword = Token.Keyword(rawValue: word) {
                    emit(.keyword(keyword), from: start, at: here)
                } else if word == "true" || word == "false" {
                    emit(.bool, from: start, at: here)
                } else {
                    emit(.identifier, from: start, at: here)
                }
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte < 0x80 ? "U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4)) '\(Character(Unicode.Scalar(byte)))'" : "byte \(byte)"
    }

    private mutating func lexComment(from commentStart: Int, at position: SourcePosition) throws(TemplateSyntaxError) {
        var end = commentStart + 2
        while end + 1 < bytes.count && !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) { end += 1 }
        guard end + 1 < bytes.count else { throw TemplateSyntaxError("unclosed comment", at: position) }
        end += 2
        var close = end
        let trims = hasRightTrimMarker(at: close)
        if trims { close += 2 }
        guard hasPrefix(Self.rightDelim, at: close) else {
            throw TemplateSyntaxError("comment ends before closing delimiter", at: position)
        }
        advanceLines(from: offset, to: close)
        offset = close + Self.rightDelim.count
        tokens.append(Token(kind: .comment, text: "", position: position))
        tokens.append(Token(kind: .rightDelim, text: "}}", position: position))
        if trims {
            let spaceStart = offset
            while offset < bytes.count && Self.isSpace(bytes[offset]) { offset += 1 }
            advanceLines(from: spaceStart, to: offset)
        }
    }

    private mutating func lexQuote(at position: SourcePosition) throws(TemplateSyntaxError) {
        let start = offset
        offset += 1
        while true {
            guard offset < bytes.count, bytes[offset] != 0x0A else { throw TemplateSyntaxError("unterminated quoted string", at: position) }
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\\") {
                guard offset < bytes.count, bytes[offset] != 0x0A else { throw TemplateSyntaxError("unterminated quoted string", at: position) }
                offset += 1
            } else if byte == UInt8(ascii: "\"") {
                break
            }
        }
        emit(.string, from: start, at: position)
    }

    private mutating func lexRawQuote(at position: SourcePosition) throws(TemplateSyntaxError) {
        let start = offset
        offset += 1
        while offset < bytes.count && bytes[offset] != UInt8(ascii: "`") { offset += 1 }
        guard offset < bytes.count else { throw TemplateSyntaxError("unterminated raw quoted string", at: position) }
        offset += 1
        emit(.rawString, from: start, at: position)
        advanceLines(from: start, to: offset)
    }

    private mutating func lexChar(at position: SourcePosition) throws(TemplateSyntaxError) {
        let start = offset
        offset += 1
        while true {
            guard offset < bytes.count, bytes[offset] != 0x0A else { throw TemplateSyntaxError("unterminated character constant", at: position) }
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\\") {
                guard offset < bytes.count else { throw TemplateSyntaxError("unterminated character constant", at: position) }
                offset += 1
            } else if byte == UInt8(ascii: "'") {
                break
            }
        }
        emit(.char, from: start, at: position)
    }

    /// A number as Go's scanner takes it (a sign, hex/octal/binary prefixes, underscores, a
    /// fraction and an exponent); its value is read by the parser.
    private mutating func lexNumber(at position: SourcePosition) throws(TemplateSyntaxError) {
        let start = offset
        if bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        while offset < bytes.count {
            let byte = bytes[offset]
            if isAlphanumeric(byte) || byte == UInt8(ascii: ".") {
                offset += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")),
                      let previous = offset > start ? bytes[offset - 1] : nil,
                      [UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "p"), UInt8(ascii: "P")].contains(previous),
                      !isHexLiteral(start) || previous == UInt8(ascii: "p") || previous == UInt8(ascii: "P") {
                offset += 1
            } else {
                break
            }
        }
        if offset < bytes.count, isAlphanumeric(bytes[offset]) {
            throw TemplateSyntaxError("bad number syntax: \(String(decoding: bytes[start...offset], as: UTF8.self))", at: position)
        }
        emit(.number, from: start, at: position)
    }

    private func isHexLiteral(_ start: Int) -> Bool {
        var i = start
        if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        return i + 1 < bytes.count && bytes[i] == UInt8(ascii: "0") && (bytes[i + 1] | 0x20) == UInt8(ascii: "x")
    }

    private mutating func scanAlphanumeric() {
        while offset < bytes.count && isAlphanumeric(bytes[offset]) { offset += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Letters (any non-ASCII byte counts: Go allows Unicode letters in names), digits and `_`.
    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
