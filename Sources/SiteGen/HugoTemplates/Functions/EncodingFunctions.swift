import GoTemplates

/// Hugo's `encoding` namespace: Base64 with padding, and JSON as Go's `encoding/json` writes it.
enum EncodingFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("encoding.Base64Encode", aliases: ["base64Encode"], arity: .exactly(1)) { arguments, _ in
            .string(Base64.encode(Array(try GoCast.string(arguments[0]).utf8)))
        },
        HugoFunction("encoding.Base64Decode", aliases: ["base64Decode"], arity: .exactly(1)) { arguments, _ in
            .string(String(decoding: try Base64.decode(GoCast.string(arguments[0])), as: UTF8.self))
        },
        HugoFunction("encoding.Jsonify", aliases: ["jsonify"], arity: .atLeast(0)) { arguments, _ in
            switch arguments.count {
            case 0: return .safe("", .html)
            case 1: return .safe(try GoJSON.encode(arguments[0]), .html)
            case 2: return .safe(try GoJSON.encode(arguments[1], options: GoJSON.Options(arguments[0])), .html)
            default: throw TemplateFailure("too many arguments to jsonify")
            }
        },
    ]
}

/// Go's `base64.StdEncoding`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8: UInt8] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt8($0)) })

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = bytes[start..<min(start + 3, bytes.count)]
            let word = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for index in 0..<4 {
                output.append(index <= chunk.count ? alphabet[Int(word >> (18 - 6 * index) & 0x3F)] : UInt8(ascii: "="))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decoding as Go does: line breaks ignored, padding required, and an error at the quantum
    /// (or the byte) that does not fit.
    static func decode(_ text: String) throws -> [UInt8] {
        let input = text.utf8.enumerated().filter { $0.element != 0x0A && $0.element != 0x0D }
        var output: [UInt8] = []
        for quantumStart in stride(from: 0, to: input.count, by: 4) {
            let quantum = input[quantumStart..<min(quantumStart + 4, input.count)]
            guard quantum.count == 4 else { throw illegal(at: quantum.first!.offset) }
            let padding = quantum.reversed().prefix { $0.element == UInt8(ascii: "=") }.count
            guard padding <= 2, padding == 0 || quantumStart + 4 == input.count else {
                throw illegal(at: quantum.first { $0.element == UInt8(ascii: "=") }!.offset)
            }
            var word: UInt32 = 0
            for (offset, byte) in quantum.dropLast(padding) {
                guard let value = values[byte] else { throw illegal(at: offset) }
                word = word << 6 | UInt32(value)
            }
            word <<= UInt32(6 * padding)
            output += [UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)].prefix(3 - padding)
        }
        return output
    }

    private static func illegal(at offset: Int) -> TemplateFailure {
        TemplateFailure("illegal base64 data at input byte \(offset)")
    }
}

/// Go's `encoding/json` encoder as Hugo's `jsonify` uses it: map keys in byte order, Go's
/// number formats, `<`, `>` and `&` escaped unless told not to, and optional indentation.
enum GoJSON {
    struct Options {
        var prefix = ""
        var indent = ""
        var escapesHTML = true

        init() {}

        /// `jsonify`'s options map: `prefix`, `indent` and `noHTMLEscape`.
        init(_ value: TemplateValue) throws {
            guard case .map(let map) = value else {
                throw TemplateFailure("failed to decode options: expected a map, got \(value.goType)")
            }
            for (key, option) in map.entries {
                switch key.lowercased() {
                case "prefix": prefix = try GoCast.string(option)
                case "indent": indent = try GoCast.string(option)
                case "nohtmlescape": escapesHTML = !option.isTrue
                default: break
                }
            }
        }
    }

    static func encode(_ value: TemplateValue, options: Options = Options()) throws -> String {
        var encoder = Encoder(options: options)
        try encoder.append(value, depth: 0)
        return encoder.output
    }

    private struct Encoder {
        let options: Options
        var output = ""

        private var indents: Bool { !options.prefix.isEmpty || !options.indent.isEmpty }

        mutating func append(_ value: TemplateValue, depth: Int) throws {
            switch value {
            case .null: output += "null"
            case .bool(let bool): output += bool ? "true" : "false"
            case .int(let integer): output += String(integer)
            case .float(let float): output += try number(float)
            case .string(let text), .safe(let text, _): appendString(text)
            case .object(let object):
                if let json = object.jsonValue { try append(json, depth: depth) } else { appendString(object.printed) }
            case .list(let values):
                try appendCollection("[", "]", values, depth: depth) { encoder, element in
                    try encoder.append(element, depth: depth + 1)
                }
            case .map(let map):
                let entries = map.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                try appendCollection("{", "}", entries, depth: depth) { encoder, entry in
                    encoder.appendString(entry.key)
                    encoder.output += encoder.indents ? ": " : ":"
                    try encoder.append(entry.value, depth: depth + 1)
                }
            }
        }

        private mutating func appendCollection<Element>(_ open: String, _ close: String, _ elements: [Element], depth: Int,
                                                        _ appendElement: (inout Encoder, Element) throws -> Void) rethrows {
            output += open
            guard !elements.isEmpty else {
                output += close
                return
            }
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(depth: depth + 1)
                try appendElement(&self, element)
            }
            newline(depth: depth)
            output += close
        }

        private mutating func newline(depth: Int) {
            guard indents else { return }
            output += "\n" + options.prefix + String(repeating: options.indent, count: depth)
        }

        /// Go's float encoding: the shortest digits, without an exponent from 1e-6 to 1e21, and
        /// a one-digit negative exponent where it can be (`1e-7`).
        private func number(_ float: Double) throws -> String {
            guard float.isFinite else {
                throw TemplateFailure("json: unsupported value: \(GoFormat.printed(.float(float)))")
            }
            let magnitude = abs(float)
            if magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21) { return GoCast.fixedNotation(float) }
            var text = GoFormat.printed(.float(float))
            if text.hasSuffix("e-0" + String(text.suffix(1))) {
                text.remove(at: text.index(text.endIndex, offsetBy: -2))
            }
            return text
        }

        private mutating func appendString(_ text: String) {
            output += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "\u{2028}", "\u{2029}": output += unicodeEscape(scalar)
                case "<" where options.escapesHTML, ">" where options.escapesHTML, "&" where options.escapesHTML:
                    output += unicodeEscape(scalar)
                default:
                    if scalar.value < 0x20 { output += unicodeEscape(scalar) } else { output.unicodeScalars.append(scalar) }
                }
            }
            output += "\""
        }

        private func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
