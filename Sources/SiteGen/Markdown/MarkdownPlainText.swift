import Foundation
import CCmarkGFM

/// The text a reader sees, as Hugo's `.Plain` (rendered HTML with tags stripped): no image alt
/// text, no markup, and raw HTML only when it is rendered at all.
enum MarkdownPlainText {
    static func of(_ block: CmarkNode, includingRawHTML: Bool) -> String {
        var text = ""
        block.walk { node, _ in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += node.literal
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if includingRawHTML { text += node.literal.replacing(/<[^>]*>/, with: "") }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_IMAGE:
                return false
            case _ where node.isBlock && !text.isEmpty && text.last != "\n":
                text += "\n"
            default:
                break
            }
            return true
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
