import CCmarkGFM

/// Footnotes as goldmark writes them: references `<sup id="fnref:1">` (`fnref1:1` for a second
/// reference to the same note), and the notes at the end in a `<div class="footnotes">` with one
/// back link per reference, inside the note's last paragraph when it ends with one. cmark-gfm has
/// already numbered the notes by first reference and moved the referenced ones to the end.
enum GoldmarkFootnotes {
    static func apply(to root: CmarkNode, in document: CmarkDocument) {
        var references: [String: Int] = [:]
        for node in root.descendants where node.type == CMARK_NODE_FOOTNOTE_REFERENCE {
            let number = node.literal
            let index = references[number, default: 0]
            references[number] = index + 1
            node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: "<sup id=\"fnref\(index > 0 ? String(index) : ""):\(number)\">"
                + "<a href=\"#fn:\(number)\" class=\"footnote-ref\" role=\"doc-noteref\">\(number)</a></sup>")
        }
        let notes = root.children.filter { $0.type == CMARK_NODE_FOOTNOTE_DEFINITION }
        guard !notes.isEmpty else { return }
        var html = "<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n"
        for (offset, note) in notes.enumerated() {
            let number = String(offset + 1)
            let backLinks = (0..<max(1, references[number] ?? 0)).map { index in
                "&#160;<a href=\"#fnref\(index > 0 ? String(index) : ""):\(number)\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>"
            }.joined()
            html += "<li id=\"fn:\(number)\">\n"
            let endsWithParagraph = note.lastChild?.type == CMARK_NODE_PARAGRAPH
            if endsWithParagraph, let last = note.lastChild {
                let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(custom, backLinks)
                cmark_node_append_child(last.raw, custom)
            }
            // Rendered out of the note, or cmark-gfm adds its own back link to the last paragraph.
            let container = CmarkNode(raw: cmark_node_new(CMARK_NODE_DOCUMENT))
            for block in note.children { container.append(block) }
            html += document.html(of: container) + (endsWithParagraph ? "" : backLinks) + "</li>\n"
            cmark_node_free(container.raw)
        }
        html += "</ol>\n</div>\n"
        for note in notes.dropFirst() { note.delete() }
        notes[0].replace(by: CMARK_NODE_CUSTOM_BLOCK, html: html)
    }
}
