/// A template's tree and the size of the variable frame it runs with.
public final class Tree: @unchecked Sendable {
    public let name: String
    /// The file it was parsed from, for errors (a `define` names the file it is in).
    public let file: String
    public let root: ListNode
    /// Variable slots the template needs (`$` is slot 0).
    public let frameSize: Int

    init(name: String, file: String, root: ListNode, frameSize: Int) {
        self.name = name
        self.file = file
        self.root = root
        self.frameSize = frameSize
    }

    /// Only white space and comments: Go lets such a `define` not replace a template.
    public var isEmpty: Bool {
        root.nodes.allSatisfy { node in
            if case .text(let text) = node { return text.text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
            return false
        }
    }

    func copy(named name: String? = nil) -> Tree {
        Tree(name: name ?? self.name, file: file, root: root.copy(), frameSize: frameSize)
    }
}

/// Go's `text/template/parse`: a template's text into trees, the main one (named `name`) and one
/// per `define` and `block`. Functions are resolved here from `functions` (an unknown one is an
/// error at its position) and field names become `Member`s, so nothing is looked up by name when
/// the template runs.
public struct Parser {
    private let tokens: [Token]
    private var index = 0
    private let functions: [String: FunctionReference]
    /// Variables in scope, innermost last; a variable's slot is its index here.
    private var variables = ["$"]
    private var frameSize = 1
    private var rangeDepth = 0
    private var trees: [Tree] = []
    private let file: String

    /// The trees of `text`: the main one first (named `name`), then those it defines. `file`
    /// names the source in errors (the name when nil).
    public static func parse(_ text: String, name: String, file: String? = nil,
                             functions: [String: FunctionReference]) throws(TemplateSyntaxError) -> [Tree] {
        var parser = Parser(tokens: try Lexer.tokens(of: text), functions: functions, file: file ?? name)
        return try parser.parseTemplate(name: name)
    }

    private init(tokens: [Token], functions: [String: FunctionReference], file: String) {
        self.tokens = tokens
        self.functions = functions
        self.file = file
    }

    // MARK: Tokens

    private var peek: Token { tokens[index] }

    private mutating func next() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func peekNonSpace() -> Token {
        while peek.kind == .space { index += 1 }
        return peek
    }

    private mutating func nextNonSpace() -> Token {
        _ = peekNonSpace()
        return next()
    }

    private mutating func expect(_ kind: Token.Kind, _ context: String) throws(TemplateSyntaxError) -> Token {
        let token = nextNonSpace()
        guard token.kind == kind else { throw unexpected(token, context) }
        return token
    }

    private func unexpected(_ token: Token, _ context: String) -> TemplateSyntaxError {
        switch token.kind {
        case .eof: return TemplateSyntaxError("unexpected EOF", at: token.position)
        case .rightDelim: return TemplateSyntaxError("unexpected \"}}\" in \(context)", at: token.position)
        default: return TemplateSyntaxError("unexpected \"\(token.text)\" in \(context)", at: token.position)
        }
    }

    // MARK: Templates

    private mutating func parseTemplate(name: String) throws(TemplateSyntaxError) -> [Tree] {
        var nodes: [Node] = []
        while peek.kind != .eof {
            if peek.kind == .leftDelim, tokens[(index + 1)...].first(where: { $0.kind != .space })?.kind == .keyword(.define) {
                _ = next()
                _ = nextNonSpace()
                try parseDefinition()
                continue
            }
            switch try textOrAction() {
            case .node(let node): nodes.append(node)
            case .end(let token), .else(let token): throw TemplateSyntaxError("unexpected {{\(token.text)}}", at: token.position)
            }
        }
        let main = Tree(name: name, file: file, root: ListNode(nodes), frameSize: frameSize)
        return try Self.merged([main] + trees)
    }

    /// Go's rule within one text: a name defined twice is an error, unless one of the bodies is empty.
    private static func merged(_ trees: [Tree]) throws(TemplateSyntaxError) -> [Tree] {
        var byName: [String: Int] = [:]
        var result: [Tree] = []
        for tree in trees {
            guard let existing = byName[tree.name] else {
                byName[tree.name] = result.count
                result.append(tree)
                continue
            }
            if result[existing].isEmpty {
                result[existing] = tree
            } else if !tree.isEmpty {
                let position = tree.root.nodes.first.map(\.position) ?? SourcePosition(line: 1, column: 1)
                throw TemplateSyntaxError("template: multiple definition of template \"\(tree.name)\"", at: position)
            }
        }
        return result
    }

