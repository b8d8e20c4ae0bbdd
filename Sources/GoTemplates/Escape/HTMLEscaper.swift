/// html/template's escaper over a namespace's trees (escape.go): follows each template's text
/// through HTML, JavaScript, CSS and URL contexts, adds to each action the functions that
/// escape its value for the context it is in, strips comments from text, and escapes called
/// templates for the context of the call: the callee itself in the text context, else a copy
/// named for the context (`name$htmltemplate_stateAttr…`) added to `trees`.
struct HTMLEscaper {
    /// The trees, escaped, plus derived copies.
    private(set) var trees: [String: Tree]
    /// The trees as parsed, which copies for other contexts are made from: a copy of a template
    /// escaped as an entry must not be escaped twice.
    private let originals: [String: Tree]
    private let parent: TemplateSet?
    /// What escaping found so far (Go's namespace's `escaper`): kept from one entry to the next.
    private var pass: EscapingPass

    init(trees: [String: Tree], parent: TemplateSet?) {
        self.trees = trees
        self.originals = trees
        self.parent = parent
        self.pass = EscapingPass(templates: Self.noTemplates, template: "")
    }

    private static let noTemplates = TemplateSources(trees: [:], originals: [:], parent: nil)

    /// Escapes the template `name` as an entry point, for the HTML text context it starts in (what
    /// Go does on `Execute`). Templates it calls are escaped in the context of the call. Escaping
    /// a template already escaped in the text context (as an entry or a callee) does nothing.
    /// On failure nothing is changed, and what was found is forgotten.
    mutating func escape(_ name: String) throws(TemplateEscapeError) {
        // Between entries the pass holds no reference to `trees`, so that a commit does not copy them.
        let saved = pass
        pass.templates = TemplateSources(trees: trees, originals: originals, parent: parent)
        let (context, _) = pass.escapeTree(EscapeContext(), name, at: nil)
        let failure = context.error
            ?? (context.state == .text ? nil : EscapeFailure(.endContext, "ends in a non-text context: \(context)"))
        if let failure {
            // Go leaves its guess of the template's output context behind, which would let a
            // caller use the template unescaped.
            pass = saved
            throw failure.error(escaping: name)
        }
        commit()
    }

    /// Applies the edits of the pass and adds the derived templates (Go's `commit`). Nodes are
    /// immutable, so that the executor reads them without retaining them: a tree with an edited
    /// node is rebuilt with the node replaced, sharing whatever the edits leave alone.
    private mutating func commit() {
        pass.templates = Self.noTemplates
        for (name, tree) in pass.derived { trees[name] = tree }
        // In `trees` from now on, where the edits below replace them.
        pass.derived = [:]
        if !pass.actionEdits.isEmpty || !pass.callEdits.isEmpty || !pass.textEdits.isEmpty {
            for (name, tree) in trees {
                if let root = edited(tree.root) { trees[name] = Tree(name: tree.name, file: tree.file, root: root, frameSize: tree.frameSize) }
            }
        }
        pass.called = []
        pass.actionEdits = [:]
        pass.callEdits = [:]
        pass.textEdits = [:]
    }

    /// `list` with the pass's edits applied, or nil when it has no edited node.
    private func edited(_ list: ListNode) -> ListNode? {
        var nodes: [Node]?
        for (index, node) in list.nodes.enumerated() {
            guard let replacement = edited(node) else { continue }
            if nodes == nil { nodes = list.nodes }
            nodes![index] = replacement
        }
        return nodes.map { ListNode($0) }
    }

    private func edited(_ node: Node) -> Node? {
        switch node {
        case .text(let text):
            return pass.textEdits[ObjectIdentifier(text)].map { .text(TextNode($0.1, at: text.position)) }
        case .action(let action):
            return pass.actionEdits[ObjectIdentifier(action)].map { .action(ActionNode(Self.ensurePipelineContains(action.pipe, $0.1), at: action.position)) }
        case .template(let call):
            return pass.callEdits[ObjectIdentifier(call)].map { .template(TemplateCallNode(name: $0.1, pipe: call.pipe, at: call.position)) }
        case .branch(let branch):
            let list = edited(branch.list), elseList = branch.elseList.flatMap(edited)
            guard list != nil || elseList != nil else { return nil }
            return .branch(BranchNode(branch.kind, pipe: branch.pipe, list: list ?? branch.list, elseList: elseList ?? branch.elseList,
                                      at: branch.position))
        case .break, .continue:
            return nil
        }
    }

