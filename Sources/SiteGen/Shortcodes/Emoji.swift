/// Hugo's `enableEmoji`: `:tada:` becomes 🎉 outside code.
public enum Emoji {
    /// Replaces every known emoji code outside code blocks and spans; an unknown `:word:` stays.
    public static func replace(in markdown: String) -> String {
        guard markdown.contains(":") else { return markdown }
        let bytes = Array(markdown.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        MarkdownCodeScanner(bytes).scan(trigger: .colon) { start in
            var end = start + 1
            while end < bytes.count, bytes[end] != .colon, bytes[end] != .backtick, !isSpace(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == .colon, end > start + 1,
                  let emoji = table[String(decoding: bytes[(start + 1)..<end], as: UTF8.self)] else {
                return end < bytes.count && bytes[end] == .colon ? end : nil
            }
            result += bytes[copied..<start]
            result += emoji.utf8
            copied = end + 1
            return end + 1
        }
        guard copied > 0 else { return markdown }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn
    }
}
