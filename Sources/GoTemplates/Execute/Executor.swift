/// One run of a template (Go's `text/template` exec.go): walks the tree, writing bytes. Variables
/// live in a frame of slots numbered when the template was parsed, one frame per template call.
final class Executor {
    /// The set `{{template}}` calls look in: the one of the template running.
    @exclusivity(unchecked) var set: TemplateSet
    let host: AnyObject?
    /// The executor's state is not checked for overlapping access at run time: one thread runs
    /// it, and the checks on every append and call were a tenth of a template's time.
    @exclusivity(unchecked) var output: [UInt8] = []
    /// Templates being run, innermost last, with the position of the call into the next one.
    @exclusivity(unchecked) private var calls: [(template: String, position: SourcePosition)] = []
    /// The file of the template being run.
    @exclusivity(unchecked) private var current = ""

    /// Go allows 100,000 nested calls; threads other than the main one have small stacks here.
    static let maximumDepth = 1000

    init(set: TemplateSet, host: AnyObject?) {
        self.set = set
        self.host = host
        output.reserveCapacity(16 * 1024)
    }

    private enum Flow { case normal, breakLoop, continueLoop }

    func run(_ tree: Tree, data: Value) throws(TemplateExecutionError) {
        let saved = current
        current = tree.file
        defer { current = saved }
        var frame = [Value](repeating: .null, count: tree.frameSize)
        frame[0] = data
        do {
            _ = try walk(tree.root, dot: data, frame: &frame)
        } catch let failure as Failure {
            throw TemplateExecutionError(message: failure.message, template: failure.template, position: failure.position,
                                         callers: failure.callers)
        } catch let error as TemplateExecutionError {
            throw error
        } catch {
            throw TemplateExecutionError(message: "\(error)", template: tree.file, position: nil, callers: [])
        }
    }

    /// An error at a node, with the calls that led there.
    struct Failure: Error {
        let message: String
        let template: String
        let position: SourcePosition
        let callers: [(template: String, position: SourcePosition)]
    }

    func fail(_ message: String, at position: SourcePosition) -> Failure {
        Failure(message: message, template: current, position: position, callers: calls.reversed())
    }

    // MARK: Walking

