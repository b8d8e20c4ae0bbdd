/// Walks Markdown source telling prose from code (fenced and indented code blocks, code spans), so
/// shortcodes and emoji codes written inside code are left as they are.
///
/// It follows CommonMark closely enough for real documents without building a syntax tree: inside
/// a list, an indented line is list content rather than code, and a fence may be indented.
struct MarkdownCodeScanner {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Calls `prose` at each `trigger` byte outside code; it returns where scanning resumes when
    /// it consumed something there (which may span lines), or nil. Calls `code` with each code
    /// block (fences included) and code span, in document order.
    func scan(trigger: UInt8, prose: (Int) -> Int?, code: (Range<Int>) -> Void = { _ in }) {
        var index = 0
        var fence: Fence?
        var previousBlank = true
        var inIndentedCode = false
        var inList = false
        while index < bytes.count {
            let lineEnd = bytes[index...].firstIndex(of: .newline) ?? bytes.count
            let next = min(lineEnd + 1, bytes.count)
            let (indent, first) = indentation(from: contentStart(index, lineEnd), to: lineEnd)
            if let open = fence {
                if isClosing(open, at: first, indent: indent, lineEnd: lineEnd) {
                    code(open.start..<next)
                    fence = nil
                }
                index = next
                continue
            }
            if isBlank(first, lineEnd) {
                previousBlank = true
                index = next
                continue
            }
            if indent >= 4 && (previousBlank || inIndentedCode) && !inList {
                code(index..<next)
                inIndentedCode = true
                previousBlank = false
                index = next
                continue
            }
            inIndentedCode = false
            if indent <= 3 || inList, let opened = opening(at: first, indent: indent, lineStart: index, lineEnd: lineEnd) {
                fence = opened
                previousBlank = false
                index = next
                continue
            }
            if isListMarker(at: first, lineEnd: lineEnd) {
                inList = true
            } else if indent == 0 && previousBlank {
                inList = false
            }
            previousBlank = false
            index = scanProse(from: index, trigger: trigger, prose: prose, code: code)
        }
        if let open = fence { code(open.start..<bytes.count) }
    }

    /// Scans one prose line (and whatever multi-line construct starts on it); returns the start
    /// of the next line.
    private func scanProse(from start: Int, trigger: UInt8, prose: (Int) -> Int?, code: (Range<Int>) -> Void) -> Int {
        var index = start
        while index < bytes.count && bytes[index] != .newline {
            if bytes[index] == .backtick {
                let run = runLength(of: .backtick, at: index)
                if let close = closingRun(of: run, from: index + run) {
                    code(index..<close + run)
                    index = close + run
                } else {
                    index += run
                }
            } else if bytes[index] == trigger, let resume = prose(index) {
                index = resume
            } else {
                index += 1
            }
        }
        return min(index + 1, bytes.count)
    }

    /// The start of a backtick run of exactly `length` closing a code span, within the paragraph.
    private func closingRun(of length: Int, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case .backtick:
                let run = runLength(of: .backtick, at: index)
                if run == length { return index }
                index += run
            case .newline:
                let (_, first) = indentation(from: contentStart(index + 1, lineEnd(from: index + 1)), to: lineEnd(from: index + 1))
                if isBlank(first, lineEnd(from: index + 1)) { return nil }
                index += 1
            default:
                index += 1
            }
        }
        return nil
    }

    private struct Fence {
        var marker: UInt8
        var length: Int
        var indent: Int
        var start: Int
    }

    private func opening(at first: Int, indent: Int, lineStart: Int, lineEnd: Int) -> Fence? {
        guard first < lineEnd, bytes[first] == .backtick || bytes[first] == .tilde else { return nil }
        let marker = bytes[first]
        let length = runLength(of: marker, at: first)
        guard length >= 3 else { return nil }
        if marker == .backtick && bytes[(first + length)..<lineEnd].contains(.backtick) { return nil }
        return Fence(marker: marker, length: length, indent: indent, start: lineStart)
    }

    private func isClosing(_ fence: Fence, at first: Int, indent: Int, lineEnd: Int) -> Bool {
        guard first < lineEnd, bytes[first] == fence.marker, indent <= max(3, fence.indent + 3) else { return false }
        let length = runLength(of: fence.marker, at: first)
        return length >= fence.length && isBlank(first + length, lineEnd)
    }

    /// `-`, `*`, `+`, `1.` or `1)` followed by a space, a tab or the end of the line.
    private func isListMarker(at first: Int, lineEnd: Int) -> Bool {
        var index = first
        if index < lineEnd, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]) {
            index += 1
        } else {
            while index < lineEnd, index - first < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                index += 1
            }
            guard index > first, index < lineEnd, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else {
                return false
            }
            index += 1
        }
        return index == lineEnd || bytes[index] == .space || bytes[index] == .tab
    }

    /// Skips block-quote markers (`> `), whose content is scanned like any other.
    private func contentStart(_ lineStart: Int, _ lineEnd: Int) -> Int {
        var index = lineStart
        while true {
            var probe = index
            while probe < lineEnd, probe - index < 3, bytes[probe] == .space { probe += 1 }
            guard probe < lineEnd, bytes[probe] == UInt8(ascii: ">") else { return index }
            index = probe + 1
            if index < lineEnd, bytes[index] == .space { index += 1 }
        }
    }

    /// The width of the leading whitespace (a tab counting four) and the first other byte.
    private func indentation(from start: Int, to lineEnd: Int) -> (width: Int, first: Int) {
        var width = 0
        var index = start
        while index < lineEnd {
            if bytes[index] == .space { width += 1 } else if bytes[index] == .tab { width += 4 } else { break }
            index += 1
        }
        return (width, index)
    }

    private func isBlank(_ start: Int, _ lineEnd: Int) -> Bool {
        bytes[start..<lineEnd].allSatisfy { $0 == .space || $0 == .tab || $0 == .carriageReturn }
    }

    private func lineEnd(from start: Int) -> Int {
        bytes[min(start, bytes.count)...].firstIndex(of: .newline) ?? bytes.count
    }

    private func runLength(of byte: UInt8, at start: Int) -> Int {
        var end = start
        while end < bytes.count && bytes[end] == byte { end += 1 }
        return end - start
    }
}
