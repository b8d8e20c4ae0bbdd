/// html/template's HTML escapers (html.go).
enum HTMLEscaping {
    /// For HTML text; typed HTML is left as it is.
    static func escaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        return kind == .html ? text : replacer(text)
    }

    /// For quoted attribute values; typed HTML loses its tags, and its entities are kept.
    static func attributeEscaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        return kind == .html ? normalizingReplacer(stripTags(text)) : replacer(text)
    }

    /// For unquoted attribute values.
    static func unquotedAttributeEscaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        return kind == .html ? unquotedNormalizingReplacer(stripTags(text)) : unquotedReplacer(text)
    }

    /// For the bodies of RCDATA elements (`<textarea>`, `<title>`): typed HTML keeps its entities.
    static func rcdataEscaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        return kind == .html ? normalizingReplacer(text) : replacer(text)
    }

    /// Valid parts of attribute or tag names, or a known-safe attribute (typed `HTMLAttr`).
    static func nameFilter(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        if kind == .htmlAttribute { return text }
        // An empty name would change the structure: in `<input checked {{.K}}={{.V}}>`, `.V`
        // would be the value of `checked`.
        if text.isEmpty { return SafeContent.failsafe }
        let name = text.lowercased()
        // Known attributes are refused too (attribute and element name parts are not told apart).
        if AttributeType(name: name) != .plain { return SafeContent.failsafe }
        guard name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."z").contains($0) }) else {
            return SafeContent.failsafe
        }
        return name
    }

    // MARK: Replacement tables

    /// For text and quoted attributes: NUL becomes U+FFFD, as HTML5 parsers make it.
    private static let replacer = ByteReplacer([
        "\0": "\u{FFFD}", "\"": "&#34;", "&": "&amp;", "'": "&#39;", "+": "&#43;", "<": "&lt;", ">": "&gt;",
    ])

    /// `replacer` without `&`, so that existing entities are not encoded again.
    private static let normalizingReplacer = replacer.keeping(["&"])

    /// The HTML specials, and what ends or breaks unquoted values in browsers (`` ` `` quotes in
    /// IE), and the noncharacters U+FDD0–U+FDEF and U+FFF0–U+FFFF, which IE refuses there.
    private static let unquotedReplacer = ByteReplacer([
        "\0": "&#xfffd;", "\t": "&#9;", "\n": "&#10;", "\u{B}": "&#11;", "\u{C}": "&#12;", "\r": "&#13;", " ": "&#32;",
        "\"": "&#34;", "&": "&amp;", "'": "&#39;", "+": "&#43;", "<": "&lt;", "=": "&#61;", ">": "&gt;", "`": "&#96;",
    ], otherLead: 0xEF) { scalar in
        guard (0xFDD0...0xFDEF).contains(scalar.value) || (0xFFF0...0xFFFF).contains(scalar.value) else { return nil }
        return Array("&#x\(String(scalar.value, radix: 16));".utf8)
    }

    private static let unquotedNormalizingReplacer = unquotedReplacer.keeping(["&"])

    // MARK: Tags

    /// The text content of an HTML snippet: `<b>&iexcl;Hi!</b> <script>…</script>` is
    /// `&iexcl;Hi! `. Following the transitions keeps `<div title="1>2">` and `I <3 Ponies!` whole.
    static func stripTags(_ html: String) -> String {
        let s = ByteView(Array(html.utf8))
        var output: [UInt8] = []
        var context = EscapeContext()
        var i = 0
        var allText = true
        while i != s.count {
            if context.delimiter == .none {
                // Element bodies are RCDATA here, not JavaScript or CSS.
                let (next, consumed) = context.element != .none && !context.state.isInTag
                    ? Transitions.specialTagEnd(context, s.dropFirst(i))
                    : Transitions.transition(context, s.dropFirst(i))
                let end = i + consumed
                if context.state == .text || context.state == .rcdata {
                    // The text up to the start of the tag or comment.
                    var j = end
                    if next.state != context.state {
                        var k = j - 1
                        while k >= i {
                            if s[k] == UInt8(ascii: "<") {
                                j = k
                                break
                            }
                            k -= 1
                        }
                    }
                    output.append(contentsOf: s.slice(i, j).bytes)
                } else {
                    allText = false
                }
                context = next
                i = end
                continue
            }
            guard var end = s.dropFirst(i).firstIndex(where: context.delimiter.isEnd).map({ $0 + i }) else { break }
            if context.delimiter != .spaceOrTagEnd {
                // The quote.
                end += 1
            }
            context = EscapeContext(state: .tag, element: context.element)
            i = end
        }
        if allText { return html }
        if context.state == .text || context.state == .rcdata { output.append(contentsOf: s.dropFirst(i).bytes) }
        return String(decoding: output, as: UTF8.self)
    }
}
