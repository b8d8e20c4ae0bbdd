import Synchronization

/// How code is highlighted: Hugo's `markup.highlight` settings, which a code fence's attributes
/// and the `highlight` shortcode's options override.
public struct HighlightOptions: Sendable, Hashable {
    public var style = "monokai"
    /// Colours written inline (`style="…"`), Hugo's default; else Chroma's class names, for a
    /// style sheet (`hugo gen chromastyles`).
    public var noClasses = true
    public var lineNumbers = false
    public var lineNumbersInTable = true
    /// Line numbers as links to `#LINEANCHORS-N` anchors.
    public var anchorLineNumbers = false
    public var lineAnchors = ""
    public var lineNumberStart = 1
    public var tabWidth = 4
    /// Lines to highlight, numbered as shown (from `lineNumberStart`).
    public var highlightedLines: [ClosedRange<Int>] = []
    /// Hugo's `hl_inline`: the code in `<code class="code-inline language-…">`, without the
    /// `<div>`, the `<pre>` and the spans of each line (so without numbers in the lines).
    public var inline = false

    public init() {}
}

/// Code as Hugo 0.111 writes it through Chroma: `<div class="highlight">`, then Chroma's HTML with
/// Hugo's `<pre tabindex="0"><code class="language-…" data-lang="…">`.
public struct Highlighter: Sendable {
    let registry: LexerRegistry

    public init(registry: LexerRegistry = .shared) {
        self.registry = registry
    }

    /// The tokens Chroma makes of the code, joined as Hugo's are; nil for a language it does not know.
    public func tokens(of code: String, language: String) -> [Token]? {
        registry.lexer(for: language).map { lexer in registry.matchers.with { Tokeniser(registry: registry, matchers: $0).tokens(of: code, lexer: lexer) } }
    }

    /// The code's HTML. `divAttributes` are written into the `<div>` after its class (which an
    /// attribute `class` extends), as Hugo does with a fence's other attributes.
    public func html(of code: String, language: String, options: HighlightOptions = HighlightOptions(),
                     divClass: String = "", divAttributes: [(String, String)] = []) -> String {
        guard let tokens = tokens(of: code, language: language), let style = HighlightStyle(named: options.style) ?? HighlightStyle(named: "swapoff") else {
            if options.inline { return Self.inlineStart(language: language) + Self.escaped(code) + "</code>" }
            return Self.preStart(language: language, styleAttribute: "") + Self.escaped(code) + "</code></pre>"
        }
        let formatter = HTMLFormatter(style: style, options: options, language: language)
        var html = ""
        if options.inline {
            formatter.write(tokens, into: &html)
            return html
        }
        html = "<div class=\"highlight" + (divClass.isEmpty ? "" : " " + divClass) + "\""
        // Unescaped, as Hugo writes them.
        for (name, value) in divAttributes { html += " \(name)=\"\(value)\"" }
        html += ">"
        formatter.write(tokens, into: &html)
        return html + "</div>"
    }

    static func preStart(language: String, styleAttribute: String) -> String {
        "<pre tabindex=\"0\"\(styleAttribute)><code" + (language.isEmpty ? "" : " class=\"language-\(language)\" data-lang=\"\(language)\"") + ">"
    }

    /// Hugo's `inlineCodeAttrs`: the class even without a language (`language-`).
    static func inlineStart(language: String) -> String {
        "<code class=\"code-inline language-\(language)\">"
    }

    /// Go's `html.EscapeString`, which Chroma escapes with (html/template's escaper, in
    /// GoTemplates, also replaces NUL).
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: output += "&amp;".utf8
            case 0x3C: output += "&lt;".utf8
            case 0x3E: output += "&gt;".utf8
            case 0x22: output += "&#34;".utf8
            case 0x27: output += "&#39;".utf8
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Chroma's HTML formatter (`formatters/html`), with Hugo's pre wrapper.
struct HTMLFormatter {
    let options: HighlightOptions
    let language: String
    let css: [TokenType: String]

    init(style: HighlightStyle, options: HighlightOptions, language: String) {
        self.options = options
        self.language = language
        let key = CSSKey(style: options.style, tabWidth: options.tabWidth, highlightsLines: !options.highlightedLines.isEmpty, inline: options.noClasses)
        if let known = Self.computed.withLock({ $0[key] }) {
            css = known
            return
        }
        var css = style.formatterCSS(tabWidth: options.tabWidth, highlightsLines: key.highlightsLines)
        if options.noClasses { css = css.mapValues(HighlightStyle.compressed) }
        Self.computed.withLock { $0[key] = css }
        self.css = css
    }

    /// What the CSS of a code block depends on; it is worked out once for each.
    private struct CSSKey: Hashable {
        let style: String, tabWidth: Int, highlightsLines: Bool, inline: Bool
    }

    private static let computed = Mutex<[CSSKey: [TokenType: String]]>([:])

