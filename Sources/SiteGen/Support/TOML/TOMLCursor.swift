/// A position in a TOML document's bytes, with the small steps every part of the grammar shares: whitespace,
/// comments, line ends, and describing what was found when it was not what was expected.
struct TOMLCursor {
    let bytes: [UInt8]
    var offset = 0

    /// CRLF line endings are read as LF, as TOML allows either; a lone CR stays and is rejected where it appears.
    init(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { bytes[bytes.count - 1] = byte } else { bytes.append(byte) }
            previous = byte
        }
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    func peek(_ distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    func starts(with text: String) -> Bool {
        bytes[offset...].starts(with: text.utf8)
    }

    mutating func advance(_ count: Int = 1) {
        offset += count
    }

    /// Consumes `byte` if it comes next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        offset += 1
        return true
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(TOMLSyntaxError) {
        guard skip(byte) else { throw error("expected \(what), found \(foundDescription)") }
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { offset += 1 }
    }

    /// What may separate the values of an array: whitespace, comments and line breaks.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLSyntaxError) {
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "#") {
                try skipComment()
            } else if !skip(UInt8(ascii: "\n")) {
                return
            }
        }
    }

    /// A `#` comment up to the end of its line; control characters other than tab are not allowed in it.
    mutating func skipComment() throws(TOMLSyntaxError) {
        guard skip(UInt8(ascii: "#")) else { return }
        while let byte = current, byte != UInt8(ascii: "\n") {
            if byte.isTOMLControlCharacter { throw error("a comment may not contain \(foundDescription)") }
            offset += 1
        }
    }

    /// After a key-value pair or a table header only whitespace and a comment may follow on the line.
    mutating func expectLineEnd(after what: String) throws(TOMLSyntaxError) {
        skipWhitespace()
        try skipComment()
        guard isAtEnd || skip(UInt8(ascii: "\n")) else {
            throw error("expected the end of the line after \(what), found \(foundDescription)")
        }
    }

    func error(_ message: String, at offset: Int? = nil) -> TOMLSyntaxError {
        TOMLSyntaxError(offset: offset ?? self.offset, message: message)
    }

    /// The next character as an error message names it.
    var foundDescription: String {
        guard let byte = current else { return "the end of the document" }
        switch byte {
        case UInt8(ascii: "\n"): return "the end of the line"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x00..<0x80: return "the control character U+\(hex(UInt32(byte)))"
        default:
            let scalar = String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
            return scalar.map { "'\(Character($0))'" } ?? "a byte that is not UTF-8"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension UInt8 {
    /// The control characters TOML allows in no comment or string: U+0000–U+001F except tab, and DEL.
    /// (Line breaks end comments and single-line strings before this check applies.)
    var isTOMLControlCharacter: Bool {
        (self < 0x20 && self != UInt8(ascii: "\t")) || self == 0x7F
    }

    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    var isASCIIHexDigit: Bool {
        isASCIIDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }

    var isTOMLBareKeyCharacter: Bool {
        isASCIIDigit || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
}
