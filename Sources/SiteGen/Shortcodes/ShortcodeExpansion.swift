/// Markdown with its shortcodes expanded, and the HTML that goes back in after cmark.
public struct ShortcodeExpansion: Sendable {
    /// The text for cmark: `{{% %}}` outputs inlined, `{{< >}}` outputs replaced by placeholders.
    public var markdown: String
    /// Placeholder → the HTML to put back after cmark.
    public var placeholders: [String: String]

    public init(markdown: String, placeholders: [String: String]) {
        self.markdown = markdown
        self.placeholders = placeholders
    }

    static let placeholderPrefix = "SGSHORTCODE"

    /// Letters and digits only, so cmark leaves it alone; the closing `X` keeps `…1X` from
    /// matching the start of `…12X`.
    static func placeholder(_ number: Int) -> String {
        "\(placeholderPrefix)\(number)X"
    }

    /// Puts the `{{< >}}` outputs back into the HTML cmark produced. A placeholder that cmark
    /// wrapped alone in a paragraph (`<p>PH</p>`) is replaced without the `<p>`, as Hugo does.
    public func restore(in html: String) -> String {
        substitute(in: html) { placeholders[$0] }
    }

    /// Removes the placeholders from text that is not HTML (the plain text words are counted in).
    public func strip(from text: String) -> String {
        substitute(in: text) { placeholders[$0] == nil ? nil : "" }
    }

    private func substitute(in html: String, _ output: (String) -> String?) -> String {
        guard !placeholders.isEmpty else { return html }
        let bytes = Array(html.utf8)
        let prefix = Array(Self.placeholderPrefix.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while let found = bytes[index...].firstIndex(of: prefix[0]) {
            result += bytes[index..<found]
            index = found
            guard bytes[found...].starts(with: prefix) else {
                result.append(bytes[found])
                index += 1
                continue
            }
            var end = found + prefix.count
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end > found + prefix.count, end < bytes.count, bytes[end] == UInt8(ascii: "X"),
                  let output = output(String(decoding: bytes[found...end], as: UTF8.self)) else {
                result += prefix
                index += prefix.count
                continue
            }
            index = end + 1
            if result.suffix(3).elementsEqual("<p>".utf8) && bytes[index...].starts(with: "</p>".utf8) {
                result.removeLast(3)
                index += 4
            }
            result += output.utf8
        }
        result += bytes[index...]
        return String(decoding: result, as: UTF8.self)
    }
}
