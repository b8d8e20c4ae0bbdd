/// Attributes written in braces after a heading or a code fence's language, as goldmark reads
/// them: `{#id .class .other key=value title="a b" lines=[2, "4-5"] wide=true}`, separated by
/// spaces or commas. Classes add up (`class="class other"`); the order is as written.
public struct MarkdownAttributes: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case list([Value])

        /// The value in an HTML attribute: as written, lists by their elements.
        var text: String {
            switch self {
            case .string(let text): text
            case .int(let number): String(number)
            case .double(let number): String(number)
            case .bool(let flag): String(flag)
            case .list(let values): values.map(\.text).joined(separator: " ")
            }
        }
    }

    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: Value
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public subscript(name: String) -> Value? {
        entries.first { $0.name == name }?.value
    }

    /// Sets `name`; a class is added to the classes already there.
    mutating func set(_ name: String, _ value: Value) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            if name == "class", case .string(let classes) = entries[index].value {
                entries[index].value = .string(classes + " " + value.text)
            } else {
                entries[index].value = value
            }
        } else {
            entries.append(Entry(name: name, value: value))
        }
    }

    /// The attributes as they follow a tag's name: ` id="x" class="a b"`, values escaped.
    var html: String {
        entries.map { " \($0.name)=\"\(HTMLEscaping.escape($0.value.text))\"" }.joined()
    }

    /// The attribute block that ends `text` (white space after it allowed), and the text before it;
    /// nil when `text` does not end in a well-formed block.
    static func trailing(in text: String) -> (attributes: MarkdownAttributes, before: Substring)? {
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "}" else { return nil }
        var search = text.endIndex
        while let open = text[..<search].lastIndex(of: "{") {
            if let (attributes, end) = parse(text[open...]), text[end...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                return (attributes, text[..<open])
            }
            search = open
        }
        return nil
    }

    /// The block at the start of `text` (which starts with `{`) and where it ends.
    static func parse(_ text: Substring) -> (MarkdownAttributes, Substring.Index)? {
        var reader = Reader(text: text, index: text.startIndex)
        guard reader.take("{") else { return nil }
        var attributes = MarkdownAttributes()
        while true {
            reader.skipSpaces()
            if reader.take("}") { return (attributes, reader.index) }
            if reader.take(",") { continue }
            guard let (name, value) = reader.attribute() else { return nil }
            attributes.set(name, value)
        }
    }

    private struct Reader {
        let text: Substring
        var index: Substring.Index

        var current: Character? { index < text.endIndex ? text[index] : nil }

        mutating func advance() { index = text.index(after: index) }

        mutating func take(_ character: Character) -> Bool {
            guard current == character else { return false }
            advance()
            return true
        }

        mutating func skipSpaces() {
            while let character = current, character == " " || character == "\t" || character == "\n" { advance() }
        }

        /// `#id`, `.class` or `name=value`.
        mutating func attribute() -> (String, Value)? {
            if take("#") { return word().map { ("id", .string($0)) } }
            if take(".") { return word().map { ("class", .string($0)) } }
            guard let first = current, first.isLetter || first == "_" || first == ":" else { return nil }
            var name = ""
            while let character = current, character.isLetter || character.isNumber || "_.:-".contains(character) {
                name.append(character)
                advance()
            }
            skipSpaces()
            guard take("=") else { return nil }
            skipSpaces()
            return value().map { (name, $0) }
        }

        /// An id or class name: up to white space, a brace, a comma or the next `#`.
        mutating func word() -> String? {
            var word = ""
            while let character = current, !character.isWhitespace, !"{}#,".contains(character) {
                word.append(character)
                advance()
            }
            return word.isEmpty ? nil : word
        }

        mutating func value() -> Value? {
            switch current {
            case "\"", "'":
                let quote = current!
                advance()
                var string = ""
                while let character = current, character != quote {
                    if character == "\\" {
                        advance()
                        guard let escaped = current else { return nil }
                        string.append(escaped)
                    } else {
                        string.append(character)
                    }
                    advance()
                }
                guard take(quote) else { return nil }
                return .string(string)
            case "[":
                advance()
                var values: [Value] = []
                while true {
                    skipSpaces()
                    if take("]") { return .list(values) }
                    if take(",") { continue }
                    guard let element = value() else { return nil }
                    values.append(element)
                }
            default:
                var bare = ""
                while let character = current, !character.isWhitespace, !"},]".contains(character) {
                    bare.append(character)
                    advance()
                }
                guard !bare.isEmpty else { return nil }
                if bare == "true" || bare == "false" { return .bool(bare == "true") }
                if let number = Int(bare) { return .int(number) }
                if let number = Double(bare) { return .double(number) }
                return .string(bare)
            }
        }
    }
}