    // MARK: Pipelines

    /// Go's predefined escapers, which are kept in a pipeline in place of an equivalent escaper.
    static let predefinedEscapers: Set<String> = ["html", "urlquery"]

    /// The predefined escaper each escaper is equivalent to (`html` escapes NUL, quotes, `&`, `<`
    /// and `>` too; `urlquery` percent-encodes the reserved characters, more than the normalizer
    /// does, which Go keeps for templates written before Go 1.9).
    private static func normalized(_ name: String) -> String {
        switch name {
        case "_html_template_attrescaper", "_html_template_htmlescaper", "_html_template_rcdataescaper": return "html"
        case "_html_template_urlescaper", "_html_template_urlnormalizer": return "urlquery"
        default: return name
        }
    }

    /// Whether `next` after `last` changes nothing: `next(last(x)) == last(x)` for every x.
    private static func isRedundant(_ next: String, after last: String) -> Bool {
        switch last {
        case "_html_template_commentescaper":
            return ["_html_template_attrescaper", "_html_template_nospaceescaper", "_html_template_htmlescaper"].contains(next)
        case "_html_template_cssescaper", "_html_template_jsregexpescaper", "_html_template_jsstrescaper":
            return next == "_html_template_attrescaper"
        case "_html_template_urlescaper":
            return next == "_html_template_urlnormalizer"
        default:
            return false
        }
    }

    private static func identifier(_ command: CommandNode) -> FunctionReference? {
        if case .function(let function, _) = command.arguments[0] { return function }
        return nil
    }

    /// Appends `command` unless it is redundant after the last command.
    private static func append(_ command: CommandNode, to commands: inout [CommandNode]) {
        if let last = commands.last.flatMap(identifier), let next = identifier(command), isRedundant(next.name, after: last.name) {
            return
        }
        commands.append(command)
    }

    /// Makes `pipe` end with the escapers `names`, in order (Go's `ensurePipelineContains`). A
    /// pipeline that ends with a predefined escaper (`html`, `urlquery`) keeps it in place of an
    /// equivalent one; `{{html .X .Y}}` becomes `{{_eval_args_ .X .Y | html}}` to allow that.
    static func ensurePipelineContains(_ pipe: PipeNode, _ names: [String]) -> PipeNode {
        guard !names.isEmpty else { return pipe }
        var names = names
        var commands = pipe.commands
        var kept = commands.count
        var predefined: FunctionReference?
        if let last = commands.last, let escaper = identifier(last), predefinedEscapers.contains(escaper.name) {
            predefined = escaper
            if commands.count == 1 && last.arguments.count > 1 {
                let evaluated = Argument.function(SafeContent.escapers["_eval_args_"]!, last.arguments[0].position)
                commands[0] = CommandNode([evaluated] + last.arguments.dropFirst(), at: last.position)
                append(CommandNode([.function(escaper, pipe.position)], at: pipe.position), to: &commands)
                kept += 1
            }
            var duplicate = false
            for i in names.indices where normalized(names[i]) == normalized(escaper.name) {
                names[i] = escaper.name
                duplicate = true
            }
            // The predefined escaper comes back among the names.
            if duplicate { kept -= 1 }
        }
        commands = Array(commands.prefix(kept))
        // Escapers already there (a tree escaped before) are not added again.
        let inserted = Set(commands.compactMap { identifier($0).map { normalized($0.name) } })
        for name in names where !inserted.contains(normalized(name)) {
            // A predefined escaper named is the pipeline's own, or the builtin.
            let function = SafeContent.escapers[name] ?? predefined.flatMap { $0.name == name ? $0 : nil } ?? Builtins.functions[name]!
            append(CommandNode([.function(function, pipe.position)], at: pipe.position), to: &commands)
        }
        return PipeNode(variables: pipe.variables, isAssignment: pipe.isAssignment, commands: commands, at: pipe.position)
    }
}

/// The templates a pass can escape or call: the set's, those it escaped in place as they were
/// parsed, and a parent set's.
private struct TemplateSources {
    let trees: [String: Tree]
    let originals: [String: Tree]
    let parent: TemplateSet?
}

