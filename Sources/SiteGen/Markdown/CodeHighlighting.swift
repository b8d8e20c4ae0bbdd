import Highlighting

/// Hugo's `markup.highlight`: code fences (and the `highlight` shortcode and function) coloured by
/// Chroma at build time, with the site's settings under each fence's own options.
public struct CodeHighlighting: Sendable, Hashable {
    /// `codeFences`: whether fenced code is highlighted at all.
    public var codeFences = true
    public var options = HighlightOptions()

    public init() {}

    /// The options Hugo reads, lower-cased, as they may be written in the configuration, a
    /// fence's attributes (`{linenos=table hl_lines=[2,"4-5"]}`) or the shortcode's
    /// (`"linenos=table,hl_lines=2 4-5"`). Hugo 0.111 takes `nohl` and `guesssyntax` off a
    /// fence and leaves its code highlighted; so does SiteGen.
    static let optionNames: Set<String> = [
        "anchorlinenos", "codefences", "guesssyntax", "hl_lines", "hl_inline", "lineanchors", "linenos", "linenostart",
        "linenumbersintable", "noclasses", "nohl", "style", "tabwidth",
    ]

    /// The settings with `overrides` applied in Hugo's way: `linenostart` first, since
    /// `hl_lines` counts from it, then the rest.
    func applying(_ overrides: [(name: String, value: MarkdownAttributes.Value)]) -> CodeHighlighting {
        var result = self
        let named = overrides.map { (name: $0.name.lowercased(), value: $0.value) }.filter { Self.optionNames.contains($0.name) }
        for entry in named where entry.name == "linenostart" {
            result.options.lineNumberStart = Self.int(entry.value) ?? result.options.lineNumberStart
        }
        for entry in named {
            let value = entry.value
            switch entry.name {
            case "codefences": result.codeFences = Self.bool(value) ?? result.codeFences
            case "style": result.options.style = value.text
            case "noclasses": result.options.noClasses = Self.bool(value) ?? result.options.noClasses
            case "tabwidth": result.options.tabWidth = Self.int(value) ?? result.options.tabWidth
            case "anchorlinenos": result.options.anchorLineNumbers = Self.bool(value) ?? result.options.anchorLineNumbers
            case "lineanchors": result.options.lineAnchors = value.text
            case "linenumbersintable": result.options.lineNumbersInTable = Self.bool(value) ?? result.options.lineNumbersInTable
            case "linenos":
                // `table` and `inline` say where the numbers go; anything but false shows them.
                if value.text == "table" || value.text == "inline" { result.options.lineNumbersInTable = value.text == "table" }
                result.options.lineNumbers = Self.bool(value) ?? (value.text != "false")
            case "hl_inline": result.options.inline = Self.bool(value) ?? result.options.inline
            case "hl_lines":
                result.options.highlightedLines = Self.lineRanges(value, start: result.options.lineNumberStart)
            default:
                continue
            }
        }
        return result
    }

    /// Hugo's `hl_lines`: `"2 4-5"` or `[2, "4-5"]`, lines counted from 1 in the code, shown
    /// from `linenostart`.
    private static func lineRanges(_ value: MarkdownAttributes.Value, start: Int) -> [ClosedRange<Int>] {
        let fields: [String]
        if case .list(let elements) = value {
            fields = elements.map(\.text)
        } else {
            fields = value.text.split(separator: " ").map(String.init)
        }
        return fields.compactMap { field in
            let bounds = field.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let first = bounds.first ?? nil else { return nil }
            let last = bounds.count > 1 ? bounds[1] ?? first : first
            return (first + start - 1)...max(first + start - 1, last + start - 1)
        }
    }

    private static func bool(_ value: MarkdownAttributes.Value) -> Bool? {
        switch value {
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .string(let text): ["true", "1", "t", "TRUE", "True", "T"].contains(text) ? true : (["false", "0", "f", "FALSE", "False", "F"].contains(text) ? false : nil)
        default: nil
        }
    }

    private static func int(_ value: MarkdownAttributes.Value) -> Int? {
        switch value {
        case .int(let number): number
        case .double(let number): Int(number)
        case .string(let text): Int(text)
        default: nil
        }
    }

    /// The `highlight` shortcode's and function's options: `"linenos=table,hl_lines=2 4-5"`.
    static func options(_ text: String) -> [(name: String, value: MarkdownAttributes.Value)] {
        text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0].trimmingCharacters(in: .whitespaces)), .string(String(parts[1])))
        }
    }

    /// The code as Hugo writes it: highlighted in a `<div class="highlight">` when Chroma knows
    /// the language, else escaped in Chroma's `<pre>`. A fence's other attributes go on the `<div>`.
    func html(of code: String, language: String, attributes: [(name: String, value: MarkdownAttributes.Value)] = []) -> String {
        let settings = applying(attributes)
        let others = attributes.filter { !Self.optionNames.contains($0.name.lowercased()) }
        let classes = others.filter { $0.name == "class" }.map(\.value.text).joined(separator: " ")
        return Highlighter().html(of: code, language: language, options: settings.options, divClass: classes,
                                  divAttributes: others.filter { $0.name != "class" }.map { ($0.name, $0.value.text) })
    }
}
