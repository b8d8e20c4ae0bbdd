import CCmarkGFM
import Foundation

/// Gives every heading its id. cmark-gfm cannot render attributes, so each heading is rendered on
/// its own, the id is put into its opening tag, and the heading is replaced by a custom block
/// holding that HTML (custom blocks are emitted verbatim even when raw HTML is not allowed).
enum HeadingRewriter {
    struct Anchor {
        var heading: CmarkNode
        var id: String
    }

    /// Strips `{#id}` attributes and assigns ids in document order; the tree still has its headings.
    /// With a `typographer`, ids are made from the quotes and dashes as typed, as goldmark makes them.
    static func anchors(in root: CmarkNode, typographer: GoldmarkTypographer? = nil) -> [Anchor] {
        var ids = HeadingIDGenerator()
        return root.descendants.filter { $0.type == CMARK_NODE_HEADING }.map { heading in
            if let explicit = takeExplicitID(from: heading) {
                ids.reserve(explicit)
                return Anchor(heading: heading, id: explicit)
            }
            return Anchor(heading: heading, id: ids.generate(from: text(of: heading, typographer: typographer)))
        }
    }

    /// Replaces the heading by its HTML with the id, and returns its table-of-contents entry
    /// (titled with the heading's inner HTML, as Hugo does).
    static func replace(_ anchor: Anchor, in document: CmarkDocument, hook: (@Sendable (RenderHooks.Heading) -> String)? = nil) -> TOCEntry {
        let level = anchor.heading.headingLevel
        let open = "<h\(level)>", close = "</h\(level)>\n"
        let rendered = document.html(of: anchor.heading)
        let inner = rendered.hasPrefix(open) && rendered.hasSuffix(close)
            ? String(rendered.dropFirst(open.count).dropLast(close.count))
            : rendered
        let html = hook.map { $0(RenderHooks.Heading(level: level, anchor: anchor.id, text: inner, plainText: text(of: anchor.heading))) }
            ?? "<h\(level) id=\"\(HTMLEscaping.escape(anchor.id))\">\(inner)\(close)"

        anchor.heading.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: html)
        return TOCEntry(level: level, title: inner, anchor: anchor.id, children: [])
    }

    /// Removes a trailing `{#id}` from the heading's text. The attribute can span several text
    /// nodes, because cmark splits text at characters such as `_` and `-`.
    private static func takeExplicitID(from heading: CmarkNode) -> String? {
        var run: [CmarkNode] = []
        var node = heading.lastChild
        while let text = node, text.type == CMARK_NODE_TEXT {
            run.insert(text, at: 0)
            node = text.previous
        }
        let joined = run.map(\.literal).joined()
        // The regex is slow to run on every heading; nearly none ends with an attribute.
        guard joined.utf8.contains(UInt8(ascii: "}")), joined.contains("{#") else { return nil }
        guard let match = joined.firstMatch(of: /\s*\{#([^\s{}]+)\}\s*$/) else { return nil }
        let remaining = String(joined[..<match.range.lowerBound])
        for extra in run.dropFirst() { extra.delete() }
        if remaining.isEmpty { run[0].delete() } else { run[0].literal = remaining }
        return String(match.output.1)
    }

    /// The heading's text for its id. With a `typographer` (a site on Hugo's templates), as
    /// goldmark 1.5 takes it: quotes and dashes as typed, and a link's or image's destination
    /// after its text (`## [Setup](../setup)` is `setupsetup`).
    private static func text(of heading: CmarkNode, typographer: GoldmarkTypographer? = nil) -> String {
        var text = ""
        heading.walk { node, entering in
            switch node.type {
            case CMARK_NODE_TEXT where typographer != nil && GoldmarkTypographer.mayDiffer(node.literal):
                text += typographer?.idText(of: node) ?? node.literal
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_LINK where !entering && typographer != nil, CMARK_NODE_IMAGE where !entering && typographer != nil:
                text += node.url
            default:
                break
            }
            return true
        }
        return text
    }
}
