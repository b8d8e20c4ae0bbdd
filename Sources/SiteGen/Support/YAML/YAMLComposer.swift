/// Builds `Value`s from libyaml's events, without a recursion that a deep document could exhaust. Yams' own
/// composer is not used: it rejects a key written twice, which Hugo accepts (the last value wins), and it replaces
/// each alias by the node it names before anything can count them, so 700 bytes of aliases of aliases grow to
/// gigabytes on the way to `Value`s.
///
/// Here an alias costs the size of the node it names, and a document may produce at most `nodeBudget` nodes in
/// all — like Go's yaml.v3, which Hugo uses, a limit proportional to the input that ordinary anchors and merge keys
/// never reach.
struct YAMLComposer {
    /// Tables and lists nested deeper than this are rejected, so that later passes over the values cannot
    /// exhaust the stack.
    static let maximumNesting = 512
    static let nodesPerInputByte = 100
    static let minimumNodeBudget = 10_000

    /// A finished node, with what a mapping needs to use it as a key.
    private struct Node {
        /// nil for a null, which tables and lists leave out.
        var value: Value?
        /// A scalar's text; only scalars may be keys.
        var scalarText: String?
        /// `<<` written plain: its value's tables are merged into the mapping.
        var isMergeKey = false
        var line: Int
        var column: Int
        /// This node and everything in it, an alias counting as the nodes it stands for.
        var size = 1
    }

    /// A sequence or mapping whose end has not come yet.
    private struct OpenCollection {
        var items: [Value] = []
        var mapping: YAMLMapping?
        var pendingKey: Node?
        var anchor: String?
        var line: Int
        var column: Int
        var size = 1
    }

    private let parser: LibYAMLParser
    private let text: String
    private let file: String
    private let lineOffset: Int
    private let nodeBudget: Int
    private var nodesProduced = 0
    private var anchors: [String: Node] = [:]
    private var open: [OpenCollection] = []
    private var root: Node?
    private(set) var rootKeyLines: [String: Int] = [:]
    private(set) var warnings: [Diagnostic] = []

    /// `text` must not be empty (see `LibYAMLParser`).
    init(_ text: String, file: String, lineOffset: Int) {
        parser = LibYAMLParser(text)
        self.text = text
        self.file = file
        self.lineOffset = lineOffset
        nodeBudget = Self.minimumNodeBudget + Self.nodesPerInputByte * text.utf8.count
    }

    /// The document's root value and where it starts, or nil for an empty document; more than one document is an
    /// error.
    mutating func compose() throws(Diagnostic) -> (value: Value?, line: Int, column: Int)? {
        var documents = 0
        while true {
            let event = try next()
            switch event.kind {
            case .documentStart:
                documents += 1
                if documents > 1 { throw error(at: event.mark, "invalid YAML: found a second document; one is expected here") }
            case .streamEnd:
                return root.map { ($0.value, $0.line, $0.column) }
            case .scalar:
                try add(scalar(event))
            case .alias:
                try add(alias(event))
            case .sequenceStart, .mappingStart:
                try start(event)
            case .collectionEnd:
                try add(finish(open.removeLast()))
            case .other:
                continue
            }
        }
    }

    private func next() throws(Diagnostic) -> LibYAMLEvent {
        switch parser.next() {
        case .success(let event): return event
        case .failure(let failure): throw diagnostic(for: failure)
        }
    }

    private mutating func scalar(_ event: LibYAMLEvent) -> Node {
        let text = event.scalarText
        let node = Node(value: Self.value(of: text, tag: event.scalarTag, plain: event.isPlainScalar), scalarText: text,
                        isMergeKey: text == "<<" && event.isPlainScalar && event.scalarTag == nil,
                        line: event.mark.line, column: event.mark.column)
        nodesProduced += 1
        if let anchor = event.anchor { anchors[anchor] = node }
        return node
    }

    /// The anchored node again, at the alias's place; its size counts against the budget.
    private mutating func alias(_ event: LibYAMLEvent) throws(Diagnostic) -> Node {
        guard let name = event.anchor, var node = anchors[name] else {
            throw error(at: event.mark, "invalid YAML: the alias *\(event.anchor ?? "") names no anchor before it")
        }
        nodesProduced += node.size
        guard nodesProduced <= nodeBudget else {
            throw error(at: event.mark, "invalid YAML: the aliases expand to more than \(nodeBudget) values, far more than this "
                        + "document's size allows (aliases of aliases grow exponentially)")
        }
        node.isMergeKey = false
        (node.line, node.column) = (event.mark.line, event.mark.column)
        return node
    }

