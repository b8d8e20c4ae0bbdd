/// Templates being gathered, by name (Go's `*template.Template` before its first execution): each
/// file parsed with `add`, its `define`s alongside it; then `prepared` makes the read-only set that
/// runs them.
public struct TemplateNamespace: Sendable {
    public let functions: [String: FunctionReference]
    public private(set) var trees: [String: Tree] = [:]

    public init(functions: [String: FunctionReference] = Builtins.functions) {
        self.functions = functions
    }

    /// Parses `text` (from `file`, for errors) as the template `name`, with the templates it defines. As in Go, a `define`
    /// replaces a template of the same name unless its body is empty (white space and comments),
    /// so a page's `{{define "main"}}` replaces the `{{block "main"}}` of the base it is added to.
    public mutating func add(_ text: String, name: String, file: String? = nil) throws(TemplateSyntaxError) {
        for tree in try Parser.parse(text, name: name, file: file, functions: functions) {
            add(tree)
        }
    }

    public mutating func add(_ tree: Tree) {
        if let existing = trees[tree.name], tree.isEmpty, !existing.isEmpty { return }
        trees[tree.name] = tree
    }

    /// The set that runs these templates. With `escapingHTML` (html/template), every template is
    /// escaped for the HTML text context it starts in, and templates called in other contexts get
    /// escaped copies of their own; a template that cannot be escaped fails when it is run, as in
    /// Go, not before. Templates not found here are looked up in `parent`.
    public func prepared(escapingHTML: Bool, over parent: TemplateSet? = nil) -> TemplateSet {
        guard escapingHTML else { return TemplateSet(trees: trees, originals: [:], failures: [:], escapesHTML: false, parent: parent) }
        var escaper = HTMLEscaper(trees: trees, parent: parent)
        var failures: [String: TemplateEscapeError] = [:]
        for name in trees.keys.sorted() {
            do {
                try escaper.escape(name)
            } catch {
                failures[name] = error
            }
        }
        return TemplateSet(trees: escaper.trees, originals: trees, failures: failures, escapesHTML: true, parent: parent)
    }
}
