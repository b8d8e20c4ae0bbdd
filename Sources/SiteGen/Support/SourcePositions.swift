/// Turns UTF-8 offsets in a document (a page body, a TOML file) into file lines and columns.
struct SourcePositions {
    private let bytes: [UInt8]
    private let file: String
    private let firstLine: Int
    private let lineStarts: [Int]

    /// `firstLine` is the file's line where the document starts (after front matter).
    init(_ bytes: [UInt8], file: String, firstLine: Int) {
        self.bytes = bytes
        self.file = file
        self.firstLine = firstLine
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == .newline }.map { $0 + 1 }
    }

    /// Columns count characters, as editors do.
    func location(of offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: firstLine + low, column: column)
    }
}
