/// A shortcode (or escaped tag) in a document, with the shortcodes nested in it.
struct ShortcodeNode {
    var tag: ShortcodeTag
    var ordinal = 0
    var close: ShortcodeTag?
    var children: [ShortcodeNode] = []
    /// Its closing tag came after another shortcode's: already reported, not rendered.
    var isBroken = false
    /// Hugo sets no limit, but expanding and rendering recurse once per level: thousands of levels exhaust the
    /// stack, and no real page nests more than a few.
    static let maximumNesting = 100

    /// What the node replaces in the source: the tag, or the tags and everything between.
    var range: Range<Int> { tag.range.lowerBound..<(close ?? tag).range.upperBound }

    /// Nests `tags` (in document order) by their closing tags, Hugo's way: a shortcode takes
    /// inner content when a matching closing tag follows it, and is standalone otherwise. A shortcode
    /// nested deeper than `maximumNesting` is reported, and then no tree is returned at all, so that
    /// nothing walks a deep one.
    static func tree(of tags: [ShortcodeTag], report: (ShortcodeTag, String) -> Void) -> [ShortcodeNode] {
        var lastClose: [String: Int] = [:]
        for (index, tag) in tags.enumerated() where tag.kind == .close { lastClose[tag.name] = index }
        let root = ShortcodeNode(tag: ShortcodeTag(kind: .open, name: "", isMarkdown: false, range: 0..<0))
        var stack = [root]
        var ignoredCloses: [String: Int] = [:]
        var ordinal = 0
        var nesting = NestingCount(tags)
        for (index, tag) in tags.enumerated() {
            var node = ShortcodeNode(tag: tag, ordinal: ordinal)
            switch tag.kind {
            case .escaped:
                stack[stack.count - 1].children.append(node)
            case .selfClosing:
                ordinal += 1
                stack[stack.count - 1].children.append(node)
            case .open:
                ordinal += 1
                nesting.open(tag.name)
                guard nesting.depth <= maximumNesting else {
                    report(tag, "shortcodes are nested more than \(maximumNesting) deep here")
                    return []
                }
                stack.append(node)
            case .close:
                nesting.pass(closing: tag.name)
                if let ignored = ignoredCloses[tag.name], ignored > 0 {
                    ignoredCloses[tag.name] = ignored - 1
                    continue
                }
                guard let opener = stack.indices.dropFirst().last(where: { stack[$0].tag.name == tag.name }) else {
                    report(tag, "closing tag '/\(tag.name)' has no opening tag")
                    continue
                }
                while stack.count - 1 > opener {
                    var inside = stack.removeLast()
                    nesting.close(inside.tag.name)
                    if let later = lastClose[inside.tag.name], later > index {
                        report(tag, "closing tag '/\(tag.name)' comes before the closing tag of '\(inside.tag.name)'")
                        inside.isBroken = true
                        ignoredCloses[inside.tag.name, default: 0] += 1
                    }
                    flatten(inside, into: &stack[stack.count - 1])
                }
                node = stack.removeLast()
                nesting.close(node.tag.name)
                node.close = tag
                stack[stack.count - 1].children.append(node)
            }
        }
        while stack.count > 1 {
            flatten(stack.removeLast(), into: &stack[stack.count - 1])
        }
        return stack[0].children
    }

    /// Adds a shortcode found to have no closing tag: what followed it is its siblings.
    private static func flatten(_ node: ShortcodeNode, into parent: inout ShortcodeNode) {
        var standalone = node
        standalone.children = []
        parent.children.append(standalone)
        parent.children += node.children
    }
}

/// How deep the open shortcodes may end up nested: of the shortcodes of one name still open, only as many as
/// there are closing tags of that name still ahead can take inner content; the others are standalone.
private struct NestingCount {
    private var openCount: [String: Int] = [:]
    private var closesAhead: [String: Int] = [:]

    init(_ tags: [ShortcodeTag]) {
        for tag in tags where tag.kind == .close { closesAhead[tag.name, default: 0] += 1 }
    }

    var depth: Int {
        openCount.reduce(0) { $0 + min($1.value, closesAhead[$1.key] ?? 0) }
    }

    mutating func open(_ name: String) { openCount[name, default: 0] += 1 }
    mutating func close(_ name: String) { openCount[name, default: 0] -= 1 }
    mutating func pass(closing name: String) { closesAhead[name, default: 0] -= 1 }
}
