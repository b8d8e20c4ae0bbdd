import Foundation

/// Splits a content file into front matter and body, with Hugo's fences: YAML between `---` lines (closed by `---`
/// or `...`), TOML between `+++` lines, or a JSON object that opens the file. Blank lines before the front matter,
/// a byte-order mark and CRLF line endings are accepted.
public enum FrontMatterParser {
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> SourceDocument {
        let text = normalized(text)
        var lines = LineScanner(text: text)
        var opening = lines.next()
        while let line = opening, text[line.content].allSatisfy(\.isWhitespace) { opening = lines.next() }
        guard let opening else { return plainDocument(text) }

        switch trimmingTrailingSpaces(text[opening.content]) {
        case "---":
            return try fencedDocument(text, format: .yaml, opening: opening, closers: ["---", "..."], lines: &lines, file: file)
        case "+++":
            return try fencedDocument(text, format: .toml, opening: opening, closers: ["+++"], lines: &lines, file: file)
        case let line where line.first(where: { !$0.isWhitespace }) == "{":
            return try jsonDocument(text, opening: opening, file: file)
        default:
            return plainDocument(text)
        }
    }

    private static func plainDocument(_ text: String) -> SourceDocument {
        SourceDocument(format: .none, values: [:], body: text, bodyStartLine: 1, keyLines: [:])
    }

    private static func fencedDocument(
        _ text: String, format: DataFormat, opening: Line, closers: Set<Substring>, lines: inout LineScanner, file: String
    ) throws(Diagnostic) -> SourceDocument {
        while let line = lines.next() {
            guard closers.contains(trimmingTrailingSpaces(text[line.content])) else { continue }
            let data = String(text[opening.next..<line.content.lowerBound])
            let parsed = try DataParser.parseTable(data, format: format, file: file, lineOffset: opening.number)
            return SourceDocument(
                format: FrontMatterFormat(format), values: parsed.values,
                body: String(text[line.content.upperBound...]), bodyStartLine: line.number, keyLines: parsed.keyLines,
                warnings: parsed.warnings
            )
        }
        let fence = trimmingTrailingSpaces(text[opening.content])
        throw .error(file, line: opening.number, column: 1, "front matter opened with \(fence) is never closed")
    }

    /// The front matter is the first complete JSON object; the body follows its closing brace.
    private static func jsonDocument(_ text: String, opening: Line, file: String) throws(Diagnostic) -> SourceDocument {
        guard let end = endOfJSONObject(in: text, from: opening.content.lowerBound) else {
            throw .error(file, line: opening.number, column: 1, "front matter opened with { is never closed")
        }
        let data = String(text[opening.content.lowerBound..<end])
        let parsed = try DataParser.parseTable(data, format: .json, file: file, lineOffset: opening.number - 1)
        let closingLine = opening.number + data.utf8.count { $0 == UInt8(ascii: "\n") }
        return SourceDocument(
            format: .json, values: parsed.values, body: String(text[end...]), bodyStartLine: closingLine,
            keyLines: parsed.keyLines
        )
    }

    /// The index just past the `}` that closes the first object, counting braces outside strings.
    private static func endOfJSONObject(in text: String, from start: String.Index) -> String.Index? {
        let bytes = text.utf8
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// Without the byte-order mark, and with CRLF line endings turned into LF (Swift treats CRLF as a single
    /// character, which would hide every line break from the fence search).
    private static func normalized(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if text.utf8.contains(UInt8(ascii: "\r")) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        return text
    }

    private static func trimmingTrailingSpaces(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

/// One line of a text: its content without the line break, and where the next line starts.
private struct Line {
    var number: Int
    var content: Range<String.Index>
    var next: String.Index
}

private struct LineScanner: IteratorProtocol {
    let text: String
    private var position: String.Index
    private var number = 1

    init(text: String) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> Line? {
        guard position < text.endIndex else { return nil }
        let end = text.utf8[position...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
        let next = end < text.endIndex ? text.utf8.index(after: end) : end
        defer {
            position = next
            number += 1
        }
        return Line(number: number, content: position..<end, next: next)
    }
}