    func write(_ tokens: [Token], into out: inout String) {
        let lines = Self.lines(tokens)
        let ranges = options.highlightedLines.sorted { $0.lowerBound < $1.lowerBound }
        let inTable = options.lineNumbers && options.lineNumbersInTable
        let digits = String(options.lineNumberStart + lines.count - 1).count
        if inTable {
            out += "<div\(attribute(.preWrapper))>\n"
            out += "<table\(attribute(.lineTable))><tr>"
            out += "<td\(attribute(.lineTableTD))>\n"
            out += wrapperStart(code: false)
            var highlightIndex = 0
            for index in lines.indices {
                let line = options.lineNumberStart + index
                let highlighted = shouldHighlight(&highlightIndex, line, ranges)
                if highlighted { out += "<span\(attribute(.lineHighlight))>" }
                out += "<span\(attribute(.lineNumbersTable))\(lineID(line))>\(lineTitle(digits, line))\n</span>"
                if highlighted { out += "</span>" }
            }
            out += wrapperEnd(code: false)
            out += "</td>\n"
            out += "<td\(attribute(.lineTableTD, extra: "width:100%"))>\n"
        }
        out += wrapperStart(code: true)
        var highlightIndex = 0
        for (index, tokens) in lines.enumerated() {
            let line = options.lineNumberStart + index
            let highlighted = shouldHighlight(&highlightIndex, line, ranges)
            if options.inline {
                writeTokens(tokens, into: &out)
                continue
            }
            out += "<span"
            if highlighted {
                if options.noClasses {
                    out += " style=\"\(css[.line] ?? "") \(css[.lineHighlight] ?? "")\">"
                } else {
                    out += " class=\"\(className(.line)) \(className(.lineHighlight))\">"
                }
            } else {
                out += attribute(.line) + ">"
            }
            if options.lineNumbers, !inTable {
                out += "<span\(attribute(.lineNumbers))\(lineID(line))>\(lineTitle(digits, line))</span>"
            }
            out += "<span\(attribute(.codeLine))>"
            writeTokens(tokens, into: &out)
            out += "</span></span>"
        }
        out += wrapperEnd(code: true)
        if inTable { out += "</td></tr></table>\n</div>\n" }
    }

    private func writeTokens(_ tokens: [Token], into out: inout String) {
        for token in tokens {
            let text = Highlighter.escaped(token.value)
            let style = attribute(token.type)
            out += style.isEmpty ? text : "<span\(style)>\(text)</span>"
        }
    }

    /// Hugo's pre wrapper around the code (`code`) or the line numbers of a table: `<pre>` and
    /// `<code>`, or for inline code `<code>` around the code only.
    private func wrapperStart(code: Bool) -> String {
        if options.inline { return code ? Highlighter.inlineStart(language: language) : "" }
        return Highlighter.preStart(language: code ? language : "", styleAttribute: attribute(.preWrapper))
    }

    private func wrapperEnd(code: Bool) -> String {
        options.inline ? (code ? "</code>" : "") : "</code></pre>"
    }

    /// Chroma's `SplitTokensIntoLines`: a token with newlines is cut after each, and the line
    /// after the last newline is dropped when nothing is on it.
    static func lines(_ tokens: [Token]) -> [[Token]] {
        var out: [[Token]] = [], line: [Token] = []
        for var token in tokens {
            while let newline = token.value.firstIndex(of: "\n") {
                let after = token.value.index(after: newline)
                line.append(Token(token.type, String(token.value[..<after])))
                out.append(line)
                line = []
                token.value = String(token.value[after...])
            }
            line.append(token)
        }
        if !line.isEmpty { out.append(line) }
        if let last = out.last, last.count == 1, last[0].value.isEmpty { out.removeLast() }
        return out
    }

    private func shouldHighlight(_ index: inout Int, _ line: Int, _ ranges: [ClosedRange<Int>]) -> Bool {
        while index < ranges.count, line > ranges[index].upperBound { index += 1 }
        return index < ranges.count && ranges[index].contains(line)
    }

    private func lineID(_ line: Int) -> String {
        options.anchorLineNumbers ? " id=\"\(lineAnchorPrefix)\(line)\"" : ""
    }

    private var lineAnchorPrefix: String { options.lineAnchors.isEmpty ? "" : options.lineAnchors + "-" }

    private func lineTitle(_ digits: Int, _ line: Int) -> String {
        let number = String(line)
        let title = String(repeating: " ", count: max(0, digits - number.count)) + number
        guard options.anchorLineNumbers else { return title }
        return "<a\(attribute(.lineLink)) href=\"#\(lineAnchorPrefix)\(line)\">\(title)</a>"
    }

    private func className(_ type: TokenType) -> String {
        var type = type
        while type.value != 0 {
            if let name = type.cssClass { return name }
            type = type.parent
        }
        return type.cssClass ?? ""
    }

    /// ` style="…"` (or ` class="…"`) for the type, falling back on its sub-category and category.
    private func attribute(_ type: TokenType, extra: String? = nil) -> String {
        if !options.noClasses {
            let name = className(type)
            return name.isEmpty ? "" : " class=\"\(name)\""
        }
        guard let style = css[type] ?? css[type.subCategory] ?? css[type.category] else { return "" }
        return " style=\"" + ([style] + (extra.map { [$0] } ?? [])).joined(separator: ";") + "\""
    }
}
