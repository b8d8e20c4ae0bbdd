/// The ASCII bytes the Markdown and shortcode scanners look for; they work on UTF-8 bytes, where
/// these never occur inside a multi-byte character.
extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let backtick = UInt8(ascii: "`")
    static let tilde = UInt8(ascii: "~")
    static let brace = UInt8(ascii: "{")
    static let closingBrace = UInt8(ascii: "}")
    static let less = UInt8(ascii: "<")
    static let percent = UInt8(ascii: "%")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let colon = UInt8(ascii: ":")
}
