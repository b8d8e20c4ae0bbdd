/// A lexer as Chroma defines it: its names and the files it is for, its regular-expression flags,
/// and its states' rules, read only when the lexer is first used.
struct LexerDefinition: Sendable {
    let name: String
    let aliases: [String]
    let filenames: [String]
    let aliasFilenames: [String]
    let caseInsensitive: Bool
    let dotAll: Bool
    let notMultiline: Bool
    /// A newline is added to text that lacks one, and not written out.
    let ensureNewline: Bool
    let priority: Double
    /// For a language written inside another (Go templates or PHP in HTML): the other's name,
    /// which lexes what this one leaves as `Other` (Chroma's `DelegatingLexer`).
    let delegateRoot: String?
    /// `{"state": [{"pattern": …, "emit": …, "mutate": …}]}`, as scripts/vendor-chroma writes it.
    let rules: String
}
