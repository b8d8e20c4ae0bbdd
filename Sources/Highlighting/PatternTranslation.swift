/// Chroma's patterns are for regexp2 (the .NET regular expression language, in its RE2
/// compatibility mode); NSRegularExpression runs ICU's. The two differ in a few spellings, which
/// are rewritten here: `(?P<name>…)` and `(?P=name)` groups, a `[` or `&` taken literally inside a
/// set, a `]` first in a set, POSIX classes (`[:alpha:]`, ASCII in RE2 mode) and a `{` that does
/// not begin a repetition, a repeated `\\b`, and verbose (`(?x)`) patterns. regexp2 also leaves
/// out of a set a `\\d` or `\\p{…}` that follows a `\\W` in it, and a `\\d` or `\\w` that follows a
/// `\\D` (so `[^\\W\\d]` matches digits), which Chroma's lexers depend on: so does this. ICU wants a bound on
/// how far a look-behind reaches, which .NET does not: `*` and `+` in one reach 255 characters.
enum PatternTranslation {
    static func icu(_ pattern: String) -> String {
        let characters = Array(verboseRemoved(pattern).unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var inSet = false
        var setStart = 0
        // A `\\W` or `\\D` seen in the current set.
        var setHasNotWord = false, setHasNotDigit = false
        // The group depths at which look-behinds opened, and those of all look-arounds, which are
        // wrapped in a group of their own (.NET lets `(?=x)?` be repeated, ICU only a group).
        var depth = 0
        var lookBehinds: [Int] = [], lookArounds: [Int] = []

        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        func append(_ text: String) { output.append(contentsOf: text.unicodeScalars) }

        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                let next = peek(1)
                if inSet, (setHasNotWord && (next == "d" || next == "p")) || (setHasNotDigit && (next == "d" || next == "w")) {
                    // Left out, as regexp2 leaves it out.
                    index += 2
                    if next == "p", peek(0) == "{" {
                        while index < characters.count, characters[index] != "}" { index += 1 }
                        index += 1
                    } else if next == "p" {
                        index += 1
                    }
                    continue
                }
                if inSet, next == "W" { setHasNotWord = true }
                if inSet, next == "D" { setHasNotDigit = true }
                if !inSet, next == "b" || next == "B", peek(2) == "?" || peek(2) == "*" {
                    // An assertion that may be left out: nothing.
                    index += 3
                    continue
                }
                output.append(character)
                if let next { output.append(next) }
                index += 2
                if next == "p" || next == "P" || next == "x", peek(0) == "{" {
                    // `\p{Lu}`, `\x{41}`: the braces are the escape's.
                    while index < characters.count, characters[index] != "}" {
                        output.append(characters[index])
                        index += 1
                    }
                    if index < characters.count { output.append("}") }
                    index += 1
                }
                continue
            }
            if inSet {
                switch character {
                case "]" where index == setStart:
                    append("\\]")
                case "]":
                    inSet = false
                    output.append(character)
                case "[":
                    if peek(1) == ":", let (posix, length) = posixClass(characters, from: index) {
                        append(posix)
                        index += length
                        continue
                    }
                    append("\\[")
                case "&":
                    append("\\&")
                default:
                    output.append(character)
                }
                index += 1
                continue
            }
            switch character {
            case "[":
                inSet = true
                setHasNotWord = false
                setHasNotDigit = false
                output.append(character)
                index += 1
                if peek(0) == "^" {
                    output.append("^")
                    index += 1
                }
                setStart = index
                continue
            case "(" where peek(1) == "?" && peek(2) == "P" && peek(3) == "<":
                depth += 1
                append("(?<")
                index += 4
                continue
            case "(" where peek(1) == "?" && peek(2) == "<" && (peek(3) == "=" || peek(3) == "!"):
                depth += 1
                lookBehinds.append(depth)
                lookArounds.append(depth)
                append("(?:(")
            case "(" where peek(1) == "?" && (peek(2) == "=" || peek(2) == "!"):
                depth += 1
                lookArounds.append(depth)
                append("(?:(")
            case "(":
                depth += 1
                output.append(character)
            case ")":
                if lookBehinds.last == depth { lookBehinds.removeLast() }
                if lookArounds.last == depth {
                    lookArounds.removeLast()
                    output.append(")")
                }
                depth -= 1
                output.append(character)
            case "*" where !lookBehinds.isEmpty:
                append("{0,255}")
            case "+" where !lookBehinds.isEmpty && index > 0 && !"*+?}".unicodeScalars.contains(characters[index - 1]):
                append("{1,255}")
            case "(" where peek(1) == "?" && peek(2) == "P" && peek(3) == "=":
                // `(?P=name)`: a back-reference.
                var end = index + 4
                while end < characters.count, characters[end] != ")" { end += 1 }
                append("\\k<" + String(String.UnicodeScalarView(characters[(index + 4)..<min(end, characters.count)])) + ">")
                index = end + 1
                continue
            case "{" where !beginsRepetition(characters, at: index):
                append("\\{")
            case "}":
                // A `}` closing a repetition was copied with it.
                append("\\}")
            case "{":
                // A repetition, copied whole.
                while index < characters.count, characters[index] != "}" {
                    output.append(characters[index])
                    index += 1
                }
                output.append("}")
            default:
                output.append(character)
            }
            index += 1
        }
        return String(output)
    }

    /// A pattern that opens with flags holding `x`, without its spaces and `#` comments (which
    /// this translation would otherwise read as pattern) and without the `x`.
    private static func verboseRemoved(_ pattern: String) -> String {
        guard pattern.hasPrefix("(?"), let close = pattern.firstIndex(of: ")") else { return pattern }
        let flags = pattern[pattern.index(pattern.startIndex, offsetBy: 2)..<close]
        guard flags.contains("x"), flags.allSatisfy({ "imsx".contains($0) }) else { return pattern }
        let kept = flags.filter { $0 != "x" }
        var output = kept.isEmpty ? "" : "(?" + kept + ")"
        var inSet = false, inComment = false, escaped = false
        for character in pattern[pattern.index(after: close)...] {
            if inComment {
                if character == "\n" { inComment = false }
                continue
            }
            if escaped {
                output.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true; output.append(character)
            case "[": inSet = true; output.append(character)
            case "]": inSet = false; output.append(character)
            case "#" where !inSet: inComment = true
            case " " where !inSet, "\t" where !inSet, "\n" where !inSet, "\r" where !inSet: continue
            default: output.append(character)
            }
        }
        return output
    }

    /// `{2}`, `{2,}` and `{2,5}`; regexp2 reads anything else, `{,5}` too, as text.
    private static func beginsRepetition(_ characters: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start + 1
        var digits = 0
        while index < characters.count, ("0"..."9").contains(characters[index]) { index += 1; digits += 1 }
        guard digits > 0, index < characters.count else { return false }
        if characters[index] == "}" { return true }
        guard characters[index] == "," else { return false }
        index += 1
        while index < characters.count, ("0"..."9").contains(characters[index]) { index += 1 }
        return index < characters.count && characters[index] == "}"
    }

    /// RE2's POSIX classes are ASCII; ICU's are Unicode properties.
    private static let posixClasses: [String: String] = [
        "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
        "space": "\\t\\n\\x0B\\f\\r ", "blank": "\\t ", "xdigit": "0-9A-Fa-f", "word": "0-9A-Za-z_",
        "punct": "!-/:-@\\[-`{-~", "cntrl": "\\x00-\\x1F\\x7F", "print": " -~", "graph": "!-~", "ascii": "\\x00-\\x7F",
    ]

    private static func posixClass(_ characters: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var end = start + 2
        while end + 1 < characters.count, characters[end] != ":" { end += 1 }
        guard end + 1 < characters.count, characters[end + 1] == "]" else { return nil }
        let name = String(String.UnicodeScalarView(characters[(start + 2)..<end]))
        guard let set = posixClasses[name] else { return nil }
        return (set, end + 2 - start)
    }
}
