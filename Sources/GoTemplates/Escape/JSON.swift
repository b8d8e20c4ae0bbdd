/// Values as Go's `encoding/json` marshals them, for JavaScript: maps with their keys in order,
/// Go's number formats, and `<`, `>`, `&`, U+2028 and U+2029 escaped in strings. Typed content
/// is a string, and a host object the string it prints as.
enum JSON {
    /// A value JSON cannot hold: NaN or an infinity.
    struct UnsupportedValue: Error {
        let message: String
    }

    static func append(_ value: Value, to output: inout [UInt8]) throws(UnsupportedValue) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int):
            output.append(contentsOf: String(int).utf8)
        case .float(let float):
            try append(float: float, to: &output)
        case .string(let text), .safe(let text, _):
            append(string: text, to: &output)
        case .object(let object):
            if let value = object.jsonValue { try append(value, to: &output) } else { append(string: object.printed, to: &output) }
        case .list(let values):
            output.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try append(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .map(let map):
            output.append(UInt8(ascii: "{"))
            // Go sorts keys by their bytes.
            let entries = map.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, entry) in entries.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                append(string: entry.key, to: &output)
                output.append(UInt8(ascii: ":"))
                try append(entry.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func append(string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = string
        text.withUTF8 { bytes in
            var written = 0
            var i = 0
            func flush(_ end: Int) {
                output.append(contentsOf: bytes[written..<end])
            }
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""):
                    flush(i)
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                case 0x0A, 0x0D, 0x09:
                    flush(i)
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte == 0x0A ? UInt8(ascii: "n") : byte == 0x0D ? UInt8(ascii: "r") : UInt8(ascii: "t"))
                case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    flush(i)
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029, which JavaScript does not allow in strings.
                    flush(i)
                    output.append(contentsOf: (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    written = i + 3
                    i += 3
                    continue
                default:
                    i += 1
                    continue
                }
                written = i + 1
                i += 1
            }
            flush(bytes.count)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Go's format of a float in JSON: the shortest decimal that reads back as the same float,
    /// in exponent form below 1e-6 and from 1e21 on, else positional.
    private static func append(float: Double, to output: inout [UInt8]) throws(UnsupportedValue) {
        guard float.isFinite else {
            throw UnsupportedValue(message: "json: unsupported value: " + (float.isNaN ? "NaN" : float < 0 ? "-Inf" : "+Inf"))
        }
        if float.sign == .minus { output.append(UInt8(ascii: "-")) }
        let (digits, point) = shortestDigits(float.magnitude)
        guard !digits.isEmpty else {
            output.append(UInt8(ascii: "0"))
            return
        }
        let magnitude = float.magnitude
        if magnitude < 1e-6 || magnitude >= 1e21 {
            output.append(digits[0])
            if digits.count > 1 {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: digits[1...])
            }
            let exponent = point - 1
            output.append(contentsOf: (exponent < 0 ? "e-" : "e+").utf8)
            // Go's JSON cleans `e-07` up to `e-7`, but keeps `e+07`.
            let written = String(abs(exponent))
            output.append(contentsOf: (exponent > 0 ? written.leftPadded(to: 2) : written).utf8)
        } else if point <= 0 {
            output.append(contentsOf: "0.".utf8)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point))
            output.append(contentsOf: digits)
        } else if point >= digits.count {
            output.append(contentsOf: digits)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - digits.count))
        } else {
            output.append(contentsOf: digits[..<point])
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: digits[point...])
        }
    }

    /// The shortest digits that read back as `value` (positive or zero) and where the decimal
    /// point goes among them (`0.001` is `1` with the point at -2), from Swift's description,
    /// which is the shortest round trip as Go's is.
    private static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        let description = value.description.utf8
        let exponentStart = description.firstIndex(of: UInt8(ascii: "e"))
        let mantissa = description[..<(exponentStart ?? description.endIndex)]
        var exponent = 0
        if let exponentStart {
            exponent = Int(String(decoding: description[description.index(after: exponentStart)...], as: UTF8.self))!
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            if !seenPoint { point += 1 }
            if byte == UInt8(ascii: "0") && digits.isEmpty {
                // Leading zeros move the point left instead.
                point -= 1
                continue
            }
            digits.append(byte)
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point + exponent)
    }
}
