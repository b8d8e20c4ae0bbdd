/// Bytes from an offset on, indexed from 0 as Go's slices are, without copying: the transition
/// functions are ported from Go's, which take `s[i:]` and return how much of it they consumed.
struct ByteView {
    private let base: [UInt8]
    private let start: Int
    let count: Int

    init(_ bytes: [UInt8]) {
        self.init(bytes, start: 0, count: bytes.count)
    }

    private init(_ base: [UInt8], start: Int, count: Int) {
        self.base = base
        self.start = start
        self.count = count
    }

    subscript(index: Int) -> UInt8 { base[start + index] }

    var isEmpty: Bool { count == 0 }

    /// Go's `s[n:]`.
    func dropFirst(_ n: Int) -> ByteView { ByteView(base, start: start + n, count: count - n) }

    /// Go's `s[:n]`.
    func prefix(_ n: Int) -> ByteView { ByteView(base, start: start, count: n) }

    /// Go's `s[from:to]`.
    func slice(_ from: Int, _ to: Int) -> ByteView { ByteView(base, start: start + from, count: to - from) }

    var bytes: ArraySlice<UInt8> { base[start..<(start + count)] }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    func firstIndex(of byte: UInt8, from: Int = 0) -> Int? {
        var i = from
        while i < count {
            if base[start + i] == byte { return i }
            i += 1
        }
        return nil
    }

    func firstIndex(from: Int = 0, where predicate: (UInt8) -> Bool) -> Int? {
        var i = from
        while i < count {
            if predicate(base[start + i]) { return i }
            i += 1
        }
        return nil
    }

    /// Go's `bytes.Index` of a needle that is not empty.
    func firstIndex(of needle: [UInt8]) -> Int? {
        var i = 0
        while i + needle.count <= count {
            if base[start + i] == needle[0], hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    func hasPrefix(_ prefix: [UInt8], at index: Int = 0) -> Bool {
        guard index + prefix.count <= count else { return false }
        for (offset, byte) in prefix.enumerated() where base[start + index + offset] != byte { return false }
        return true
    }

    /// The Unicode scalar that ends the bytes (Go's `utf8.DecodeLastRune`); U+FFFD when they end
    /// in a broken sequence.
    var lastScalar: Unicode.Scalar? {
        guard count > 0 else { return nil }
        var first = count - 1
        while first > 0, count - first < 4, self[first] & 0xC0 == 0x80 { first -= 1 }
        let (scalar, length) = decodeScalar(bytes, at: start + first)
        return scalar != nil && first + length == count ? scalar : "\u{FFFD}"
    }
}

extension UInt8 {
    /// HTML, CSS and Go's white space: space, tab, newline, form feed and carriage return.
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }

    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }

    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }

    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }

    var isHexDigit: Bool { isASCIIDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}

/// Go's `utf8.DecodeRune`: the scalar that starts at `index` and its length in bytes; nil and 1
/// for a byte that does not start a valid sequence.
func decodeScalar(_ bytes: ArraySlice<UInt8>, at index: Int) -> (scalar: Unicode.Scalar?, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
    guard length > 0, index + length <= bytes.endIndex else { return (nil, 1) }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return (nil, 1) }
        value = value << 6 | UInt32(byte & 0x3F)
    }
    let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= smallest, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
    return (scalar, length)
}

/// Go's `%q` of a string.
func goQuoted(_ text: String) -> String { goQuoted(Array(text.utf8)[...]) }

/// Go's `%q` of bytes (`strconv.Quote`), at most `limit` runes of them as `%.32q` does, for the
/// error messages that show template text.
func goQuoted(_ bytes: ArraySlice<UInt8>, limit: Int = .max) -> String {
    var output = "\""
    var index = bytes.startIndex
    var runes = 0
    while index < bytes.endIndex, runes < limit {
        let (scalar, length) = decodeScalar(bytes, at: index)
        if let scalar {
            output += quotedScalar(scalar)
        } else {
            output += "\\x" + String(bytes[index], radix: 16).leftPadded(to: 2)
        }
        index += length
        runes += 1
    }
    return output + "\""
}

private func quotedScalar(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\u{7}": return "\\a"
    case "\u{8}": return "\\b"
    case "\u{C}": return "\\f"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\u{B}": return "\\v"
    default:
        let value = scalar.value
        if value >= 0x20 && value < 0x7F || value >= 0x80 && Builtins.isPrintable(scalar) { return String(scalar) }
        let hex = String(value, radix: 16)
        if value < 0x80 { return "\\x" + hex.leftPadded(to: 2) }
        if value < 0x10000 { return "\\u" + hex.leftPadded(to: 4) }
        return "\\U" + hex.leftPadded(to: 8)
    }
}
