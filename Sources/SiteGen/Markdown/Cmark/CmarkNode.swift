import CCmarkGFM

/// A borrowed reference to a node of a cmark-gfm tree; the tree's owner frees it.
struct CmarkNode {
    let raw: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(raw) }

    var isBlock: Bool {
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    var literal: String {
        get { cmark_node_get_literal(raw).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(raw, newValue) }
    }

    var url: String {
        get { cmark_node_get_url(raw).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(raw, newValue) }
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var next = cmark_node_first_child(raw)
        while let child = next {
            result.append(CmarkNode(raw: child))
            next = cmark_node_next(child)
        }
        return result
    }

    var lastChild: CmarkNode? { cmark_node_last_child(raw).map(CmarkNode.init) }
    var previous: CmarkNode? { cmark_node_previous(raw).map(CmarkNode.init) }

    /// This node and everything below it, in document order.
    var descendants: [CmarkNode] {
        var result: [CmarkNode] = []
        walk { node, entering in
            if entering { result.append(node) }
            return true
        }
        return result
    }

    /// Visits the subtree in document order (leaf nodes only get an enter event); returning false
    /// on enter skips that node's children.
    func walk(_ visit: (_ node: CmarkNode, _ entering: Bool) -> Bool) {
        let iterator = cmark_iter_new(raw)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if !visit(CmarkNode(raw: node), entering), entering {
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            }
        }
    }

    /// A code block written between fences, not indented.
    var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(raw, &length, &offset, &character) != 0
    }

    func unlink() {
        cmark_node_unlink(raw)
    }

    func append(_ child: CmarkNode) {
        cmark_node_append_child(raw, child.raw)
    }

    /// Detaches the node and frees it with its subtree.
    func delete() {
        unlink()
        cmark_node_free(raw)
    }

    /// Puts a custom node (`CMARK_NODE_CUSTOM_BLOCK` or `_INLINE`) in this node's place, which
    /// renders as `html` whether or not raw HTML is allowed, and frees this node with its subtree.
    func replace(by kind: cmark_node_type, html: String) {
        let custom = cmark_node_new(kind)
        cmark_node_set_on_enter(custom, html)
        // cmark refuses a child its parent cannot hold; the node then stays, and is not freed.
        guard cmark_node_replace(raw, custom) != 0 else {
            cmark_node_free(custom)
            return
        }
        cmark_node_free(raw)
    }
}
