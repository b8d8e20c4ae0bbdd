import CCmarkGFM

/// Hugo's render hooks: functions that replace how images, links, headings and fenced code blocks
/// become HTML. SiteGen fills them from `templates/_markup/render-*.mustache`; a hook left nil
/// keeps cmark's rendering.
public struct RenderHooks: Sendable {
    public struct Image: Sendable { public var destination, text, title: String }
    public struct Link: Sendable { public var destination, text, plainText, title: String }
    public struct Heading: Sendable { public var level: Int; public var anchor, text, plainText: String }
    public struct CodeBlock: Sendable { public var language, attributes, code: String }

    public var image: (@Sendable (Image) -> String)?
    public var link: (@Sendable (Link) -> String)?
    public var heading: (@Sendable (Heading) -> String)?
    public var codeBlock: (@Sendable (CodeBlock) -> String)?

    public init(image: (@Sendable (Image) -> String)? = nil, link: (@Sendable (Link) -> String)? = nil,
                heading: (@Sendable (Heading) -> String)? = nil, codeBlock: (@Sendable (CodeBlock) -> String)? = nil) {
        self.image = image
        self.link = link
        self.heading = heading
        self.codeBlock = codeBlock
    }

    var isEmpty: Bool { image == nil && link == nil && heading == nil && codeBlock == nil }

    /// Replaces images, links and code blocks in the tree by the hooks' HTML, as custom nodes
    /// (emitted verbatim, whether or not raw HTML is allowed). Children go before their parents,
    /// so a link's text already holds its hooked images.
    func apply(to root: CmarkNode, in document: CmarkDocument) {
        for node in root.descendants.reversed() {
            switch node.type {
            case CMARK_NODE_IMAGE:
                guard let image else { continue }
                let title = cmark_node_get_title(node.raw).map { String(cString: $0) } ?? ""
                let text = MarkdownPlainText.inline(node)
                node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: image(Image(destination: node.url, text: text, title: title)))
            case CMARK_NODE_LINK:
                guard let link else { continue }
                let title = cmark_node_get_title(node.raw).map { String(cString: $0) } ?? ""
                let rendered = document.html(of: node)
                let inner = rendered.firstIndex(of: ">").map { rendered[rendered.index(after: $0)...] }.map {
                    $0.hasSuffix("</a>") ? String($0.dropLast(4)) : String($0)
                } ?? rendered
                let html = link(Link(destination: node.url, text: inner, plainText: MarkdownPlainText.inline(node), title: title))
                node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: html)
            case CMARK_NODE_CODE_BLOCK:
                guard let codeBlock else { continue }
                let info = cmark_node_get_fence_info(node.raw).map { String(cString: $0) } ?? ""
                let language = String(info.prefix { !$0.isWhitespace })
                let attributes = String(info.dropFirst(language.count)).trimmingCharacters(in: .whitespaces)
                node.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: codeBlock(CodeBlock(language: language, attributes: attributes, code: node.literal)))
            default:
                continue
            }
        }
    }
}
