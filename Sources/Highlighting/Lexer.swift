import Foundation

/// A Chroma lexer, compiled: each state's rules with their regular expressions, the states it
/// includes spliced in, as Chroma's `RegexLexer` compiles them.
final class Lexer: Sendable {
    let definition: LexerDefinition
    let states: [String: [Rule]]

    struct Rule: Sendable {
        let pattern: RegexPattern
        let emitter: Emitter?
        let mutator: Mutator?
    }

    indirect enum Emitter: Sendable {
        case token(TokenType)
        /// One emitter for each group; none for a group that is left out.
        case byGroups([Emitter?])
        /// The match, lexed from the given state of this lexer.
        case usingSelf(String)
        /// The match, lexed by another lexer.
        case using(String)
        /// The code group lexed by the lexer the name group names.
        case usingByGroup(nameGroup: Int, codeGroup: Int, [Emitter?])
        /// The match, lexed by another lexer whose tokens of one type are given another (Go's raw strings).
        case usingRemapped(String, from: TokenType, to: TokenType)
    }

    indirect enum Mutator: Sendable {
        /// The states, in order (`#pop` pops one); none pushes the current state again.
        case push([String])
        case pop(Int)
        case multiple([Mutator])
    }

    struct DefinitionError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ definition: LexerDefinition) throws(DefinitionError) {
        self.definition = definition
        guard let json = try? JSONSerialization.jsonObject(with: Data(definition.rules.utf8)) as? [String: [[String: Any]]] else {
            throw DefinitionError(description: "\(definition.name): its rules are not readable")
        }
        var flags = ""
        if !definition.notMultiline { flags += "m" }
        if definition.caseInsensitive { flags += "i" }
        if definition.dotAll { flags += "s" }
        var compiled: [String: [Rule]] = [:]
        var expanding: Set<String> = []

        func compile(_ state: String) throws(DefinitionError) -> [Rule] {
            if let done = compiled[state] { return done }
            guard let rules = json[state] else { throw DefinitionError(description: "\(definition.name): no state '\(state)'") }
            guard expanding.insert(state).inserted else {
                throw DefinitionError(description: "\(definition.name): state '\(state)' includes itself")
            }
            var out: [Rule] = []
            for rule in rules {
                let mutate = rule["mutate"] as? [String: Any]
                if let included = mutate?["include"] as? String {
                    out += try compile(included)
                    continue
                }
                var mutator: Mutator?
                if let combined = mutate?["combined"] as? [String] {
                    // A state made of the states' rules, pushed.
                    let name = "__combined_" + combined.joined(separator: "__")
                    if compiled[name] == nil {
                        var rules: [Rule] = []
                        for part in combined { rules += try compile(part) }
                        compiled[name] = rules
                    }
                    mutator = .push([name])
                } else if let mutate {
                    mutator = try Self.mutator(mutate, in: definition)
                }
                let pattern = "(?" + flags + ")(?:" + PatternTranslation.icu(rule["pattern"] as? String ?? "") + ")"
                guard let compiled = RegexPattern(flags.isEmpty ? String(pattern.dropFirst(3)) : pattern) else {
                    throw DefinitionError(description: "\(definition.name): state '\(state)': cannot compile \(rule["pattern"] ?? "")")
                }
                out.append(Rule(pattern: compiled, emitter: try (rule["emit"] as? [String: Any]).map { e throws(DefinitionError) in try Self.emitter(e, in: definition) }, mutator: mutator))
            }
            expanding.remove(state)
            compiled[state] = out
            return out
        }
        for state in json.keys { _ = try compile(state) }
        states = compiled
    }

    private static func emitter(_ json: [String: Any], in definition: LexerDefinition) throws(DefinitionError) -> Emitter {
        func type(_ name: Any?) throws(DefinitionError) -> TokenType {
            guard let name = name as? String, let type = TokenType(named: name) else {
                throw DefinitionError(description: "\(definition.name): no token type \(name ?? "")")
            }
            return type
        }
        func list(_ value: Any?) throws(DefinitionError) -> [Emitter?] {
            var out: [Emitter?] = []
            for element in value as? [Any] ?? [] {
                out.append(try (element as? [String: Any]).map { e throws(DefinitionError) in try emitter(e, in: definition) })
            }
            return out
        }
        if let name = json["token"] { return .token(try type(name)) }
        if let groups = json["bygroups"] { return .byGroups(try list(groups)) }
        if let state = json["usingself"] as? String { return .usingSelf(state) }
        if let lexer = json["using"] as? String { return .using(lexer) }
        if let by = json["usingbygroup"] as? [String: Any], let name = by["name"] as? Int, let code = by["code"] as? Int {
            return .usingByGroup(nameGroup: name, codeGroup: code, try list(by["emitters"]))
        }
        if let remapped = json["usingremapped"] as? [String], remapped.count == 3 {
            return .usingRemapped(remapped[0], from: try type(remapped[1]), to: try type(remapped[2]))
        }
        throw DefinitionError(description: "\(definition.name): unknown emitter \(json.keys.sorted())")
    }

    private static func mutator(_ json: [String: Any], in definition: LexerDefinition) throws(DefinitionError) -> Mutator {
        if let states = json["push"] as? [String] { return .push(states) }
        if let depth = json["pop"] as? Int { return .pop(depth) }
        if let all = json["multiple"] as? [[String: Any]] {
            var out: [Mutator] = []
            for one in all { out.append(try mutator(one, in: definition)) }
            return .multiple(out)
        }
        throw DefinitionError(description: "\(definition.name): unknown mutator \(json.keys.sorted())")
    }
}