/// The loop a `{{break}}` or `{{continue}}` is in, with the contexts found at them, which are
/// where the loop's body may end too.
private final class RangeContext {
    let outer: RangeContext?
    var breaks: [EscapeContext] = []
    var continues: [EscapeContext] = []

    init(outer: RangeContext?) { self.outer = outer }
}

/// Go's `escaper`: the output contexts inferred for templates, the copies derived for contexts,
/// and the edits that escaping needs, kept apart until committed because a list may be escaped
/// again under another assumption (a recursive template's output, a range's second iteration),
/// and only a pass whose assumption held is kept.
private struct EscapingPass {
    var templates: TemplateSources
    /// The output context of each template escaped, by mangled name: the input context assumed,
    /// as Go records it (a second call in the same context reuses it).
    var output: [String: EscapeContext] = [:]
    /// Copies of templates for contexts other than text, by mangled name.
    var derived: [String: Tree] = [:]
    /// The templates called, by mangled name.
    var called: Set<String> = []
    var actionEdits: [ObjectIdentifier: (ActionNode, [String])] = [:]
    var callEdits: [ObjectIdentifier: (TemplateCallNode, String)] = [:]
    var textEdits: [ObjectIdentifier: (TextNode, [UInt8])] = [:]
    var rangeContext: RangeContext?
    /// The template being escaped, for errors.
    var template: String

    init(templates: TemplateSources, template: String) {
        self.templates = templates
        self.template = template
    }

    private func failure(_ code: TemplateEscapeError.Code, _ message: String, at position: SourcePosition?) -> EscapeContext {
        EscapeContext(EscapeFailure(code, message, at: position, in: template))
    }

    // MARK: Nodes

    mutating func escape(_ context: EscapeContext, _ node: Node) -> EscapeContext {
        switch node {
        case .action(let action):
            return escapeAction(context, action)
        case .branch(let branch):
            return escapeBranch(context, branch)
        case .template(let call):
            let (output, name) = escapeTree(context, call.name, at: call.position)
            if name != call.name { callEdits[ObjectIdentifier(call)] = (call, name) }
            return output
        case .text(let text):
            return escapeText(context, text)
        case .break(let position):
            var context = context
            context.jump = position
            rangeContext!.breaks.append(context)
            return EscapeContext(state: .dead)
        case .continue(let position):
            var context = context
            context.jump = position
            // Go 1.19 records a continue after the breaks, dropping the continues before it.
            rangeContext!.continues = rangeContext!.breaks + [context]
            return EscapeContext(state: .dead)
        }
    }

    mutating func escapeList(_ context: EscapeContext, _ list: ListNode?) -> EscapeContext {
        guard let list else { return context }
        var context = context
        for node in list.nodes {
            context = escape(context, node)
            if context.state == .dead { break }
        }
        return context
    }

    /// Escapes `list` in a pass of its own, kept only if `filter` accepts it and its output
    /// context; returns the output context, the best guess when not kept, and whether it was.
    mutating func escapeListConditionally(_ context: EscapeContext, _ list: ListNode,
                                          filter: ((EscapingPass, EscapeContext) -> Bool)?) -> (EscapeContext, Bool) {
        var inner = EscapingPass(templates: templates, template: template)
        inner.rangeContext = rangeContext
        // Inferences are available to the inner pass.
        inner.output = output
        let result = inner.escapeList(context, list)
        let kept = filter?(inner, result) ?? false
        if kept {
            output.merge(inner.output) { $1 }
            derived.merge(inner.derived) { $1 }
            called.formUnion(inner.called)
            actionEdits.merge(inner.actionEdits) { $1 }
            callEdits.merge(inner.callEdits) { $1 }
            textEdits.merge(inner.textEdits) { $1 }
        }
        return (result, kept)
    }

