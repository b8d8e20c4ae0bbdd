import Foundation

/// UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and encoded again: each byte of
/// a character's UTF-8 became a character of its own (😅, `F0 9F 98 85`, became `ðŸ˜…`; é became
/// `Ã©`). Found where characters that each stand for one such byte spell a whole UTF-8 sequence
/// of two to four bytes, and repaired by reading those bytes as UTF-8 again.
enum Mojibake {
    /// One damaged run: where it starts (1-based line, and column in Unicode scalars) and what it was.
    struct Finding: Sendable, Equatable {
        let line: Int
        let column: Int
        let found: String
        let repaired: String
    }

    /// Windows-1252's characters for the bytes 0x80–0x9F; the five bytes it leaves undefined read
    /// as their Latin-1 control characters, as decoders that fall back to Latin-1 read them.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static let byteOfCharacter: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, scalar) in windows1252.enumerated() { table[scalar] = UInt8(0x80 + offset) }
        for byte in 0x80...0x9F where table[UInt32(byte)] == nil { table[UInt32(byte)] = UInt8(byte) }
        for byte in 0xA0...0xFF { table[UInt32(byte)] = UInt8(byte) }
        return table
    }()

    /// The byte a character stood for, when it is one of the characters a byte of 0x80 or more
    /// reads as.
    private static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        byteOfCharacter[scalar.value]
    }

    static func findings(in text: String) -> [Finding] {
        // Every damaged run starts with a character from U+00C2 to U+00F4, whose UTF-8 starts
        // with 0xC3: text without that byte (nearly all text) is passed over at once.
        var bytes = text
        guard bytes.withUTF8({ utf8 in utf8.baseAddress.map { memchr($0, 0xC3, utf8.count) != nil } ?? false }) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var findings: [Finding] = []
        var line = 1, column = 1
        var index = 0
        while index < scalars.count {
            if let length = sequenceLength(scalars, at: index) {
                var end = index + length
                while end < scalars.count, let next = sequenceLength(scalars, at: end) { end += next }
                let found = String(String.UnicodeScalarView(scalars[index..<end]))
                let bytes = scalars[index..<end].map { byte($0)! }
                findings.append(Finding(line: line, column: column, found: found, repaired: String(decoding: bytes, as: UTF8.self)))
                column += end - index
                index = end
                continue
            }
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return findings
    }

    /// How many characters from `index` spell one whole, valid UTF-8 sequence, if they do.
    private static func sequenceLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard let lead = byte(scalars[index]), (0xC2...0xF4).contains(lead) else { return nil }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= scalars.count else { return nil }
        var bytes = [lead]
        for next in scalars[(index + 1)..<(index + length)] {
            guard let continuation = byte(next), (0x80...0xBF).contains(continuation) else { return nil }
            bytes.append(continuation)
        }
        // Overlong forms and surrogates are not UTF-8: such text was never damaged this way.
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        return length
    }

    /// `text`'s UTF-8 read as Windows-1252: how the damage was done, to check that a repair undoes
    /// it exactly.
    static func damaged(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in text.utf8 {
            switch byte {
            case 0x80...0x9F: scalars.append(Unicode.Scalar(windows1252[Int(byte) - 0x80])!)
            default: scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// `text` with every damaged run repaired.
    static func repaired(_ text: String) -> String {
        let findings = findings(in: text)
        guard !findings.isEmpty else { return text }
        var output = text
        for finding in findings { output = output.replacingOccurrences(of: finding.found, with: finding.repaired) }
        return output
    }
}
