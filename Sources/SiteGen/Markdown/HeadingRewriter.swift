import CCmarkGFM
import Foundation

/// Gives every heading its id. cmark-gfm cannot render attributes, so each heading is rendered on
/// its own, the id is put into its opening tag, and the heading is replaced by a custom block
/// holding that HTML (custom blocks are emitted verbatim even when raw HTML is not allowed).
enum HeadingRewriter {
    struct Anchor {
        var heading: CmarkNode
        var id: String
        /// Written after the heading's text (`## Setup {#setup .wide}`), without the id.
        var attributes: MarkdownAttributes
        /// The text with goldmark's typographic entities, for render hooks.
        var plainText: String
    }

    /// Strips `{#id .class}` attributes and assigns ids in document order; the tree still has its
    /// headings. With a `typographer`, ids are made from the quotes and dashes as typed, as
    /// goldmark makes them.
    static func anchors(in root: CmarkNode, typographer: GoldmarkTypographer? = nil) -> [Anchor] {
        var ids = HeadingIDGenerator()
        return root.descendants.filter { $0.type == CMARK_NODE_HEADING }.map { heading in
            let attributes = takeAttributes(from: heading, typographer: typographer) ?? MarkdownAttributes()
            let plainText = MarkdownPlainText.inline(heading, typographer: typographer)
            if case .string(let explicit)? = attributes["id"] {
                ids.reserve(explicit)
                return Anchor(heading: heading, id: explicit, attributes: attributes, plainText: plainText)
            }
            let id = ids.generate(from: text(of: heading, typographer: typographer))
            return Anchor(heading: heading, id: id, attributes: attributes, plainText: plainText)
        }
    }

    /// Replaces the heading by its HTML with the id, and returns its table-of-contents entry
    /// (titled with the heading's inner HTML, as Hugo does). The attributes go into the tag as
    /// written, a generated id last, as goldmark writes them.
    static func replace(_ anchor: Anchor, in document: CmarkDocument, hook: (@Sendable (RenderHooks.Heading) -> String)? = nil) -> TOCEntry {
        let level = anchor.heading.headingLevel
        let open = "<h\(level)>", close = "</h\(level)>\n"
        let rendered = document.html(of: anchor.heading)
        let inner = rendered.hasPrefix(open) && rendered.hasSuffix(close)
            ? String(rendered.dropFirst(open.count).dropLast(close.count))
            : rendered
        var attributes = anchor.attributes
        if attributes["id"] == nil { attributes.set("id", .string(anchor.id)) }
        let html = hook.map { $0(RenderHooks.Heading(level: level, anchor: anchor.id, text: inner, plainText: anchor.plainText, attributes: attributes)) }
            ?? "<h\(level)\(attributes.html)>\(inner)\(close)"

        anchor.heading.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: html)
        return TOCEntry(level: level, title: inner, anchor: anchor.id, children: [])
    }

    /// Removes trailing attributes (`{#id .class}`) from the heading's text. The attributes can
    /// span several text nodes, because cmark splits text at characters such as `_` and `-`.
    /// With a `typographer`, they are read as typed (`key="a b"`, not cmark's curly quotes).
    private static func takeAttributes(from heading: CmarkNode, typographer: GoldmarkTypographer?) -> MarkdownAttributes? {
        var run: [CmarkNode] = []
        var node = heading.lastChild
        while let text = node, text.type == CMARK_NODE_TEXT {
            run.insert(text, at: 0)
            node = text.previous
        }
        let joined = run.map(\.literal).joined()
        guard joined.utf8.last(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "}") else { return nil }
        let typed = typographer.map { typographer in run.map { typographer.idText(of: $0) ?? $0.literal }.joined() } ?? joined
        guard let (attributes, typedBefore) = MarkdownAttributes.trailing(in: typed) else { return nil }
        // The typographer leaves braces alone: the block starts at the same brace in both texts.
        let braces = typedBefore.count { $0 == "{" }
        guard let open = joined.indices.filter({ joined[$0] == "{" }).dropFirst(braces).first else { return nil }
        let remaining = String(joined[..<open].reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        for extra in run.dropFirst() { extra.delete() }
        if remaining.isEmpty { run[0].delete() } else { run[0].literal = remaining }
        return attributes
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
