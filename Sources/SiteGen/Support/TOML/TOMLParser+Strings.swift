extension TOMLParser {
    /// `"…"`: one line, with backslash escapes.
    mutating func parseBasicString() throws(TOMLSyntaxError) -> String {
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            switch cursor.current {
            case UInt8(ascii: "\""):
                cursor.advance()
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &bytes)
            case nil, UInt8(ascii: "\n"):
                throw cursor.error("the string is not closed before \(cursor.foundDescription)")
            case let byte?:
                try appendStringByte(byte, to: &bytes)
            }
        }
    }

    /// `'…'`: one line, taken as written.
    mutating func parseLiteralString() throws(TOMLSyntaxError) -> String {
        cursor.advance()
        let start = cursor.offset
        while true {
            switch cursor.current {
            case UInt8(ascii: "'"):
                defer { cursor.advance() }
                return String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
            case nil, UInt8(ascii: "\n"):
                throw cursor.error("the string is not closed before \(cursor.foundDescription)")
            case let byte? where byte.isTOMLControlCharacter:
                throw cursor.error("a string may not contain \(cursor.foundDescription)")
            default:
                cursor.advance()
            }
        }
    }

    /// `"""…"""` (with escapes, and a backslash at the end of a line joining it to the next non-blank text) or
    /// `'''…'''` (as written). A line break right after the opening quotes is dropped, and up to two quotes may
    /// stand just before the closing three.
    mutating func parseMultilineString(delimiter: UInt8) throws(TOMLSyntaxError) -> String {
        let opening = cursor.offset
        cursor.advance(3)
        _ = cursor.skip(UInt8(ascii: "\n"))
        var bytes: [UInt8] = []
        while true {
            switch cursor.current {
            case delimiter:
                var run = 0
                while cursor.peek(run) == delimiter { run += 1 }
                guard run < 6 else { throw cursor.error("too many quotes: at most two may stand before the closing three", at: cursor.offset + 5) }
                cursor.advance(run)
                bytes += repeatElement(delimiter, count: run < 3 ? run : run - 3)
                if run >= 3 { return String(decoding: bytes, as: UTF8.self) }
            case UInt8(ascii: "\\") where delimiter == UInt8(ascii: "\""):
                if try !skipLineEndingBackslash() { try appendEscape(to: &bytes) }
            case UInt8(ascii: "\n"):
                bytes.append(UInt8(ascii: "\n"))
                cursor.advance()
            case nil:
                throw cursor.error("the multi-line string opened on line \(line(of: opening)) is never closed")
            case let byte?:
                try appendStringByte(byte, to: &bytes)
            }
        }
    }

    /// A backslash followed by blanks and a line break: it and every blank and line break after it are dropped.
    private mutating func skipLineEndingBackslash() throws(TOMLSyntaxError) -> Bool {
        var ahead = 1
        while let byte = cursor.peek(ahead), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { ahead += 1 }
        guard cursor.peek(ahead) == UInt8(ascii: "\n") else { return false }
        cursor.advance(ahead)
        while let byte = cursor.current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
            cursor.advance()
        }
        return true
    }

    private mutating func appendStringByte(_ byte: UInt8, to bytes: inout [UInt8]) throws(TOMLSyntaxError) {
        if byte.isTOMLControlCharacter { throw cursor.error("a string may not contain \(cursor.foundDescription); write it as an escape") }
        bytes.append(byte)
        cursor.advance()
    }

    /// `\n`, `\"`, `\u00E9`, `\U0001F600`… at the cursor.
    private mutating func appendEscape(to bytes: inout [UInt8]) throws(TOMLSyntaxError) {
        let start = cursor.offset
        cursor.advance()
        let simple: UInt8? = switch cursor.current {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        default: nil
        }
        if let simple {
            bytes.append(simple)
            cursor.advance()
            return
        }
        let length: Int
        switch cursor.current {
        case UInt8(ascii: "u"): length = 4
        case UInt8(ascii: "U"): length = 8
        default: throw cursor.error("unknown escape: a backslash followed by \(cursor.foundDescription)", at: start)
        }
        let digits = cursor.bytes[min(cursor.offset + 1, cursor.bytes.count)..<min(cursor.offset + 1 + length, cursor.bytes.count)]
        guard digits.count == length, digits.allSatisfy(\.isASCIIHexDigit),
              let code = UInt32(String(decoding: digits, as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(code)
        else {
            throw cursor.error("\\\(Character(Unicode.Scalar(cursor.bytes[cursor.offset]))) must be followed by \(length) hexadecimal digits naming a Unicode scalar value", at: start)
        }
        bytes += Array(String(Character(scalar)).utf8)
        cursor.advance(1 + length)
    }
}