    private mutating func escapeAction(_ context: EscapeContext, _ action: ActionNode) -> EscapeContext {
        let pipe = action.pipe
        // A variable declaration or assignment, not output.
        if !pipe.variables.isEmpty { return context }
        var context = Self.nudge(context)
        // `html` and `urlquery` only at the end, and `html` not in an unquoted attribute.
        for (index, command) in pipe.commands.enumerated() {
            guard case .function(let function, _) = command.arguments[0], HTMLEscaper.predefinedEscapers.contains(function.name) else {
                continue
            }
            if index < pipe.commands.count - 1
                || context.state == .attribute && context.delimiter == .spaceOrTagEnd && function.name == "html" {
                return failure(.predefinedEscaper, "predefined escaper \(goQuoted(function.name)) disallowed in template",
                               at: action.position)
            }
        }
        var escapers: [String] = []
        switch context.state {
        case .error:
            return context
        case .url, .cssDoubleQuoted, .cssSingleQuoted, .cssDoubleQuotedURL, .cssSingleQuotedURL, .cssURL:
            switch context.urlPart {
            case .none, .preQuery:
                if context.urlPart == .none { escapers.append("_html_template_urlfilter") }
                let isCSSString = context.state == .cssDoubleQuoted || context.state == .cssSingleQuoted
                escapers.append(isCSSString ? "_html_template_cssescaper" : "_html_template_urlnormalizer")
            case .queryOrFragment:
                escapers.append("_html_template_urlescaper")
            case .unknown:
                return failure(.ambiguousContext, "\(action.goSource) appears in an ambiguous context within a URL", at: action.position)
            }
        case .js:
            escapers.append("_html_template_jsvalescaper")
            // A slash after a value is a division.
            context.jsContext = .divisionOperator
        case .jsDoubleQuoted, .jsSingleQuoted:
            escapers.append("_html_template_jsstrescaper")
        case .jsBackQuoted:
            return failure(.jsTemplateLiteral, "\(action.goSource) appears in a JS template literal", at: action.position)
        case .jsRegexp:
            escapers.append("_html_template_jsregexpescaper")
        case .css:
            escapers.append("_html_template_cssvaluefilter")
        case .text:
            escapers.append("_html_template_htmlescaper")
        case .rcdata:
            escapers.append("_html_template_rcdataescaper")
        case .attribute:
            // Escaped for its delimiter below.
            break
        case .attributeName, .tag:
            context.state = .attributeName
            escapers.append("_html_template_htmlnamefilter")
        case .srcset:
            escapers.append("_html_template_srcsetescaper")
        case .htmlComment, .jsBlockComment, .jsLineComment, .cssBlockComment, .cssLineComment:
            escapers.append("_html_template_commentescaper")
        case .afterName, .beforeValue, .dead:
            preconditionFailure("an action in \(context.state.rawValue)")
        }
        switch context.delimiter {
        case .none:
            // Raw text needs nothing more.
            break
        case .spaceOrTagEnd:
            escapers.append("_html_template_nospaceescaper")
        case .doubleQuote, .singleQuote:
            escapers.append("_html_template_attrescaper")
        }
        actionEdits[ObjectIdentifier(action)] = (action, escapers)
        return context
    }

    // MARK: Branches

    /// Go's `nudge`: where an action in a tag puts it. In `<foo {{.}}` it is an attribute name,
    /// in `<foo bar={{.}}` an unquoted value, in `<foo bar {{.}}` an attribute name.
    static func nudge(_ context: EscapeContext) -> EscapeContext {
        var context = context
        switch context.state {
        case .tag:
            context.state = .attributeName
        case .beforeValue:
            context.state = context.attribute.valueState
            context.delimiter = .spaceOrTagEnd
            context.attribute = .none
        case .afterName:
            context.state = .attributeName
            context.attribute = .none
        default:
            break
        }
        return context
    }

    /// The context after a branch whose ways end in `a` and `b`: an error if they differ in more
    /// than the URL part or the `/` ambiguity (or a nudge away).
    private func join(_ a: EscapeContext, _ b: EscapeContext, at position: SourcePosition?, _ kind: String) -> EscapeContext {
        if a.state == .error { return a }
        if b.state == .error { return b }
        if a.state == .dead { return b }
        if b.state == .dead { return a }
        if a == b { return a }
        var c = a
        c.urlPart = b.urlPart
        if c == b {
            c.urlPart = .unknown
            return c
        }
        c = a
        c.jsContext = b.jsContext
        if c == b {
            c.jsContext = .unknown
            return c
        }
        // A nudged context joins an unnudged one: `<p title={{if .C}}{{.}}{{end}}` ends in an
        // unquoted value though its else branch ends before the value.
        let (nudgedA, nudgedB) = (Self.nudge(a), Self.nudge(b))
        if !(nudgedA == a && nudgedB == b) {
            let joined = join(nudgedA, nudgedB, at: position, kind)
            if joined.state != .error { return joined }
        }
        return failure(.branchEnd, "{{\(kind)}} branches end in different contexts: \(a), \(b)", at: position)
    }

