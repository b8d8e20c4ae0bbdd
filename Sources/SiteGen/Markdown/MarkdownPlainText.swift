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
                if includingRawHTML { text += withoutTags(node.literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_IMAGE:
                return false
            case _ where node.isBlock && !text.isEmpty && text.utf8.last != UInt8(ascii: "\n"):
                text += "\n"
            default:
                break
            }
            return true
        }
        return text.trimmingWhiteSpace
    }

    /// `html` without its tags (`<…>`), as `<[^>]*>` takes them.
    private static func withoutTags(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return html }
        var output: [UInt8] = [], inTag = false
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of an inline node's children (a link's words, an image's alt text). With a
    /// `typographer`, punctuation is goldmark's entities (`it&rsquo;s`), as Hugo's hooks see it.
    static func inline(_ node: CmarkNode, typographer: GoldmarkTypographer? = nil) -> String {
        var text = ""
        node.walk { child, entering in
            guard entering else { return true }
            switch child.type {
            case CMARK_NODE_TEXT where typographer != nil && GoldmarkTypographer.mayDiffer(child.literal):
                text += typographer?.plainText(of: child) ?? child.literal
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += child.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
            return true
        }
        return text
    }

    /// Words separated by white space, counted over Unicode scalars: splitting a `String` walks
    /// grapheme clusters, which made counting a noticeable part of rendering.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
                : scalar.properties.isWhitespace
            if isSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
