import CCmarkGFM
import Foundation

/// A parsed tree and the extension list its HTML rendering needs; owns and frees both.
final class CmarkDocument {
    let root: CmarkNode
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    private let renderOptions: Int32

    init(root: CmarkNode, extensions: UnsafeMutablePointer<cmark_llist>?, renderOptions: Int32) {
        self.root = root
        self.extensions = extensions
        self.renderOptions = renderOptions
    }

    deinit {
        cmark_node_free(root.raw)
        cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
    }

    /// Renders any node of this tree (the whole document, or a single heading) to HTML.
    func html(of node: CmarkNode) -> String {
        guard let rendered = cmark_render_html(node.raw, renderOptions, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