    private mutating func escapeBranch(_ context: EscapeContext, _ branch: BranchNode) -> EscapeContext {
        let kind: String
        switch branch.kind {
        case .if: kind = "if"
        case .range: kind = "range"
        case .with: kind = "with"
        }
        if branch.kind == .range { rangeContext = RangeContext(outer: rangeContext) }
        var body = escapeList(context, branch.list)
        if branch.kind == .range {
            if body.state != .error { body = joinRange(body, rangeContext!) }
            rangeContext = rangeContext!.outer
            if body.state == .error { return body }
            // The body can run many times: running it twice must end as running it once does.
            rangeContext = RangeContext(outer: rangeContext)
            let (again, _) = escapeListConditionally(body, branch.list, filter: nil)
            body = join(body, again, at: branch.position, kind)
            if body.state == .error {
                rangeContext = rangeContext!.outer
                // Say it is the loop's re-entry: developers overlook that way through.
                body.error!.place(at: branch.position, in: template)
                body.error!.message = "on range loop re-entry: " + body.error!.message
                return body
            }
            body = joinRange(body, rangeContext!)
            rangeContext = rangeContext!.outer
            if body.state == .error { return body }
        }
        let otherwise = escapeList(context, branch.elseList)
        return join(body, otherwise, at: branch.position, kind)
    }

    /// Joins the contexts at the loop's breaks and continues into its body's: both go back to
    /// the loop's start, which may then stop.
    private func joinRange(_ body: EscapeContext, _ loop: RangeContext) -> EscapeContext {
        var body = body
        for (jumps, what) in [(loop.breaks, "break"), (loop.continues, "continue")] {
            for jump in jumps {
                body = join(body, jump, at: jump.jump, "range")
                if body.state == .error {
                    body.error!.place(at: jump.jump!, in: template)
                    body.error!.message = "at range loop \(what): " + body.error!.message
                    return body
                }
            }
        }
        return body
    }

    // MARK: Templates

    /// Escapes the template `name` called in `context` and returns its output context and the
    /// name of the template escaped for that context.
    mutating func escapeTree(_ context: EscapeContext, _ name: String, at position: SourcePosition?) -> (EscapeContext, String) {
        let mangled = context.mangle(name)
        called.insert(mangled)
        if let known = output[mangled] { return (known, mangled) }
        let tree: Tree
        if let own = templates.trees[name] ?? derived[name] {
            tree = mangled == name ? own : self.derived(mangled, from: templates.originals[name] ?? own)
        } else if let parent = templates.parent, parent.has(name), let original = parent.original(named: name) {
            // A parent's template is ready for the text context, unless it could not be escaped.
            if mangled == name && parent.failure(of: name) == nil { return (EscapeContext(), name) }
            tree = self.derived(mangled, from: original)
        } else {
            return (failure(.noSuchTemplate, "no such template \(goQuoted(name))", at: position), mangled)
        }
        return (computeOutputContext(context, tree, base: name), mangled)
    }

    /// The copy of a template for a context, made the first time it is needed.
    private mutating func derived(_ name: String, from source: Tree) -> Tree {
        if let existing = templates.trees[name] ?? derived[name] { return existing }
        let copy = source.copy(named: name)
        derived[name] = copy
        return copy
    }

    /// The output context of `tree` started in `context`, assuming first that it ends as it
    /// starts, then as the first pass found (for recursive templates).
    private mutating func computeOutputContext(_ context: EscapeContext, _ tree: Tree, base: String) -> EscapeContext {
        let saved = template
        template = base
        defer { template = saved }
        var (result, kept) = escapeTemplateBody(context, tree)
        if !kept {
            let (second, keptSecond) = escapeTemplateBody(result, tree)
            if keptSecond { (result, kept) = (second, true) }
        }
        if !kept && result.state != .error {
            return failure(.outputContext, "cannot compute output context for template \(tree.name)",
                           at: tree.root.nodes.first?.position)
        }
        return result
    }

    /// Escapes `tree` assuming that it ends in `context` (which recursive calls take as its
    /// output, rather than recurring forever) and returns the output context and whether the
    /// assumption was right.
    private mutating func escapeTemplateBody(_ context: EscapeContext, _ tree: Tree) -> (EscapeContext, Bool) {
        let name = tree.name
        output[name] = context
        return escapeListConditionally(context, tree.root) { inner, result in
            // An error does not update this pass.
            if result.state == .error { return false }
            // Not called recursively, the output is right; else it must be the assumed one.
            return !inner.called.contains(name) || context == result
        }
    }

