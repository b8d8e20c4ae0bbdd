/// Hugo's `urlreplacers` (`transform/urlreplacers/absurlreplacer.go`), ported byte for byte: after
/// `src=`, `href=`, `url=`, `action=` and `srcset=`, a root-relative URL (`/blog/`, not `//cdn…`)
/// gets `base` in place of its leading slash. Hugo runs it on every RSS output (its "always
/// canonify URLs in RSS"), where the quotes are the escaped `&#34;` and `&#39;`, and on HTML when
/// `canonifyURLs` or `relativeURLs` is set, where `base` is then `../` for each folder level.
struct AbsoluteURLRewriter {
    enum Quotes {
        case html, xml

        var candidates: [[UInt8]] {
            switch self {
            case .html: return [Array("\"".utf8), Array("'".utf8)]
            case .xml: return [Array("&#34;".utf8), Array("&#39;".utf8)]
            }
        }
    }

    let base: [UInt8]
    let quotes: [[UInt8]]

    init(base: String, quotes: Quotes) {
        self.base = Array(base.utf8)
        self.quotes = quotes.candidates
    }

    /// Hugo's `GetDottedRelativePath`: `./` for a file at the root, `../` for each folder above
    /// `blog/post/index.html` but the last.
    static func dottedRelativePath(toFile path: String) -> String {
        let folders = path.split(separator: "/").count - 1
        return folders <= 0 ? "./" : String(repeating: "../", count: folders)
    }

    func rewrite(_ text: String) -> String {
        var lexer = Lexer(content: Array(text.utf8), base: base, quotes: quotes)
        lexer.replace()
        return String(decoding: lexer.output, as: UTF8.self)
    }

    private struct Prefix {
        enum Check { case base, srcset }
        let bytes: [UInt8]
        let check: Check
        var disabled = false
        var nextPosition = -1
    }

    private struct Lexer {
        let content: [UInt8]
        let base: [UInt8]
        let quotes: [[UInt8]]
        var output: [UInt8] = []
        var position = 0
        var start = 0

        init(content: [UInt8], base: [UInt8], quotes: [[UInt8]]) {
            self.content = content
            self.base = base
            self.quotes = quotes
            output.reserveCapacity(content.count + 256)
        }

        mutating func replace() {
            var prefixes = [Prefix(bytes: Array("src=".utf8), check: .base), Prefix(bytes: Array("href=".utf8), check: .base),
                            Prefix(bytes: Array("url=".utf8), check: .base), Prefix(bytes: Array("action=".utf8), check: .base),
                            Prefix(bytes: Array("srcset=".utf8), check: .srcset)]
            while position < content.count {
                var match: Int?
                for index in prefixes.indices where find(&prefixes[index], from: position) {
                    if match == nil || prefixes[index].nextPosition < prefixes[match!].nextPosition { match = index }
                }
                guard let match else { break }
                position = prefixes[match].nextPosition
                prefixes[match].nextPosition = -1
                switch prefixes[match].check {
                case .base: checkBase()
                case .srcset: checkSrcset()
                }
            }
            position = content.count
            if position > start { emit() }
        }

        private func find(_ prefix: inout Prefix, from start: Int) -> Bool {
            if prefix.disabled { return false }
            if prefix.nextPosition == -1 {
                guard let found = index(of: prefix.bytes, from: start) else {
                    prefix.disabled = true
                    return false
                }
                prefix.nextPosition = found + prefix.bytes.count
            }
            return true
        }

        /// Where `needle` next starts at or after `start`.
        private func index(of needle: [UInt8], from start: Int) -> Int? {
            content.withUnsafeBufferPointer { $0.firstIndex(of: needle, from: start) }
        }

        private func hasPrefix(_ bytes: [UInt8], at index: Int) -> Bool {
            guard index + bytes.count <= content.count else { return false }
            for k in bytes.indices where content[index + k] != bytes[k] { return false }
            return true
        }

        private mutating func emit() {
            output += content[start..<position]
            start = position
        }

        private mutating func consumeQuote() -> [UInt8]? {
            for quote in quotes where hasPrefix(quote, at: position) {
                position += quote.count
                emit()
                return quote
            }
            return nil
        }

        /// At a root-relative, not protocol-relative, URL.
        private var atRelativeURL: Bool {
            position + 1 < content.count && content[position] == UInt8(ascii: "/") && content[position + 1] != UInt8(ascii: "/")
        }

        private mutating func checkBase() {
            _ = consumeQuote()
            guard atRelativeURL else { return }
            if position > start { emit() }
            position += 1
            output += base
            start = position
        }

        private mutating func checkSrcset() {
            guard let quote = consumeQuote(), atRelativeURL,
                  let end = index(of: quote, from: position), end - position <= 2000 else { return }
            if position > start { emit() }
            // Hugo takes the closing quote's first byte along, and writes the fields back one space apart.
            let section = content[position...min(end, content.count - 1)]
            let fields = section.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) })
            for (index, field) in fields.enumerated() {
                if field.first == UInt8(ascii: "/") {
                    output += base
                    output += field.dropFirst()
                } else {
                    output += field
                }
                if index < fields.count - 1 { output.append(UInt8(ascii: " ")) }
            }
            position += section.count
            start = position
        }
    }
}
