import Foundation

/// Chroma's `LexerState`: at each position the current state's rules are tried in order and the
/// first that matches there emits its tokens and moves the stack; where none matches, one
/// character is an `Error` token (or, at a newline, the stack goes back to the first state).
struct Tokeniser {
    let registry: LexerRegistry
    private let matchers: RegexMatchers
    private let depth = Depth()

    /// How deep lexers are nested in each other's matches; a lexer whose rules lex a match with
    /// itself again and again stops, its text an error token, rather than the process.
    private final class Depth { var value = 0 }
    private static let maximumDepth = 100

    init(registry: LexerRegistry, matchers: RegexMatchers) {
        self.registry = registry
        self.matchers = matchers
    }

    /// The tokens of `text`, next ones of the same type joined as Chroma's `Coalesce` joins them.
    func tokens(of text: String, lexer: Lexer) -> [Token] {
        let text = Self.ensuringLF(text)
        var out: [Token] = []
        tokenise(text, lexer: lexer, state: "root", nested: false, into: &out)
        return Self.coalesced(out)
    }

    /// `ownRulesOnly`: a delegating lexer's own rules, without its root language.
    private func tokenise(_ text: String, lexer: Lexer, state first: String, nested: Bool, ownRulesOnly: Bool = false, into out: inout [Token]) {
        guard depth.value < Self.maximumDepth else {
            out.append(Token(.error, text))
            return
        }
        depth.value += 1
        defer { depth.value -= 1 }
        if !ownRulesOnly, let root = lexer.definition.delegateRoot.flatMap(registry.lexer(for:)) {
            out += delegated(text, language: lexer, root: root, state: first, nested: nested)
            return
        }
        var text = text
        var newlineAdded = false
        if !nested, lexer.definition.ensureNewline, !text.hasSuffix("\n") {
            text += "\n"
            newlineAdded = true
        }
        let string = MatchText(text)
        let length = string.count
        let end = newlineAdded ? length - 1 : length
        var position = 0
        var stack = [first]
        while position < end, let state = stack.last {
            guard let rules = lexer.states[state] else { return }
            var matched: (Lexer.Rule, [Range<Int>?])?
            for rule in rules {
                if let match = matchers.match(rule.pattern, in: string, at: position) {
                    matched = (rule, match)
                    break
                }
            }
            guard let (rule, match) = matched, let whole = match[0] else {
                if string.characters[position] == 0x0A, state != first {
                    stack = [first]
                    continue
                }
                let width = UTF16.isLeadSurrogate(string.characters[position]) && position + 1 < length ? 2 : 1
                out.append(Token(.error, string[position..<(position + width)]))
                position += width
                continue
            }
            let groups = match.map { range in range.map { string[$0] } ?? "" }
            position = whole.upperBound
            if let mutator = rule.mutator { Self.mutate(&stack, mutator, current: state) }
            if let emitter = rule.emitter { emit(emitter, groups, lexer: lexer, into: &out) }
        }
        if position != length, stack.isEmpty {
            out.append(Token(.error, string[position..<length]))
        }
    }

