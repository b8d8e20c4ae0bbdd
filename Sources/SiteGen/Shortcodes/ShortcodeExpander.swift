import GoTemplates
/// One document's expansion: finds the tags, nests them, renders inner content first.
struct ShortcodeExpander<Renderer: ShortcodeRendering> {
    private let bytes: [UInt8]
    private let positions: SourcePositions
    private let renderer: Renderer
    private var errors: [(offset: Int, diagnostic: Diagnostic)] = []
    private var placeholders: [String: String] = [:]

    init(_ source: String, file: String, firstLine: Int, renderer: Renderer) {
        bytes = Array(source.utf8)
        positions = SourcePositions(bytes, file: file, firstLine: firstLine)
        self.renderer = renderer
    }

    mutating func expand() throws(DiagnosticList) -> ShortcodeExpansion {
        let tags = scanTags()
        let nodes = ShortcodeNode.tree(of: tags) { tag, message in report(tag.range.lowerBound, message) }
        let markdown = expand(nodes, in: 0..<bytes.count, inHTML: false)
        guard errors.isEmpty else {
            throw DiagnosticList(errors.sorted { $0.offset < $1.offset }.map(\.diagnostic))
        }
        return ShortcodeExpansion(markdown: markdown, placeholders: placeholders)
    }

    /// Every tag in prose, and the escaped tags in code, in document order.
    private mutating func scanTags() -> [ShortcodeTag] {
        let lexer = ShortcodeLexer(bytes)
        var tags: [ShortcodeTag] = []
        var failures: [ShortcodeLexer.Failure] = []
        MarkdownCodeScanner(bytes).scan(trigger: .brace) { start in
            do throws(ShortcodeLexer.Failure) {
                guard let tag = try lexer.tag(at: start) else { return nil }
                tags.append(tag)
                return tag.range.upperBound
            } catch {
                failures.append(error)
                return error.resume
            }
        } code: { range in
            for var tag in lexer.escapedTags(in: range) {
                tag.isInCode = true
                tags.append(tag)
            }
        }
        for failure in failures { report(failure.offset, failure.message) }
        return tags
    }

    /// The text of `range` with `nodes` (which lie in it) replaced by their outputs. `inHTML`:
    /// inside a `{{< >}}` shortcode, whose output does not go through cmark.
    private mutating func expand(_ nodes: [ShortcodeNode], in range: Range<Int>, inHTML: Bool) -> String {
        var result = ""
        var cursor = range.lowerBound
        for node in nodes {
            result += text(cursor..<node.range.lowerBound)
            result += output(of: node, inHTML: inHTML)
            cursor = node.range.upperBound
        }
        return result + text(cursor..<range.upperBound)
    }

    private mutating func output(of node: ShortcodeNode, inHTML: Bool) -> String {
        let tag = node.tag
        if case .escaped(let literal) = tag.kind {
            // In Markdown prose, `{{<name>}}` would read as an HTML tag.
            return tag.isInCode || inHTML || tag.isMarkdown ? literal : "{{&lt;" + literal.dropFirst(3)
        }
        let inner = node.close.map { close in
            expand(node.children, in: tag.range.upperBound..<close.range.lowerBound, inHTML: inHTML || !tag.isMarkdown)
        }
        guard !node.isBroken else { return "" }
        guard renderer.has(tag.name) else {
            report(tag.range.lowerBound, "unknown shortcode '\(tag.name)'" + Suggestion.phrase(for: tag.name, among: renderer.names))
            return ""
        }
        let call = ShortcodeCall(name: tag.name, positional: tag.positional, named: tag.named, inner: inner,
                                 isMarkdown: tag.isMarkdown, location: positions.location(of: tag.range.lowerBound),
                                 ordinal: node.ordinal)
        let output: String
        do {
            output = try renderer.render(call)
        } catch {
            errors.append((tag.range.lowerBound, error))
            return ""
        }
        if tag.isMarkdown || inHTML { return output }
        let placeholder = ShortcodeExpansion.placeholder(placeholders.count)
        placeholders[placeholder] = output
        return placeholder
    }

    private mutating func report(_ offset: Int, _ message: String) {
        errors.append((offset, Diagnostic(.error, positions.location(of: offset), message)))
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
