/// A shortcode tag as written in a document.
struct ShortcodeTag {
    enum Kind: Equatable {
        case open
        case selfClosing
        case close
        /// `{{</* name */>}}`, which prints `{{< name >}}`.
        case escaped(literal: String)
    }

    var kind: Kind
    var name: String
    var positional: [String] = []
    var named: [String: String] = [:]
    var isMarkdown: Bool
    /// The whole tag, delimiters included, in UTF-8 offsets.
    var range: Range<Int>
    /// An escaped tag inside code, printed as it reads rather than kept from Markdown.
    var isInCode = false
}
