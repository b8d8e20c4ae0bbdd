import Foundation
import Synchronization

/// Chroma's lexers by name, alias and file name, each compiled when first asked for.
public final class LexerRegistry: Sendable {
    public static let shared = LexerRegistry(LexerDefinition.all)

    private let definitions: [LexerDefinition]
    private let byName: [String: Int]
    private let byAlias: [String: Int]
    private let compiled = Mutex<[Int: Result<Lexer, Lexer.DefinitionError>]>([:])
    let matchers = RegexMatcherPool()
    /// Each language asked for and its lexer: an unknown one (or none) is matched against every
    /// lexer's file patterns, which is not work for each code block.
    private let found = Mutex<[String: Int?]>([:])

    init(_ definitions: [LexerDefinition]) {
        self.definitions = definitions
        var byName: [String: Int] = [:], byAlias: [String: Int] = [:]
        // Registered in order, a later lexer taking a name from an earlier one, as in Chroma.
        for (index, definition) in definitions.enumerated() {
            byName[definition.name] = index
            byName[definition.name.lowercased()] = index
            for alias in definition.aliases {
                byAlias[alias] = index
                byAlias[alias.lowercased()] = index
            }
        }
        self.byName = byName
        self.byAlias = byAlias
    }

    /// Chroma's `lexers.Get`: a name, an alias, either lower-cased, then a file extension or name.
    func lexer(for language: String) -> Lexer? {
        guard let index = index(for: language) else { return nil }
        return try? compiledLexer(index).get()
    }

    /// Compiles every lexer, and says why each that does not compile fails (a test runs this).
    public func compilationFailures() -> [String] {
        definitions.indices.compactMap { index in
            guard case .failure(let error) = compiledLexer(index) else { return nil }
            return error.description
        }
    }

    private func index(for language: String) -> Int? {
        if let known = found.withLock({ $0[language] }) { return known }
        let index = lookUp(language)
        found.withLock { $0[language] = index }
        return index
    }

    private func lookUp(_ language: String) -> Int? {
        if let index = byName[language] ?? byAlias[language] ?? byName[language.lowercased()] ?? byAlias[language.lowercased()] {
            return index
        }
        let candidates = [match(filename: "filename." + language), match(filename: language)].compactMap { $0 }
        return candidates.max { priority($0) < priority($1) }.flatMap { best in candidates.first { priority($0) == priority(best) } }
    }

    private func priority(_ index: Int) -> Double {
        definitions[index].priority == 0 ? 1 : definitions[index].priority
    }

    /// Chroma's `Match`: the lexers whose file patterns match, a backup suffix allowed, the one of
    /// highest priority; then the same with their alias patterns.
    private func match(filename: String) -> Int? {
        let base = (filename as NSString).lastPathComponent
        let suffixes = ["", "~", ".bak", ".old", ".orig", ".dpkg-dist", ".dpkg-old", ".ucf-dist", ".ucf-new", ".ucf-old",
                        ".rpmnew", ".rpmorig", ".rpmsave", ".in"]
        for patterns in [\LexerDefinition.filenames, \LexerDefinition.aliasFilenames] {
            let matched = definitions.indices.filter { index in
                definitions[index][keyPath: patterns].contains { glob in
                    suffixes.contains { fnmatch(glob + $0, base, 0) == 0 }
                }
            }
            if let best = matched.max(by: { priority($0) < priority($1) }) {
                return matched.first { priority($0) == priority(best) }
            }
        }
        return nil
    }

    private func compiledLexer(_ index: Int) -> Result<Lexer, Lexer.DefinitionError> {
        if let done = compiled.withLock({ $0[index] }) { return done }
        let result = Result { () throws(Lexer.DefinitionError) in try Lexer(definitions[index]) }
        // Of two threads that compiled the same lexer, both use the first one kept: the matcher
        // pool knows patterns by identity, which a freed lexer's patterns would hand on.
        return compiled.withLock { kept in
            if let first = kept[index] { return first }
            kept[index] = result
            return result
        }
    }
}