    private mutating func start(_ event: LibYAMLEvent) throws(Diagnostic) {
        if let parent = open.last, parent.mapping != nil, parent.pendingKey == nil {
            throw error(at: event.mark, "a key must be a plain value, not a table or a list")
        }
        guard open.count < Self.maximumNesting else {
            throw error(at: event.mark, "invalid YAML: tables and lists may be nested at most \(Self.maximumNesting) deep")
        }
        open.append(OpenCollection(mapping: event.kind == .mappingStart ? YAMLMapping() : nil,
                                   anchor: event.anchor, line: event.mark.line, column: event.mark.column))
    }

    private mutating func finish(_ collection: OpenCollection) -> Node {
        nodesProduced += 1
        let value: Value = collection.mapping.map { .table($0.table) } ?? .array(collection.items)
        let node = Node(value: value, line: collection.line, column: collection.column, size: collection.size)
        if let anchor = collection.anchor { anchors[anchor] = node }
        if open.isEmpty, let mapping = collection.mapping {
            rootKeyLines = mapping.keyLines.mapValues { $0 + 1 + lineOffset }
        }
        return node
    }

    /// Puts a finished node into the collection it is in, or makes it the root.
    private mutating func add(_ node: Node) throws(Diagnostic) {
        guard !open.isEmpty else {
            root = node
            return
        }
        open[open.count - 1].size += node.size
        guard open[open.count - 1].mapping != nil else {
            if let value = node.value { open[open.count - 1].items.append(value) }
            return
        }
        guard let key = open[open.count - 1].pendingKey else {
            guard node.scalarText != nil else { throw error(at: (node.line, node.column), "a key must be a plain value, not a table or a list") }
            open[open.count - 1].pendingKey = node
            return
        }
        open[open.count - 1].pendingKey = nil
        if key.isMergeKey {
            open[open.count - 1].mapping?.merge(node.value)
        } else if let name = key.scalarText,
                  let previousLine = open[open.count - 1].mapping?.set(name, to: node.value, line: key.line) {
            warnings.append(.warning(file, line: key.line + 1 + lineOffset, column: key.column + 1,
                                     "duplicate key `\(name)` (also on line \(previousLine + 1 + lineOffset)): the last value is used, as Hugo does"))
        }
    }

    /// Plain scalars are typed by the YAML 1.2 core schema; quoted and block scalars are strings unless tagged.
    private static func value(of text: String, tag: String?, plain: Bool) -> Value? {
        switch tag {
        case nil: plain ? YAMLCoreSchema.value(ofPlain: text) : .string(text)
        case "tag:yaml.org,2002:null": nil
        case "tag:yaml.org,2002:bool": YAMLCoreSchema.bool(text).map(Value.bool) ?? .string(text)
        case "tag:yaml.org,2002:int": YAMLCoreSchema.integer(text) ?? .string(text)
        case "tag:yaml.org,2002:float": YAMLCoreSchema.float(text).map(Value.double) ?? .string(text)
        case "tag:yaml.org,2002:timestamp": HugoDate.parseKeepingOffset(text).map { Value.date($0.date, offset: $0.offset) } ?? .string(text)
        default: .string(text)
        }
    }

    /// libyaml's lines and columns count from 0.
    private func error(at mark: (line: Int, column: Int), _ message: String) -> Diagnostic {
        .error(file, line: mark.line + 1 + lineOffset, column: mark.column + 1, message)
    }

    private func diagnostic(for failure: LibYAMLParser.Failure) -> Diagnostic {
        let explanation = failure.context.map { "\(failure.problem) (\($0))" } ?? failure.problem
        if let mark = failure.mark { return error(at: mark, "invalid YAML: \(explanation)") }
        if let offset = failure.byteOffset {
            let position = TextPosition(utf8Offset: offset, in: text)
            return .error(file, line: position.line + lineOffset, column: position.column, "invalid YAML: \(explanation)")
        }
        return .error(file, line: lineOffset + 1, "invalid YAML: \(explanation)")
    }
}
