import Foundation

/// Hugo's plain text of HTML (`.Plain`, `plainify`, its `StripHTML`): new lines become spaces,
/// `</p>` and `<br>` new lines, tags are removed and runs of white space, across tags, kept to their first character.
enum PlainText {
    static func of(_ html: String) -> String {
        guard html.contains(where: { $0 == "<" || $0 == ">" }) else { return html }
        let replaced = html.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "</p>", with: "\n")
            .replacingOccurrences(of: "<br />", with: "\n")
            .replacingOccurrences(of: "<br>", with: "\n")
        var output = ""
        output.reserveCapacity(replaced.utf8.count)
        // Tags are transparent to the runs: `d</th>\n</tr>\n<td>1` is `d 1` in Hugo 0.111.
        var inTag = false, wasSpace = false
        for scalar in replaced.unicodeScalars {
            switch scalar {
            case "<": inTag = true
            case ">": inTag = false
            default:
                guard !inTag else { continue }
                let isSpace = scalar.properties.isWhitespace
                if !isSpace || !wasSpace { output.unicodeScalars.append(scalar) }
                wasSpace = isSpace
            }
        }
        return output
    }
}