    /// Chroma's `DelegatingLexer`: the text lexed by the inner language; what it leaves as
    /// `Other`, joined, lexed by the root language; the inner tokens put back where they were.
    private func delegated(_ text: String, language: Lexer, root: Lexer, state: String, nested: Bool) -> [Token] {
        var tokens: [Token] = []
        tokenise(text, lexer: language, state: state, nested: nested, ownRulesOnly: true, into: &tokens)
        tokens = Self.coalesced(tokens)
        struct Insertion { var start: Int, end = 0, tokens: [Token] = [] }
        var insertions: [Insertion] = []
        var others = ""
        var offset = 0
        var last: Token?
        for token in tokens {
            if token.type == .other {
                if let last, last.type != .other, !insertions.isEmpty { insertions[insertions.count - 1].end = offset }
                others += token.value
            } else {
                if last == nil || last?.type == .other { insertions.append(Insertion(start: offset)) }
                insertions[insertions.count - 1].tokens.append(token)
            }
            last = token
            offset += token.value.utf16.count
        }
        var rootTokens: [Token] = []
        tokenise(insertions.isEmpty ? text : others, lexer: root, state: "root", nested: nested, into: &rootTokens)
        guard !insertions.isEmpty else { return rootTokens }
        rootTokens = Self.coalesced(rootTokens)
        // Interleaved: a root token that an insertion falls inside is split there.
        var out: [Token] = []
        offset = 0
        var tokenIndex = 0, insertionIndex = 0
        var current: Token? = rootTokens.first
        tokenIndex = current == nil ? 0 : 1
        func nextToken() -> Token? {
            defer { tokenIndex += 1 }
            return tokenIndex < rootTokens.count ? rootTokens[tokenIndex] : nil
        }
        while current != nil || insertionIndex < insertions.count {
            let insertion = insertionIndex < insertions.count ? insertions[insertionIndex] : nil
            if let insertion, current.map({ insertion.start < offset + $0.value.utf16.count }) ?? true {
                if let token = current {
                    let cut = insertion.start - offset
                    let left = String(token.value.utf16.prefix(cut))!, right = String(token.value.utf16.dropFirst(cut))!
                    if !left.isEmpty {
                        out.append(Token(token.type, left))
                        offset += cut
                    }
                    current = right.isEmpty ? nil : Token(token.type, right)
                }
                out += insertion.tokens
                offset += insertion.end - insertion.start
                if current == nil { current = nextToken() }
                insertionIndex += 1
            } else if let token = current {
                out.append(token)
                offset += token.value.utf16.count
                current = nextToken()
            }
        }
        return out
    }

    private static func mutate(_ stack: inout [String], _ mutator: Lexer.Mutator, current: String) {
        switch mutator {
        case .push(let states) where states.isEmpty:
            stack.append(current)
        case .push(let states):
            for state in states {
                if state == "#pop" {
                    if !stack.isEmpty { stack.removeLast() }
                } else {
                    stack.append(state)
                }
            }
        case .pop(let depth):
            stack.removeLast(min(depth, stack.count))
        case .multiple(let all):
            for one in all { mutate(&stack, one, current: current) }
        }
    }

    private func emit(_ emitter: Lexer.Emitter, _ groups: [String], lexer: Lexer, into out: inout [Token]) {
        switch emitter {
        case .token(let type):
            out.append(Token(type, groups[0]))
        case .byGroups(let emitters):
            guard emitters.count == groups.count - 1 else {
                out.append(Token(.error, groups[0]))
                return
            }
            for (emitter, group) in zip(emitters, groups.dropFirst()) {
                if let emitter { emit(emitter, [group], lexer: lexer, into: &out) }
            }
        case .usingSelf(let state):
            tokenise(groups[0], lexer: lexer, state: state, nested: true, into: &out)
        case .using(let name):
            guard let other = registry.lexer(for: name) else { return }
            tokenise(groups[0], lexer: other, state: "root", nested: true, into: &out)
        case .usingByGroup(let nameGroup, let codeGroup, let emitters):
            guard emitters.count == groups.count - 1 else { return }
            let sublexer = registry.lexer(for: groups[nameGroup])
            for (index, group) in groups.dropFirst().enumerated() {
                if index == codeGroup - 1, let sublexer {
                    // Lexed as at the top, not nested (Chroma passes no options).
                    var tokens: [Token] = []
                    tokenise(Self.ensuringLF(group), lexer: sublexer, state: "root", nested: false, into: &tokens)
                    out += tokens
                } else if let emitter = emitters[index] {
                    emit(emitter, [group], lexer: lexer, into: &out)
                }
            }
        case .usingRemapped(let name, let from, let to):
            guard let other = registry.lexer(for: name) else { return }
            var tokens: [Token] = []
            tokenise(groups[0], lexer: other, state: "root", nested: true, into: &tokens)
            out += tokens.map { $0.type == from ? Token(to, $0.value) : $0 }
        }
    }

    /// Chroma's `EnsureLF`: `\r\n` and a lone `\r` are newlines.
    private static func ensuringLF(_ text: String) -> String {
        text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
    }

    /// Empty tokens dropped, and a token joined to the one before it when they are of one type
    /// and the one before is under 8 KiB.
    static func coalesced(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for token in tokens where !token.value.isEmpty {
            if let last = out.last, last.type == token.type, last.value.utf8.count < 8192 {
                out[out.count - 1].value += token.value
            } else {
                out.append(token)
            }
        }
        return out
    }
}
