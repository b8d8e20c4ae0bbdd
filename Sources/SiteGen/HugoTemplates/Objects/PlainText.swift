import Foundation

/// Hugo's plain text of HTML (`.Plain`, `plainify`, its `StripHTML`): new lines become spaces,
/// `</p>` and `<br>` new lines, tags are removed and runs of white space kept to their first.
enum PlainText {
    static func of(_ html: String) -> String {
        guard html.contains(where: { $0 == "<" || $0 == ">" }) else { return html }
        let replaced = html.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "</p>", with: "\n")
            .replacingOccurrences(of: "<br />", with: "\n")
            .replacingOccurrences(of: "<br>", with: "\n")
        var output = ""
        output.reserveCapacity(replaced.utf8.count)
        var inTag = false, isSpace = false, wasSpace = false
        for scalar in replaced.unicodeScalars {
            if !inTag { isSpace = false }
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" {
                inTag = false
            } else {
                if scalar.properties.isWhitespace { isSpace = true }
                if !inTag && (!isSpace || !wasSpace) { output.unicodeScalars.append(scalar) }
            }
            wasSpace = isSpace
        }
        return output
    }
}
