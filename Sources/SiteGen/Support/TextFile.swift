import Foundation

/// Reads a site's text files (content pages, the configuration, `i18n/`) as UTF-8. A byte sequence that is not
/// UTF-8 is an error at its line and column, rather than a U+FFFD in the output that nobody asked for. A byte-order
/// mark, CRLF line endings and NUL bytes are valid UTF-8 and are kept.
enum TextFile {
    /// `label` names the file in diagnostics.
    static func read(_ url: URL, label: String) throws(Diagnostic) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .error(label, "cannot read the file: \(error.localizedDescription)")
        }
        return try decode(Array(data), label: label)
    }

    static func decode(_ bytes: [UInt8], label: String) throws(Diagnostic) -> String {
        if let offset = firstInvalidByte(in: bytes) {
            let position = TextPosition(utf8Offset: offset, in: bytes)
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            throw .error(label, line: position.line, column: position.column,
                         "the file is not valid UTF-8: byte 0x\(byte) here is not part of a UTF-8 character (save the file as UTF-8)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not begin, or belong to, a well-formed UTF-8 sequence.
    private static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