    /// `{{define "name"}} … {{end}}`: a tree of its own, with its own variables.
    private mutating func parseDefinition() throws(TemplateSyntaxError) {
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, "define clause") }
        let name = try unquote(nameToken)
        _ = try expect(.rightDelim, "define clause")
        let tree = try withNewFrame { parser throws(TemplateSyntaxError) in
            let (list, end) = try parser.itemList(context: "define")
            if case .else(let token) = end { throw TemplateSyntaxError("unexpected {{else}}", at: token.position) }
            return list
        }
        trees.append(Tree(name: name, file: file, root: tree.list, frameSize: tree.frameSize))
    }

    private mutating func withNewFrame(_ body: (inout Parser) throws(TemplateSyntaxError) -> ListNode) throws(TemplateSyntaxError) -> (list: ListNode, frameSize: Int) {
        let saved = (variables, frameSize, rangeDepth)
        variables = ["$"]
        frameSize = 1
        rangeDepth = 0
        defer { (variables, frameSize, rangeDepth) = saved }
        let list = try body(&self)
        return (list, frameSize)
    }

    private enum Item {
        case node(Node)
        /// `{{end}}` (the token) ends the enclosing list.
        case end(Token)
        /// `{{else}}`, with what follows `else` still to read.
        case `else`(Token)
    }

    /// Nodes up to `{{end}}` or `{{else}}`; which one ended the list is returned.
    private mutating func itemList(context: String) throws(TemplateSyntaxError) -> (ListNode, Item) {
        var nodes: [Node] = []
        while true {
            guard peekNonSpace().kind != .eof else { throw TemplateSyntaxError("unexpected EOF in \(context)", at: peek.position) }
            let item = try textOrAction()
            switch item {
            case .node(let node): nodes.append(node)
            case .end, .else: return (ListNode(nodes), item)
            }
        }
    }

    private mutating func textOrAction() throws(TemplateSyntaxError) -> Item {
        let token = next()
        switch token.kind {
        case .text:
            return .node(.text(TextNode(Array(token.text.utf8), at: token.position)))
        case .leftDelim:
            return try action(at: token.position)
        default:
            throw unexpected(token, "input")
        }
    }

    // MARK: Actions

    private mutating func action(at position: SourcePosition) throws(TemplateSyntaxError) -> Item {
        let token = peekNonSpace()
        switch token.kind {
        case .comment:
            _ = next()
            _ = try expect(.rightDelim, "comment")
            return .node(.text(TextNode([], at: position)))
        case .keyword(.block):
            _ = next()
            return .node(try blockControl(at: token.position))
        case .keyword(.break), .keyword(.continue):
            _ = next()
            guard rangeDepth > 0 else { throw TemplateSyntaxError("{{\(token.text)}} outside {{range}}", at: token.position) }
            _ = try expect(.rightDelim, token.text)
            return .node(token.kind == .keyword(.break) ? .break(token.position) : .continue(token.position))
        case .keyword(.else):
            _ = next()
            return .else(token)
        case .keyword(.end):
            _ = next()
            _ = try expect(.rightDelim, "end")
            return .end(token)
        case .keyword(.if):
            _ = next()
            return .node(.branch(try control(.if, at: token.position)))
        case .keyword(.range):
            _ = next()
            return .node(.branch(try control(.range, at: token.position)))
        case .keyword(.with):
            _ = next()
            return .node(.branch(try control(.with, at: token.position)))
        case .keyword(.template):
            _ = next()
            return .node(try templateControl(at: token.position))
        case .keyword(.define):
            throw TemplateSyntaxError("unexpected define: only at the top level", at: token.position)
        default:
            return .node(.action(ActionNode(try pipeline(context: "command", allowsDeclaration: true), at: position)))
        }
    }

    /// `if`, `range` and `with`, with `else`, `else if` and `else with`. Variables declared in
    /// the pipeline or the body go out of scope at `{{end}}`.
    private mutating func control(_ kind: BranchNode.Kind, at position: SourcePosition) throws(TemplateSyntaxError) -> BranchNode {
        let scope = variables.count
        defer { variables.removeLast(variables.count - scope) }
        let context = "\(kind)"
        let pipe = try pipeline(context: context, allowsDeclaration: true, allowsTwoVariables: kind == .range)
        if kind == .range { rangeDepth += 1 }
        let (list, ending) = try itemList(context: context)
        if kind == .range { rangeDepth -= 1 }
        var elseList: ListNode?
        if case .else = ending {
            let next = peekNonSpace()
            if (kind == .if && next.kind == .keyword(.if)) || (kind == .with && next.kind == .keyword(.with)) {
                // `{{else if x}}`: an `if` inside the else list that ends at the same `{{end}}`.
                _ = self.next()
                let nested = try control(kind, at: next.position)
                elseList = ListNode([.branch(nested)])
                return BranchNode(kind, pipe: pipe, list: list, elseList: elseList, at: position)
            }
            _ = try expect(.rightDelim, "else")
            let (otherwise, end) = try itemList(context: context)
            if case .else(let token) = end { throw TemplateSyntaxError("expected end; found {{else}}", at: token.position) }
            elseList = otherwise
        }
        return BranchNode(kind, pipe: pipe, list: list, elseList: elseList, at: position)
    }

    /// `{{block "name" pipeline}} … {{end}}`: defines `name` and calls it.
    private mutating func blockControl(at position: SourcePosition) throws(TemplateSyntaxError) -> Node {
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, "block clause") }
        let name = try unquote(nameToken)
        let pipe = try pipeline(context: "block clause", allowsDeclaration: false)
        let body = try withNewFrame { parser throws(TemplateSyntaxError) in
            let (list, end) = try parser.itemList(context: "block")
            if case .else(let token) = end { throw TemplateSyntaxError("unexpected {{else}}", at: token.position) }
            return list
        }
        trees.append(Tree(name: name, file: file, root: body.list, frameSize: body.frameSize))
        return .template(TemplateCallNode(name: name, pipe: pipe, at: position))
    }

    /// `{{template "name"}}` or `{{template "name" pipeline}}`.
    private mutating func templateControl(at position: SourcePosition) throws(TemplateSyntaxError) -> Node {
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, "template clause") }
        let name = try unquote(nameToken)
        var pipe: PipeNode?
        if peekNonSpace().kind != .rightDelim {
            pipe = try pipeline(context: "template clause", allowsDeclaration: false)
        } else {
            _ = next()
        }
        return .template(TemplateCallNode(name: name, pipe: pipe, at: position))
    }

    // MARK: Pipelines

    /// A pipeline up to `}}` (which is consumed), with its declarations (`$x :=`, `$i, $e :=` in a
    /// range) or assignment (`$x =`).
    private mutating func pipeline(context: String, allowsDeclaration: Bool, allowsTwoVariables: Bool = false,
                                   end: Token.Kind = .rightDelim) throws(TemplateSyntaxError) -> PipeNode {
        let start = peekNonSpace()
        var isAssignment = false, assigned: [VariableName] = [], declared: [Token] = []
        if allowsDeclaration, start.kind == .variable, let found = try declarations(allowsTwo: allowsTwoVariables, context: context) {
            isAssignment = found.isAssignment
            if found.isAssignment { assigned = found.variables } else { declared = found.names }
        }
        var commands: [CommandNode] = []
        while true {
            let token = peekNonSpace()
            if token.kind == end {
                _ = next()
                guard !commands.isEmpty else { throw TemplateSyntaxError("missing value for \(context)", at: token.position) }
                try checkPipeline(commands)
                break
            }
            switch token.kind {
            case .bool, .char, .dot, .field, .identifier, .number, .keyword(.nil), .rawString, .string, .variable, .leftParen:
                commands.append(try command(end: end))
            default:
                throw unexpected(token, context)
            }
        }
        // A declared variable enters scope after its pipeline: `$x := $x | f` reads the outer `$x`,
        // as Go's executor, which finds variables by name when they are used, does.
        for name in declared {
            variables.append(name.text)
            frameSize = max(frameSize, variables.count)
            assigned.append(VariableName(name: name.text, slot: variables.count - 1))
        }
        return PipeNode(variables: assigned, isAssignment: isAssignment, commands: commands, at: start.position)
    }

    /// Reads `$x :=`, `$x =` or `$i, $e :=` if the pipeline starts with them: the variables an
    /// assignment sets (resolved now), or the names a declaration brings into scope after the pipeline.
    private mutating func declarations(allowsTwo: Bool, context: String) throws(TemplateSyntaxError)
        -> (variables: [VariableName], names: [Token], isAssignment: Bool)? {
        let save = index
        let first = nextNonSpace()
        var names = [first]
        var look = peekNonSpace()
        if look.kind == .declare || look.kind == .assign {
            _ = next()
        } else if allowsTwo, look.kind == .comma {
            _ = next()
            let second = nextNonSpace()
            guard second.kind == .variable else { throw TemplateSyntaxError("range can only initialize variables", at: second.position) }
            names.append(second)
            look = nextNonSpace()
            guard look.kind == .declare || look.kind == .assign else { throw unexpected(look, "range") }
        } else {
            index = save
            return nil
        }
        let isAssignment = look.kind == .assign
        guard isAssignment else { return ([], names, false) }
        var assigned: [VariableName] = []
        for name in names {
            guard let slot = variables.lastIndex(of: name.text) else {
                throw TemplateSyntaxError("undefined variable \"\(name.text)\"", at: name.position)
            }
            assigned.append(VariableName(name: name.text, slot: slot))
        }
        return (assigned, names, true)
    }

    /// Go's rule: a command after the first of a pipeline must be something that can take an
    /// argument (a function, method or field chain), not a literal.
    private func checkPipeline(_ commands: [CommandNode]) throws(TemplateSyntaxError) {
        for (stage, command) in commands.enumerated().dropFirst() {
            switch command.arguments[0] {
            case .bool, .dot, .nil, .number, .string:
                throw TemplateSyntaxError("non executable command in pipeline stage \(stage + 1)", at: command.position)
            default:
                continue
            }
        }
    }

    private mutating func command(end: Token.Kind) throws(TemplateSyntaxError) -> CommandNode {
        let start = peekNonSpace()
        var arguments: [Argument] = []
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { arguments.append(operand) }
            let token = next()
            switch token.kind {
            case .space:
                let following = peekNonSpace()
                if following.kind == end || following.kind == .pipe || following.kind == .rightParen {
                    if following.kind == .pipe { _ = next() }
                    guard !arguments.isEmpty else { throw TemplateSyntaxError("empty command", at: start.position) }
                    return CommandNode(arguments, at: start.position)
                }
                continue
            case end, .rightParen:
                index -= 1
            case .pipe:
                break
            default:
                throw TemplateSyntaxError("unexpected \"\(token.text)\" in operand", at: token.position)
            }
            break
        }
        guard !arguments.isEmpty else { throw TemplateSyntaxError("empty command", at: start.position) }
        return CommandNode(arguments, at: start.position)
    }

    /// A term and the fields read from it (`(.A).B`, `$x.Y`, `strings.TrimPrefix`).
    private mutating func operand() throws(TemplateSyntaxError) -> Argument? {
        guard let term = try term() else { return nil }
        guard peek.kind == .field else { return term }
        var members: [Member] = []
        var text = ""
        while peek.kind == .field {
            let field = next()
            members.append(Member(String(field.text.dropFirst())))
            text += field.text
        }
        switch term {
        case .field(let path, let position):
            return .field(path + members, position)
        case .variable(let slot, let name, let path, let position):
            return .variable(slot: slot, name: name, path + members, position)
        case .function(let function, let position):
            // `strings.TrimPrefix` is a function of its own when the host registered it so.
            if let direct = functions[function.name + text] { return .function(direct, position) }
            return .chain(.function(function), members, position)
        case .pipe(let pipe):
            return .chain(.pipe(pipe), members, pipe.position)
        case .dot(let position):
            throw TemplateSyntaxError("unexpected . after term \".\"", at: position)
        case .bool(_, let position), .number(_, let position), .string(_, let position), .nil(let position):
            throw TemplateSyntaxError("unexpected \(text) after term", at: position)
        case .chain:
            return term
        }
    }

    private mutating func term() throws(TemplateSyntaxError) -> Argument? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            if let function = functions[token.text] { return .function(function, token.position) }
            // `strings.TrimPrefix` registered under its full name, with nothing under `strings`.
            if peek.kind == .field, let direct = functions[token.text + peek.text] {
                _ = next()
                return .function(direct, token.position)
            }
            let name = peek.kind == .field ? token.text + peek.text : token.text
            throw TemplateSyntaxError("function \"\(name)\" not defined" + Suggestion.phrase(for: name, among: functions.keys), at: token.position)
        case .dot:
            return .dot(token.position)
        case .keyword(.nil):
            return .nil(token.position)
        case .variable:
            guard let slot = variables.lastIndex(of: token.text) else {
                throw TemplateSyntaxError("undefined variable \"\(token.text)\"", at: token.position)
            }
            return .variable(slot: slot, name: token.text, [], token.position)
        case .field:
            return .field([Member(String(token.text.dropFirst()))], token.position)
        case .bool:
            return .bool(token.text == "true", token.position)
        case .char, .number:
            return .number(try number(token), token.position)
        case .leftParen:
            return .pipe(try pipeline(context: "parenthesized pipeline", allowsDeclaration: false, end: .rightParen))
        case .string, .rawString:
            return .string(try unquote(token), token.position)
        default:
            index -= 1
            return nil
        }
    }

    // MARK: Literals

    private func unquote(_ token: Token) throws(TemplateSyntaxError) -> String {
        guard let value = GoLiteral.unquote(token.text) else {
            throw TemplateSyntaxError("invalid syntax: \(token.text)", at: token.position)
        }
        return value
    }

    private func number(_ token: Token) throws(TemplateSyntaxError) -> NumberLiteral {
        if token.kind == .char {
            guard let scalar = GoLiteral.character(token.text) else {
                throw TemplateSyntaxError("malformed character constant: \(token.text)", at: token.position)
            }
            return NumberLiteral(text: token.text, int: Int(scalar.value), float: Double(scalar.value), isCharacter: true)
        }
        guard let number = GoLiteral.number(token.text) else {
            throw TemplateSyntaxError("bad number syntax: \"\(token.text)\"", at: token.position)
        }
        return number
    }
}