    private func walk(_ list: ListNode, dot: Value, frame: inout [Value]) throws -> Flow {
        for node in list.nodes {
            let flow = try walk(node, dot: dot, frame: &frame)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private func walk(_ node: Node, dot: Value, frame: inout [Value]) throws -> Flow {
        switch node {
        case .text(let text):
            text.text.withUnsafeBufferPointer { output.append(contentsOf: $0) }
        case .action(let action):
            let value = try evaluate(action.pipe, dot: dot, frame: &frame)
            if action.pipe.variables.isEmpty { print(value) }
        case .branch(let branch):
            return try walk(branch, dot: dot, frame: &frame)
        case .template(let call):
            guard let tree = set.tree(named: call.name) else {
                throw fail("no such template \"\(call.name)\"", at: call.position)
            }
            let data = try call.pipe.map { pipe throws in try evaluate(pipe, dot: dot, frame: &frame) } ?? .null
            try callTemplate(tree, data: data, at: call.position)
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        }
        return .normal
    }

    /// Runs `tree` in a frame of its own; called by `{{template}}` and by host functions (`partial`).
    func callTemplate(_ tree: Tree, data: Value, at position: SourcePosition) throws {
        guard calls.count < Self.maximumDepth else { throw fail("exceeded maximum template depth (\(Self.maximumDepth))", at: position) }
        calls.append((current, position))
        let saved = current
        current = tree.file
        defer {
            current = saved
            calls.removeLast()
        }
        var frame = [Value](repeating: .null, count: tree.frameSize)
        frame[0] = data
        _ = try walk(tree.root, dot: data, frame: &frame)
    }

    private func walk(_ branch: BranchNode, dot: Value, frame: inout [Value]) throws -> Flow {
        switch branch.kind {
        case .if:
            let value = try evaluate(branch.pipe, dot: dot, frame: &frame)
            if value.isTrue { return try walk(branch.list, dot: dot, frame: &frame) }
            if let otherwise = branch.elseList { return try walk(otherwise, dot: dot, frame: &frame) }
        case .with:
            let value = try evaluate(branch.pipe, dot: dot, frame: &frame)
            if value.isTrue { return try walk(branch.list, dot: value, frame: &frame) }
            if let otherwise = branch.elseList { return try walk(otherwise, dot: dot, frame: &frame) }
        case .range:
            return try range(branch, dot: dot, frame: &frame)
        }
        return .normal
    }

    private func range(_ branch: BranchNode, dot: Value, frame: inout [Value]) throws -> Flow {
        let pipe = branch.pipe
        let value = try evaluate(pipe, dot: dot, frame: &frame, declares: false)
        let variables = pipe.variables
        func iterate(key: Value, element: Value, frame: inout [Value]) throws -> Bool {
            if variables.count == 1 { frame[variables[0].slot] = element }
            if variables.count == 2 {
                frame[variables[0].slot] = key
                frame[variables[1].slot] = element
            }
            return try walk(branch.list, dot: element, frame: &frame) != .breakLoop
        }
        var ranOnce = false
        switch value {
        case .list(let values):
            for (index, element) in values.enumerated() {
                ranOnce = true
                if try !iterate(key: .int(index), element: element, frame: &frame) { break }
            }
        case .map(let map):
            for (key, element) in map.sorted {
                ranOnce = true
                if try !iterate(key: .string(key), element: element, frame: &frame) { break }
            }
        case .object(let object):
            switch object.elements {
            case .list(let values):
                for (index, element) in values.enumerated() {
                    ranOnce = true
                    if try !iterate(key: .int(index), element: element, frame: &frame) { break }
                }
            case .map(let entries):
                for (key, element) in entries {
                    ranOnce = true
                    if try !iterate(key: .string(key), element: element, frame: &frame) { break }
                }
            case nil:
                throw fail("range can't iterate over \(object.printed)", at: branch.position)
            }
        case .null:
            break
        default:
            throw fail("range can't iterate over \(GoFormat.printed(value))", at: branch.position)
        }
        if !ranOnce, let otherwise = branch.elseList { return try walk(otherwise, dot: dot, frame: &frame) }
        return .normal
    }

    // MARK: Printing

    private func print(_ value: Value) {
        switch value {
        case .string(let text), .safe(let text, _):
            output.append(contentsOf: text.utf8)
        case .null:
            output.append(contentsOf: "<no value>".utf8)
        default:
            output.append(contentsOf: GoFormat.printed(value).utf8)
        }
    }

    // MARK: Pipelines

    func evaluate(_ pipe: PipeNode, dot: Value, frame: inout [Value], declares: Bool = true) throws -> Value {
        var value: Value?
        for index in pipe.commands.indices {
            // Not retained: the tree holds it, and retaining a node every core reads costs more
            // than anything else the executor does.
            value = try Unmanaged.passUnretained(pipe.commands[index])._withUnsafeGuaranteedRef { command in
                try evaluate(command, dot: dot, frame: &frame, final: value)
            }
        }
        let result = value ?? .null
        if declares {
            for variable in pipe.variables { frame[variable.slot] = result }
        }
        return result
    }

    private func evaluate(_ command: CommandNode, dot: Value, frame: inout [Value], final: Value?) throws -> Value {
        let first = command.arguments[0]
        let arguments = command.arguments.dropFirst()
        switch first {
        case .field(let members, let position):
            return try fieldChain(dot, members, arguments: arguments, final: final, dot: dot, frame: &frame, at: position)
        case .chain(let base, let members, let position):
            let receiver: Value
            switch base {
            case .pipe(let pipe): receiver = try evaluate(pipe, dot: dot, frame: &frame, declares: false)
            case .function(let function): receiver = try call(function, [], final: nil, dot: dot, frame: &frame, at: position)
            }
            return try fieldChain(receiver, members, arguments: arguments, final: final, dot: dot, frame: &frame, at: position)
        case .function(let function, let position):
            return try call(function, arguments, final: final, dot: dot, frame: &frame, at: position)
        case .variable(let slot, let name, let members, let position):
            if members.isEmpty {
                guard arguments.isEmpty, final == nil else { throw fail("can't give argument to non-function \(name)", at: position) }
                return frame[slot]
            }
            return try fieldChain(frame[slot], members, arguments: arguments, final: final, dot: dot, frame: &frame, at: position)
        case .pipe(let pipe):
            guard arguments.isEmpty, final == nil else { throw fail("can't give argument to non-function", at: pipe.position) }
            return try evaluate(pipe, dot: dot, frame: &frame, declares: false)
        case .nil(let position):
            throw fail("nil is not a command", at: position)
        case .dot(let position), .bool(_, let position), .number(_, let position), .string(_, let position):
            guard arguments.isEmpty, final == nil else { throw fail("can't give argument to non-function \(describe(first))", at: position) }
            return try argument(first, dot: dot, frame: &frame)
        }
    }

    private func describe(_ argument: Argument) -> String {
        switch argument {
        case .dot: return "."
        case .bool(let value, _): return value ? "true" : "false"
        case .number(let number, _): return number.text
        case .string(let text, _): return GoFormat.sprintf("%q", [.string(text)])
        default: return "operand"
        }
    }

    /// The value of an argument of a call.
    private func argument(_ argument: Argument, dot: Value, frame: inout [Value]) throws -> Value {
        switch argument {
        case .dot: return dot
        case .nil: return .null
        case .bool(let value, _): return .bool(value)
        case .string(let text, _): return .string(text)
        case .number(let number, let position):
            if number.isFloat, let float = number.float { return .float(float) }
            guard let int = number.int else { throw fail("number \(number.text) does not fit", at: position) }
            return .int(int)
        case .field(let members, let position):
            return try fieldChain(dot, members, arguments: [], final: nil, dot: dot, frame: &frame, at: position)
        case .variable(let slot, _, let members, let position):
            if members.isEmpty { return frame[slot] }
            return try fieldChain(frame[slot], members, arguments: [], final: nil, dot: dot, frame: &frame, at: position)
        case .function(let function, let position):
            return try call(function, [], final: nil, dot: dot, frame: &frame, at: position)
        case .chain(let base, let members, let position):
            let receiver: Value
            switch base {
            case .pipe(let pipe): receiver = try evaluate(pipe, dot: dot, frame: &frame, declares: false)
            case .function(let function): receiver = try call(function, [], final: nil, dot: dot, frame: &frame, at: position)
            }
            return try fieldChain(receiver, members, arguments: [], final: nil, dot: dot, frame: &frame, at: position)
        case .pipe(let pipe):
            return try evaluate(pipe, dot: dot, frame: &frame, declares: false)
        }
    }

    private func arguments(_ nodes: ArraySlice<Argument>, final: Value?, dot: Value, frame: inout [Value]) throws -> [Value] {
        // Most field accesses have no arguments: no array to allocate.
        if nodes.isEmpty && final == nil { return [] }
        var values: [Value] = []
        values.reserveCapacity(nodes.count + 1)
        for node in nodes { values.append(try argument(node, dot: dot, frame: &frame)) }
        if let final { values.append(final) }
        return values
    }

    // MARK: Fields and calls

    /// `receiver.A.B args…`: the arguments go to the last member.
    private func fieldChain(_ receiver: Value, _ members: [Member], arguments nodes: ArraySlice<Argument>, final: Value?,
                            dot: Value, frame: inout [Value], at position: SourcePosition) throws -> Value {
        // One member is the common case (`.Title`): the receiver is not copied for it.
        if members.count == 1 { return try field(receiver, members[0], try arguments(nodes, final: final, dot: dot, frame: &frame), at: position) }
        var value = receiver
        for index in 0..<members.count - 1 {
            value = try field(value, members[index], [], at: position)
        }
        return try field(value, members[members.count - 1], try arguments(nodes, final: final, dot: dot, frame: &frame), at: position)
    }

    private func field(_ receiver: Value, _ member: Member, _ arguments: [Value], at position: SourcePosition) throws -> Value {
        switch receiver {
        case .object(let object):
            do {
                if let value = try object.value(of: member, arguments: arguments, context: CallContext(executor: self, position: position)) {
                    return value
                }
            } catch let failure as Failure {
                throw failure
            } catch let early as TemplateReturn {
                throw early
            } catch {
                throw fail("error calling \(member.name): \(error)", at: position)
            }
            throw fail("can't evaluate field \(member.name) in type \(object.typeName)" + Suggestion.phrase(for: member.name, among: object.memberNames),
                       at: position)
        case .map(let map):
            guard arguments.isEmpty else { throw fail("\(member.name) is not a method but has arguments", at: position) }
            return map[member] ?? .null
        case .null:
            // A missing map key's fields are missing too (Go returns the zero value).
            return .null
        default:
            throw fail("can't evaluate field \(member.name) in type \(receiver.goTypeName)", at: position)
        }
    }

    private func call(_ function: FunctionReference, _ nodes: ArraySlice<Argument>, final: Value?,
                      dot: Value, frame: inout [Value], at position: SourcePosition) throws -> Value {
        if let special = function.special {
            // `and` and `or` stop at the first argument that decides (Go 1.18).
            let count = nodes.count + (final == nil ? 0 : 1)
            guard count > 0 else { throw fail("wrong number of args for \(function.name): want at least 1 got 0", at: position) }
            var evaluated = 0
            for node in nodes {
                let value = try argument(node, dot: dot, frame: &frame)
                evaluated += 1
                if evaluated == count || value.isTrue == (special == .or) { return value }
            }
            return final ?? .null
        }
        let values = try arguments(nodes, final: final, dot: dot, frame: &frame)
        do {
            return try function.body(values, CallContext(executor: self, position: position))
        } catch let failure as Failure {
            throw failure
        } catch let early as TemplateReturn {
            throw early
        } catch {
            throw fail("error calling \(function.name): \(error)", at: position)
        }
    }
}

/// What a function or member gets besides its arguments: the running template, for the functions
/// that run other templates (`partial`) or need the host's state.
public struct CallContext {
    /// Not retained: a context lives only as long as the call it is passed to, inside the
    /// executor's own run (a retain and release on every field access and call, otherwise).
    unowned(unsafe) let executor: Executor
    /// Where the call is, for errors.
    public let position: SourcePosition

    /// What the host passed to `execute`.
    public var host: AnyObject? { executor.host }
    public var templates: TemplateSet { executor.set }

    /// Runs `tree` of `set` with `data` as dot into a string of its own (Hugo's `partial`), as a
    /// call from this template: errors in it name this call as their caller. A `TemplateReturn`
    /// thrown inside ends it early with its value (Hugo's `return`).
    public func render(_ tree: Tree, data: Value, in set: TemplateSet) throws -> (text: String, returned: Value?) {
        if let failure = set.failure(of: tree.name) {
            throw executor.fail("\(set.file(of: failure.template)):\(failure.position.map { "\($0):" } ?? "") \(failure.message)", at: position)
        }
        let (savedOutput, savedSet) = (executor.output, executor.set)
        executor.output = []
        executor.set = set
        defer { (executor.output, executor.set) = (savedOutput, savedSet) }
        do {
            try executor.callTemplate(tree, data: data, at: position)
        } catch let early as TemplateReturn {
            return ("", early.value)
        }
        return (String(decoding: executor.output, as: UTF8.self), nil)
    }
}

/// Thrown by a host's `return` function to end the template it is in with a value.
public struct TemplateReturn: Error {
    public let value: Value

    public init(_ value: Value) { self.value = value }
}
