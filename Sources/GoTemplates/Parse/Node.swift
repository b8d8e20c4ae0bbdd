/// Where a node starts in its template's source, for error messages (`file:line:column`).
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A parsed template: Go's `text/template/parse` tree, immutable. Nodes are classes because the
/// html/template escaper keys its edits (escaping functions added to actions, calls renamed to
/// context-specific copies) by node, then rebuilds the trees with the edited nodes replaced. The
/// trees are then executed, concurrently, many times: with nothing in them mutable, the executor
/// reads a node's fields without retaining them, which on nodes every core reads at once was a
/// sixth of a build.
public enum Node: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case branch(BranchNode)
    case template(TemplateCallNode)
    case `break`(SourcePosition)
    case `continue`(SourcePosition)
}

public final class ListNode: Sendable {
    public let nodes: [Node]

    public init(_ nodes: [Node] = []) { self.nodes = nodes }

    /// A copy with nodes of its own, for the escaper's context-specific copies of a template: it
    /// keys its edits by node. What it never edits (pipelines) is shared.
    func copy() -> ListNode { ListNode(nodes.map { $0.copy() }) }
}

/// Literal text between actions, after `{{-`/`-}}` trimming.
public final class TextNode: Sendable {
    public let text: [UInt8]
    public let position: SourcePosition

    public init(_ text: [UInt8], at position: SourcePosition) {
        self.text = text
        self.position = position
    }
}

/// `{{pipeline}}`: its value is printed unless it declares or assigns variables.
public final class ActionNode: Sendable {
    public let pipe: PipeNode
    public let position: SourcePosition

    public init(_ pipe: PipeNode, at position: SourcePosition) {
        self.pipe = pipe
        self.position = position
    }
}

/// `$x := cmd | cmd arg`: declared (or, with `isAssignment`, assigned) variables and the commands.
public final class PipeNode: Sendable {
    public let variables: [VariableName]
    public let isAssignment: Bool
    public let commands: [CommandNode]
    public let position: SourcePosition

    public init(variables: [VariableName] = [], isAssignment: Bool = false, commands: [CommandNode] = [], at position: SourcePosition) {
        self.variables = variables
        self.isAssignment = isAssignment
        self.commands = commands
        self.position = position
    }
}

/// A variable a pipeline declares or assigns, with the slot it was given when parsed.
public struct VariableName: Sendable {
    public let name: String
    /// The variable's index in its template's frame, resolved at parse time.
    public let slot: Int
}

/// One command of a pipeline: a function or method call, or a single operand.
public final class CommandNode: Sendable {
    public let arguments: [Argument]
    public let position: SourcePosition

    public init(_ arguments: [Argument], at position: SourcePosition) {
        self.arguments = arguments
        self.position = position
    }
}

/// An operand of a command.
public indirect enum Argument: Sendable {
    /// `.`
    case dot(SourcePosition)
    case `nil`(SourcePosition)
    case bool(Bool, SourcePosition)
    case number(NumberLiteral, SourcePosition)
    case string(String, SourcePosition)
    /// A function, resolved when parsed.
    case function(FunctionReference, SourcePosition)
    /// `.A.B`: fields or methods of dot.
    case field([Member], SourcePosition)
    /// `$x.A.B`
    case variable(slot: Int, name: String, [Member], SourcePosition)
    /// `(pipeline).A.B`, or a function's result's fields (`strings.TrimPrefix` is `strings`' `TrimPrefix`).
    case chain(ChainBase, [Member], SourcePosition)
    /// `(pipeline)`
    case pipe(PipeNode)

    public var position: SourcePosition {
        switch self {
        case .dot(let p), .nil(let p), .bool(_, let p), .number(_, let p), .string(_, let p),
             .function(_, let p), .field(_, let p), .variable(_, _, _, let p), .chain(_, _, let p):
            return p
        case .pipe(let pipe):
            return pipe.position
        }
    }
}

public enum ChainBase: Sendable {
    case pipe(PipeNode)
    case function(FunctionReference)
}

/// A number as written: Go keeps every interpretation that is exact (`1` is an int and a float).
public struct NumberLiteral: Sendable {
    public let text: String
    public let int: Int?
    public let float: Double?
    /// A character constant (`'a'`): an int that prints as a number.
    public let isCharacter: Bool
    /// Go's ideal constant as an argument: `1.0` and `1e3` are floats, `1`, `0x1P-2`'s ints and `'a'`
    /// ints. Decided once here, not each time the template runs.
    public let isFloat: Bool

    public init(text: String, int: Int?, float: Double?, isCharacter: Bool) {
        self.text = text
        self.int = int
        self.float = float
        self.isCharacter = isCharacter
        isFloat = !isCharacter && float != nil
            && (int == nil || text.contains(where: { ".eEpP".contains($0) }) && !text.lowercased().hasPrefix("0x"))
    }
}

/// `if`, `range` and `with`.
public final class BranchNode: Sendable {
    public enum Kind: Sendable { case `if`, range, with }
    public let kind: Kind
    public let pipe: PipeNode
    public let list: ListNode
    public let elseList: ListNode?
    public let position: SourcePosition

    public init(_ kind: Kind, pipe: PipeNode, list: ListNode, elseList: ListNode?, at position: SourcePosition) {
        self.kind = kind
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
        self.position = position
    }

    func copy() -> BranchNode {
        BranchNode(kind, pipe: pipe, list: list.copy(), elseList: elseList?.copy(), at: position)
    }
}

/// `{{template "name" pipeline}}`; the escaper replaces it with a call of the copy of the
/// template made for the context the call is in.
public final class TemplateCallNode: Sendable {
    public let name: String
    public let pipe: PipeNode?
    public let position: SourcePosition

    public init(name: String, pipe: PipeNode?, at position: SourcePosition) {
        self.name = name
        self.pipe = pipe
        self.position = position
    }

    func copy() -> TemplateCallNode { TemplateCallNode(name: name, pipe: pipe, at: position) }
}

extension Node {
    public var position: SourcePosition {
        switch self {
        case .text(let text): return text.position
        case .action(let action): return action.position
        case .branch(let branch): return branch.position
        case .template(let call): return call.position
        case .break(let position), .continue(let position): return position
        }
    }

    func copy() -> Node {
        switch self {
        case .text(let text): return .text(TextNode(text.text, at: text.position))
        case .action(let action): return .action(ActionNode(action.pipe, at: action.position))
        case .branch(let branch): return .branch(branch.copy())
        case .template(let call): return .template(call.copy())
        case .break, .continue: return self
        }
    }
}
