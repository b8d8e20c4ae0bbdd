import GoTemplates
import CCmarkGFM
import Foundation

/// Where Hugo's goldmark writes other HTML than cmark-gfm for the same Markdown, the nodes are
/// replaced by custom nodes holding goldmark's markup: typographer entities (`&rsquo;`), HTML5
/// void elements (`<img …>`, `<hr>`, `<br>`), `https://` for `www.` autolinks, table alignment as
/// `style="text-align:…"` and task-list checkboxes with goldmark's attributes.
enum GoldmarkHTML {
    /// Leaves and inlines, which can be rewritten before headings are rendered (a heading's text
    /// then has goldmark's entities and images too). Images a render hook draws are kept.
    static func rewriteLeaves(in root: CmarkNode, document: CmarkDocument, typographer: GoldmarkTypographer, keepingImages: Bool = false) {
        // Images first, while their alt text is still text nodes.
        if !keepingImages {
            for node in root.descendants.reversed() where node.type == CMARK_NODE_IMAGE {
                node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: image(node, document: document, typographer: typographer))
            }
        }
        for node in root.descendants.reversed() {
            switch node.type {
            case CMARK_NODE_TEXT:
                guard GoldmarkTypographer.mayDiffer(node.literal), let html = typographer.html(of: node) else { continue }
                node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: html)
            case CMARK_NODE_THEMATIC_BREAK:
                node.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: "<hr>\n")
            case CMARK_NODE_LINEBREAK:
                node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: "<br>\n")
            case CMARK_NODE_LINK:
                // GFM's extended autolink makes `www.example.org` an `http://` link; goldmark an `https://` one.
                let text = node.children.count == 1 && node.children[0].type == CMARK_NODE_TEXT ? node.children[0].literal : ""
                if text.hasPrefix("www."), node.url == "http://" + text { node.url = "https://" + text }
            default:
                continue
            }
        }
    }

    /// `<img …>` as goldmark writes it: no `/`, and the alt text with the typographer's entities,
    /// escaped once more (`alt="it&amp;rsquo;s"`).
    private static func image(_ node: CmarkNode, document: CmarkDocument, typographer: GoldmarkTypographer) -> String {
        var html = document.html(of: node)
        if html.hasSuffix(" />") { html = html.dropLast(3) + ">" }
        let alt = MarkdownPlainText.inline(node, typographer: typographer)
        guard let start = html.range(of: " alt=\""), let end = html[start.upperBound...].firstIndex(of: "\"") else { return html }
        return html[..<start.upperBound] + HTMLEscaping.escape(alt) + html[end...]
    }

    /// Fenced code blocks, tables and task lists, rendered whole; after the headings, which a
    /// list item can hold, and after the render hooks, which may take the code blocks.
    static func rewriteContainers(in root: CmarkNode, document: CmarkDocument, highlighting: CodeHighlighting) {
        for node in root.descendants.reversed() {
            if node.type == CMARK_NODE_CODE_BLOCK, node.isFenced {
                node.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: fencedCode(node, highlighting: highlighting))
            } else if node.type == CMARK_NODE_LIST, node.children.contains(where: { typeName(of: $0) == "tasklist" }) {
                node.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: document.html(of: node)
                    .replacingOccurrences(of: #"<input type="checkbox" checked="" disabled="" />"#, with: #"<input checked="" disabled="" type="checkbox">"#)
                    .replacingOccurrences(of: #"<input type="checkbox" disabled="" />"#, with: #"<input disabled="" type="checkbox">"#))
            } else if node.isBlock, node.type.rawValue > CMARK_NODE_FOOTNOTE_DEFINITION.rawValue, typeName(of: node) == "table" {
                // Only extensions' blocks are numbered after cmark's own; only they need their name read.
                node.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: alignedByStyle(document.html(of: node)))
            }
        }
    }

    /// A fenced code block as Hugo writes it: highlighted by Chroma when `codeFences` is on and
    /// Chroma knows the language, with the fence's `{…}` attributes as options.
    private static func fencedCode(_ node: CmarkNode, highlighting: CodeHighlighting) -> String {
        let info = cmark_node_get_fence_info(node.raw).map { String(cString: $0) } ?? ""
        let language = String(info.prefix { !$0.isWhitespace && $0 != "{" })
        var attributes: [(name: String, value: MarkdownAttributes.Value)] = []
        if let brace = info.firstIndex(of: "{"), let (parsed, _) = MarkdownAttributes.parse(info[brace...]) {
            attributes = parsed.entries.map { ($0.name, $0.value) }
        }
        let html = highlighting.codeFences
            ? highlighting.html(of: node.literal, language: language, attributes: attributes)
            : plainChroma(node.literal, language: language)
        return html + glue
    }

    /// Hugo writes nothing between a code block and what follows it; cmark writes a new line
    /// after every block. Each code block ends in this mark, taken out with that new line.
    private static let glue = "\u{E000}sitegen:glue\u{E001}"

    /// Searched for as bytes: Foundation's `contains` and `replacingOccurrences` fold character
    /// clusters for a string outside ASCII, which was 30 % of a build's time.
    static func gluingCodeBlocks(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String? in
            guard var found = glueMark(in: bytes, from: 0) else { return nil }
            var glued: [UInt8] = []
            glued.reserveCapacity(bytes.count)
            var start = 0
            while true {
                glued += bytes[start..<found]
                start = found + glueBytes.count
                if start < bytes.count && bytes[start] == UInt8(ascii: "\n") { start += 1 }
                guard let next = glueMark(in: bytes, from: start) else { break }
                found = next
            }
            glued += bytes[start...]
            return String(decoding: glued, as: UTF8.self)
        } ?? html
    }

    private static let glueBytes = Array(glue.utf8)

    /// Where the next glue mark starts, at `start` or after it.
    private static func glueMark(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let mark = glueBytes
        var index = start
        while index + mark.count <= bytes.count {
            guard let base = bytes.baseAddress, let hit = memchr(base + index, Int32(mark[0]), bytes.count - index) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard position + mark.count <= bytes.count else { return nil }
            if (1..<mark.count).allSatisfy({ bytes[position + $0] == mark[$0] }) { return position }
            index = position + 1
        }
        return nil
    }

    /// Code as Chroma writes it through Hugo when it does not colour it: `<pre tabindex="0">`, the
    /// language as `class` and `data-lang`, escaped as Go escapes.
    static func plainChroma(_ code: String, language: String) -> String {
        let language = Builtins.escapeHTML(language)
        let open = language.isEmpty ? "<code>" : "<code class=\"language-\(language)\" data-lang=\"\(language)\">"
        return "<pre tabindex=\"0\">" + open + Builtins.escapeHTML(code) + "</code></pre>"
    }

    private static func typeName(of node: CmarkNode) -> String {
        cmark_node_get_type_string(node.raw).map { String(cString: $0) } ?? ""
    }

    /// `<th align="center">` → `<th style="text-align:center">`, as goldmark writes HTML5 tables.
    private static func alignedByStyle(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let attribute = Array(" align=\"".utf8), style = Array(" style=\"text-align:".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            // At `<th` or `<td` followed by ` align="`.
            if bytes[i] == UInt8(ascii: "<"), i + 3 + attribute.count <= bytes.count, bytes[i + 1] == UInt8(ascii: "t"),
               bytes[i + 2] == UInt8(ascii: "h") || bytes[i + 2] == UInt8(ascii: "d"),
               Array(bytes[(i + 3)..<(i + 3 + attribute.count)]) == attribute {
                output += bytes[i..<(i + 3)] + style
                i += 3 + attribute.count
                continue
            }
            output.append(bytes[i])
            i += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
