/// Named templates that can call each other (`{{template "name"}}`), ready to run: parsed, and
/// escaped when `escapesHTML` (html/template), read-only, so any number of executions can share
/// them. A set may lie over a `parent` (a page layout's `define`s over the site's partials).
public final class TemplateSet: Sendable {
    public let escapesHTML: Bool
    private let trees: [String: Tree]
    /// The trees before escaping, for the escaper of a set over this one, which may need a copy
    /// of one for another context.
    private let originals: [String: Tree]
    /// Templates the escaper refused, refused again when they are run.
    private let failures: [String: TemplateEscapeError]
    private let parent: TemplateSet?

    init(trees: [String: Tree], originals: [String: Tree], failures: [String: TemplateEscapeError],
         escapesHTML: Bool, parent: TemplateSet?) {
        self.trees = trees
        self.originals = originals
        self.failures = failures
        self.escapesHTML = escapesHTML
        self.parent = parent
    }

    public func tree(named name: String) -> Tree? {
        trees[name] ?? parent?.tree(named: name)
    }

    /// The unescaped tree of `name`, here or in a parent.
    func original(named name: String) -> Tree? {
        originals[name] ?? parent?.original(named: name)
    }

    /// The file the template `name` was parsed from (its name when there is none).
    func file(of name: String) -> String {
        (original(named: name) ?? tree(named: name))?.file ?? name
    }

    /// Why the escaper refused `name`, when it did.
    func failure(of name: String) -> TemplateEscapeError? {
        trees[name] != nil ? failures[name] : parent?.failure(of: name)
    }

    public func has(_ name: String) -> Bool { tree(named: name) != nil }

    /// Every template's name, a parent's too.
    public var names: [String] { Array(trees.keys) + (parent?.names ?? []) }

    /// Runs the template `name` with `data` as dot; `host` is there for the functions that need
    /// the host's state (Hugo's `partial` needs its page).
    public func execute(_ name: String, data: Value, host: AnyObject? = nil) throws(TemplateExecutionError) -> String {
        guard let tree = tree(named: name) else {
            throw TemplateExecutionError(message: "no such template \"\(name)\"", template: name, position: nil, callers: [])
        }
        if let failure = failure(of: name) {
            throw TemplateExecutionError(message: failure.message, template: file(of: failure.template), position: failure.position, callers: [])
        }
        let executor = Executor(set: self, host: host)
        try executor.run(tree, data: data)
        return String(decoding: executor.output, as: UTF8.self)
    }
}

/// A template that failed while running: where, and which templates called it.
public struct TemplateExecutionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The file of the template the failing action is in.
    public let template: String
    public let position: SourcePosition?
    /// The templates that called it, innermost first, with the position of each call.
    public let callers: [(template: String, position: SourcePosition)]

    public var description: String {
        let place = position.map { "\(template):\($0)" } ?? template
        return "\(place): \(message)" + callers.map { "\n  called from \($0.template):\($0.position)" }.joined()
    }
}
