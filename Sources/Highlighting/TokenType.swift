/// Chroma's token types. The number says the family: `LiteralStringDouble` (3108) is in the
/// sub-category `LiteralString` (3100) and the category `Literal` (3000), which a style falls back
/// on when it does not colour the type itself.
public struct TokenType: Hashable, Sendable {
    public let value: Int

    init(_ value: Int) { self.value = value }

    /// The type named as Chroma names it (`LiteralStringDouble`), if there is one.
    public init?(named name: String) {
        guard let value = Self.values[name] else { return nil }
        self.value = value
    }

    public var name: String { Self.names[value] ?? String(value) }

    /// The class Chroma writes for the type (`s2`), when it has one of its own.
    var cssClass: String? { Self.classes[value] }

    var parent: TokenType {
        if value % 100 != 0 { return TokenType(value / 100 * 100) }
        if value % 1000 != 0 { return TokenType(value / 1000 * 1000) }
        return TokenType(0)
    }

    var category: TokenType { TokenType(value / 1000 * 1000) }
    var subCategory: TokenType { TokenType(value / 100 * 100) }

    private static let values = Dictionary(uniqueKeysWithValues: table.map { ($0.name, $0.value) })
    private static let names = Dictionary(uniqueKeysWithValues: table.map { ($0.value, $0.name) })
    private static let classes = Dictionary(uniqueKeysWithValues: table.compactMap { entry in entry.cssClass.map { (entry.value, $0) } })

    /// The types the formatter itself writes.
    static let standard: [TokenType] = table.filter { $0.cssClass != nil }.map { TokenType($0.value) }

    static let background = TokenType(-1), preWrapper = TokenType(-2), line = TokenType(-3)
    static let lineNumbers = TokenType(-4), lineNumbersTable = TokenType(-5), lineHighlight = TokenType(-6)
    static let lineTable = TokenType(-7), lineTableTD = TokenType(-8), lineLink = TokenType(-9), codeLine = TokenType(-10)
    static let error = TokenType(-11), other = TokenType(-12)
    static let text = TokenType(8000)
}

/// A run of source text of one type.
public struct Token: Equatable, Sendable {
    public var type: TokenType
    public var value: String

    public init(_ type: TokenType, _ value: String) {
        self.type = type
        self.value = value
    }
}