    // MARK: Text

    /// Follows `text` from `context`, escaping `<` that starts no tag in HTML text and RCDATA
    /// and dropping comments.
    private mutating func escapeText(_ context: EscapeContext, _ node: TextNode) -> EscapeContext {
        let s = ByteView(node.text)
        var context = context
        var output: [UInt8] = []
        var written = 0
        var i = 0
        while i != s.count {
            let (next, consumed) = Transitions.afterText(context, s.dropFirst(i))
            let end = i + consumed
            if context.state == .text || context.state == .rcdata {
                var textEnd = end
                if next.state != context.state {
                    // The text ends where the tag or comment starts.
                    var j = textEnd - 1
                    while j >= i {
                        if s[j] == UInt8(ascii: "<") {
                            textEnd = j
                            break
                        }
                        j -= 1
                    }
                }
                for j in i..<textEnd where s[j] == UInt8(ascii: "<") && !Self.startsDoctype(s, at: j) {
                    output.append(contentsOf: s.slice(written, j).bytes)
                    output.append(contentsOf: "&lt;".utf8)
                    written = j + 1
                }
            } else if context.state.isComment && context.delimiter == .none {
                // A JavaScript comment with a line terminator is one (ECMAScript 5, section 7.4):
                // it keeps `break/*…\n*/label` from taking the label.
                if context.state == .jsBlockComment {
                    output.append(JSEscaping.firstLineTerminator(s.slice(written, end)) != nil ? 0x0A : 0x20)
                } else if context.state == .cssBlockComment {
                    output.append(0x20)
                }
                written = end
            }
            if context.state != next.state && next.state.isComment && next.delimiter == .none {
                // Keep what precedes the comment's start (`<!--`, `/*` or `//`).
                let commentStart = end - (next.state == .htmlComment ? 4 : 2)
                output.append(contentsOf: s.slice(written, commentStart).bytes)
                written = end
            }
            precondition(i != end || context.state != next.state, "no progress from \(context) to \(next)")
            context = next
            i = end
        }
        if written != 0 && context.state != .error {
            if !context.state.isComment || context.delimiter != .none { output.append(contentsOf: s.dropFirst(written).bytes) }
            textEdits[ObjectIdentifier(node)] = (node, output)
        }
        return context
    }

    private static let doctype = Array("<!DOCTYPE".utf8)

    /// Whether `<!DOCTYPE`, in any case, starts at `index`: it is not escaped.
    private static func startsDoctype(_ s: ByteView, at index: Int) -> Bool {
        guard index + doctype.count <= s.count else { return false }
        for (offset, byte) in doctype.enumerated() where s[index + offset] & (s[index + offset].isASCIILetter ? 0xDF : 0xFF) != byte {
            return false
        }
        return true
    }
}

// MARK: Go's source of nodes, for error messages

extension ActionNode {
    /// The action as Go prints it: `{{.X | f}}`.
    var goSource: String { "{{" + pipe.goSource + "}}" }
}

extension PipeNode {
    var goSource: String {
        let declarations = variables.isEmpty ? "" : variables.map(\.name).joined(separator: ", ") + " := "
        return declarations + commands.map { command in
            command.arguments.map { argument in
                if case .pipe(let pipe) = argument { return "(" + pipe.goSource + ")" }
                return argument.goSource
            }.joined(separator: " ")
        }.joined(separator: " | ")
    }
}

extension Argument {
    var goSource: String {
        switch self {
        case .dot: return "."
        case .nil: return "nil"
        case .bool(let value, _): return value ? "true" : "false"
        case .number(let number, _): return number.text
        case .string(let text, _): return goQuoted(text)
        case .function(let function, _): return function.name
        case .field(let members, _): return members.map { "." + $0.name }.joined()
        case .variable(_, let name, let members, _): return name + members.map { "." + $0.name }.joined()
        case .chain(.pipe(let pipe), let members, _): return "(" + pipe.goSource + ")" + members.map { "." + $0.name }.joined()
        case .chain(.function(let function), let members, _): return function.name + members.map { "." + $0.name }.joined()
        case .pipe(let pipe): return pipe.goSource
        }
    }
}
