/// Where an offset falls in a text, counting lines and columns (in characters) from 1.
struct TextPosition: Sendable, Hashable {
    var line: Int
    var column: Int

    init(characterOffset: Int, in text: String) {
        self.init(utf8Offset: text.prefix(characterOffset).utf8.count, in: text)
    }

    init(utf8Offset: Int, in text: String) {
        self.init(utf8Offset: utf8Offset, in: text.utf8)
    }

    init<Bytes: BidirectionalCollection<UInt8>>(utf8Offset: Int, in bytes: Bytes) {
        let before = bytes.prefix(utf8Offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        line = 1 + before.count { $0 == UInt8(ascii: "\n") }
        column = 1 + String(decoding: before[lineStart...], as: UTF8.self).count
    }
}
