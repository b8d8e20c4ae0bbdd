/// Reads shortcode tags with Hugo's syntax: `{{< name args >}}` and `{{% name args %}}`, closing
/// `{{< /name >}}`, self-closing `{{< name />}}` and the escaped `{{</* name */>}}`.
struct ShortcodeLexer {
    struct Failure: Error {
        var offset: Int
        var message: String
        /// Where scanning goes on, past the broken tag.
        var resume: Int
    }

    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The tag starting at `start`, or nil when no `{{<` or `{{%` starts there.
    func tag(at start: Int) throws(Failure) -> ShortcodeTag? {
        guard let delimiter = openingDelimiter(at: start) else { return nil }
        let isMarkdown = delimiter == .percent
        let closing = [delimiter == .less ? UInt8(ascii: ">") : .percent, .closingBrace, .closingBrace]
        var index = start + 3
        if has([.slash, .star], at: index) {
            guard let end = find([.star, .slash] + closing, from: index + 2) else {
                throw Failure(offset: start, message: "unclosed escaped shortcode: no */\(text(closing))", resume: start + 3)
            }
            let literal = text(Array(bytes[start..<start + 3])) + text(Array(bytes[(index + 2)..<end])) + text(closing)
            return ShortcodeTag(kind: .escaped(literal: literal), name: "", isMarkdown: isMarkdown, range: start..<end + 5)
        }
        index = skipSpace(from: index)
        var kind = ShortcodeTag.Kind.open
        if index < bytes.count && bytes[index] == .slash && !has(closing, at: index + 1) {
            kind = .close
            index = skipSpace(from: index + 1)
        }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]), !(bytes[index] == .slash && has(closing, at: index + 1)) {
            index += 1
        }
        let name = text(Array(bytes[nameStart..<index]))
        var tag = ShortcodeTag(kind: kind, name: name, isMarkdown: isMarkdown, range: start..<start)
        while true {
            index = skipSpace(from: index)
            if index >= bytes.count || openingDelimiter(at: index) != nil {
                throw Failure(offset: start, message: "unclosed shortcode: no \(text(closing))", resume: max(index, start + 3))
            }
            if has(closing, at: index) {
                tag.range = start..<index + 3
                break
            }
            if has([.slash] + closing, at: index) {
                if tag.kind == .open { tag.kind = .selfClosing }
                tag.range = start..<index + 4
                break
            }
            index = try argument(at: index, closing: closing, into: &tag, tagStart: start)
        }
        if name.isEmpty {
            throw Failure(offset: start, message: "shortcode without a name", resume: tag.range.upperBound)
        }
        if tag.kind == .close && !(tag.positional.isEmpty && tag.named.isEmpty) {
            throw Failure(offset: start, message: "closing tag of '\(name)' takes no arguments", resume: tag.range.upperBound)
        }
        if !tag.positional.isEmpty && !tag.named.isEmpty {
            throw Failure(offset: start, message: "shortcode '\(name)' mixes named and positional arguments", resume: tag.range.upperBound)
        }
        return tag
    }

    /// Every escaped tag in `range`: in code, only these are rewritten, so documentation about
    /// shortcodes reads the same as with Hugo.
    func escapedTags(in range: Range<Int>) -> [ShortcodeTag] {
        var tags: [ShortcodeTag] = []
        var index = range.lowerBound
        while let start = find([.brace, .brace], from: index, before: range.upperBound) {
            if has([.slash, .star], at: start + 3), let tag = try? tag(at: start), tag.range.upperBound <= range.upperBound {
                tags.append(tag)
                index = tag.range.upperBound
            } else {
                index = start + 2
            }
        }
        return tags
    }

    /// Reads one argument (`word`, `"quoted"`, `` `raw` `` or `key=value`); returns where it ends.
    private func argument(at start: Int, closing: [UInt8], into tag: inout ShortcodeTag, tagStart: Int) throws(Failure) -> Int {
        var keyEnd = start
        while keyEnd < bytes.count, isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
        if keyEnd > start, keyEnd < bytes.count, bytes[keyEnd] == .equals {
            let (value, end) = try value(at: keyEnd + 1, closing: closing, tagStart: tagStart)
            tag.named[text(Array(bytes[start..<keyEnd]))] = value
            return end
        }
        let (value, end) = try value(at: start, closing: closing, tagStart: tagStart)
        tag.positional.append(value)
        return end
    }

    private func value(at start: Int, closing: [UInt8], tagStart: Int) throws(Failure) -> (String, Int) {
        guard start < bytes.count else { return ("", start) }
        switch bytes[start] {
        case .quote:
            var value: [UInt8] = []
            var index = start + 1
            while index < bytes.count && bytes[index] != .quote {
                if bytes[index] == .backslash, index + 1 < bytes.count, bytes[index + 1] == .quote { index += 1 }
                value.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else {
                throw Failure(offset: start, message: "unterminated quoted argument", resume: tagStart + 3)
            }
            return (text(value), index + 1)
        case .backtick:
            guard let end = bytes[(start + 1)...].firstIndex(of: .backtick) else {
                throw Failure(offset: start, message: "unterminated raw string argument", resume: tagStart + 3)
            }
            return (text(Array(bytes[(start + 1)..<end])), end + 1)
        default:
            var index = start
            while index < bytes.count, !isSpace(bytes[index]), !has(closing, at: index), !has([.slash] + closing, at: index) {
                index += 1
            }
            return (text(Array(bytes[start..<index])), index)
        }
    }

    private func openingDelimiter(at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, bytes[index] == .brace, bytes[index + 1] == .brace,
              bytes[index + 2] == .less || bytes[index + 2] == .percent else { return nil }
        return bytes[index + 2]
    }

    private func has(_ sequence: [UInt8], at index: Int) -> Bool {
        index + sequence.count <= bytes.count && bytes[index..<index + sequence.count].elementsEqual(sequence)
    }

    private func find(_ sequence: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        var index = start
        while index + sequence.count <= (end ?? bytes.count) {
            if has(sequence, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func skipSpace(from start: Int) -> Int {
        var index = start
        while index < bytes.count && isSpace(bytes[index]) { index += 1 }
        return index
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn
    }

    /// Hugo's names: letters, digits, `-`, `_`, `.` and `/` (for `templates/shortcodes/dir/name`).
    private func isNameByte(_ byte: UInt8) -> Bool {
        isKeyByte(byte) || byte == .slash || byte == UInt8(ascii: ".") || byte >= 0x80
    }

    private func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
