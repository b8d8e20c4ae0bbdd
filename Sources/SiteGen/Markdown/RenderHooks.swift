import CCmarkGFM

/// Hugo's render hooks: functions that replace how images, links, headings and fenced code blocks
/// become HTML. SiteGen fills them from `templates/_markup/render-*.mustache`; a hook left nil
/// keeps cmark's rendering.
public struct RenderHooks: Sendable {
    public struct Image: Sendable {
        public var destination, title: String
        /// The alt text as text, and as the HTML its Markdown makes (`An <em>image</em>`).
        public var plainText, html: String
        /// The image's place among the page's images, from 0.
        public var ordinal: Int
    }
    public struct Link: Sendable { public var destination, text, plainText, title: String }
    public struct Heading: Sendable {
        public var level: Int
        public var anchor, text, plainText: String
        /// The heading's attributes, its id among them.
        public var attributes: MarkdownAttributes
    }
    public struct CodeBlock: Sendable {
        /// The fence's language, what follows it (`{linenos=table}`), and the code without its last newline.
        public var language, attributes, code: String
        /// The block's place among the page's fenced code blocks, from 0.
        public var ordinal: Int
        /// Where its fence is in the Markdown rendered.
        public var line, column: Int
    }

    public var image: (@Sendable (Image) -> String)?
    public var link: (@Sendable (Link) -> String)?
    public var heading: (@Sendable (Heading) -> String)?
    /// Nil for a block it leaves as it is.
    public var codeBlock: (@Sendable (CodeBlock) -> String?)?

    public init(image: (@Sendable (Image) -> String)? = nil, link: (@Sendable (Link) -> String)? = nil,
                heading: (@Sendable (Heading) -> String)? = nil, codeBlock: (@Sendable (CodeBlock) -> String?)? = nil) {
        self.image = image
        self.link = link
        self.heading = heading
        self.codeBlock = codeBlock
    }

    var isEmpty: Bool { image == nil && link == nil && heading == nil && codeBlock == nil }

    /// The hooked images, links and fenced code blocks, with what must be read before goldmark's
    /// typography replaces the text nodes (the plain text, as Hugo's hooks see it).
    func prepare(_ root: CmarkNode, typographer: GoldmarkTypographer?) -> Prepared {
        var found: [Prepared.Node] = []
        var images = 0, codeBlocks = 0
        for node in root.descendants {
            switch node.type {
            case CMARK_NODE_IMAGE:
                defer { images += 1 }
                guard image != nil else { continue }
                found.append(Prepared.Node(node: node, plainText: MarkdownPlainText.inline(node, typographer: typographer), ordinal: images))
            case CMARK_NODE_LINK where link != nil:
                found.append(Prepared.Node(node: node, plainText: MarkdownPlainText.inline(node, typographer: typographer), ordinal: 0))
            case CMARK_NODE_CODE_BLOCK where node.isFenced:
                defer { codeBlocks += 1 }
                guard codeBlock != nil else { continue }
                found.append(Prepared.Node(node: node, plainText: "", ordinal: codeBlocks))
            default:
                continue
            }
        }
        return Prepared(hooks: self, nodes: found)
    }

    /// Hooked nodes found by `prepare`, replaced by `apply`.
    struct Prepared {
        struct Node {
            var node: CmarkNode
            var plainText: String
            var ordinal: Int
        }
        let hooks: RenderHooks
        let nodes: [Node]

        /// Replaces the images, links and code blocks by the hooks' HTML, as custom nodes (emitted
        /// verbatim, whether or not raw HTML is allowed). Children go before their parents, so a
        /// link's text already holds its hooked images.
        func apply(in document: CmarkDocument) {
            for found in nodes.reversed() {
                let node = found.node
                switch node.type {
                case CMARK_NODE_IMAGE:
                    guard let image = hooks.image else { continue }
                    let title = cmark_node_get_title(node.raw).map { String(cString: $0) } ?? ""
                    let html = node.children.map { document.html(of: $0) }.joined()
                    node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: image(Image(
                        destination: node.url, title: title, plainText: found.plainText, html: html, ordinal: found.ordinal)))
                case CMARK_NODE_LINK:
                    guard let link = hooks.link else { continue }
                    let title = cmark_node_get_title(node.raw).map { String(cString: $0) } ?? ""
                    let html = node.children.map { document.html(of: $0) }.joined()
                    node.replace(by: CMARK_NODE_CUSTOM_INLINE, html: link(Link(destination: node.url, text: html, plainText: found.plainText, title: title)))
                case CMARK_NODE_CODE_BLOCK:
                    guard let codeBlock = hooks.codeBlock else { continue }
                    let info = cmark_node_get_fence_info(node.raw).map { String(cString: $0) } ?? ""
                    let language = String(info.prefix { !$0.isWhitespace && $0 != "{" })
                    let attributes = String(info.dropFirst(language.count)).trimmingCharacters(in: .whitespaces)
                    var code = node.literal
                    if code.hasSuffix("\n") { code.removeLast() }
                    let block = CodeBlock(language: language, attributes: attributes, code: code, ordinal: found.ordinal,
                                          line: Int(cmark_node_get_start_line(node.raw)), column: Int(cmark_node_get_start_column(node.raw)))
                    if let html = codeBlock(block) { node.replace(by: CMARK_NODE_CUSTOM_BLOCK, html: html) }
                default:
                    continue
                }
            }
        }
    }
}
