import Foundation
import GoTemplates
import Synchronization

/// A Go (RE2) regular expression, run by ICU: the pattern is translated to ICU's syntax so that it
/// matches what Go's would. `\d`, `\w`, `\s`, `\b` and the POSIX classes are ASCII-only, `$`
/// without `(?m)` is the end of the text, only `\n` ends a line, `(?U)` swaps greediness, and what
/// RE2 refuses (backreferences, lookarounds, possessive repetitions) is refused. Matches are found
/// as Go's `FindAll…` finds them: an empty match right after a match is skipped.
struct GoRegex: Sendable {
    private let expression: NSRegularExpression
    /// The name of each group (`(?P<name>…)`), "" for unnamed ones; index 0 is the whole match.
    private let groupNames: [String]

    /// A compiled pattern, shared by every use of it in a build.
    static func compiled(_ pattern: String) throws -> GoRegex {
        if let cached = cache.withLock({ $0[pattern] }) { return cached }
        let regex = try GoRegex(pattern)
        cache.withLock { $0[pattern] = regex }
        return regex
    }

    private static let cache = Mutex<[String: GoRegex]>([:])

    init(_ pattern: String) throws {
        var translator = Translator(pattern)
        let translated = try translator.translate()
        do {
            expression = try NSRegularExpression(pattern: translated, options: [.useUnixLineSeparators])
        } catch {
            throw TemplateFailure("error parsing regexp: invalid or unsupported syntax: `\(pattern)`")
        }
        groupNames = translator.groupNames
    }

    /// Each match: the ranges of the whole match and of each group (nil for a group that did not
    /// take part), at most `limit` of them when `limit` is not negative.
    func matches(in text: String, limit: Int = -1) -> [[Range<String.Index>?]] {
        guard limit != 0 else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        var results: [[Range<String.Index>?]] = []
        var previousEnd = -1
        for match in expression.matches(in: text, range: whole) {
            let range = match.range
            defer { previousEnd = range.location + range.length }
            if range.length == 0, range.location == previousEnd { continue }
            results.append((0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text) })
            if results.count == limit { break }
        }
        return results
    }

    /// Go's `FindAllString`.
    func findAll(in text: String, limit: Int = -1) -> [String] {
        matches(in: text, limit: limit).map { String(text[$0[0]!]) }
    }

    /// Go's `FindAllStringSubmatch`: "" for groups that did not take part.
    func findAllSubmatches(in text: String, limit: Int = -1) -> [[String]] {
        matches(in: text, limit: limit).map { groups in groups.map { $0.map { String(text[$0]) } ?? "" } }
    }

    /// Go's `ReplaceAllStringFunc`.
    func replaceAll(in text: String, with replacement: (Substring) -> String) -> String {
        var output = ""
        var copied = text.startIndex
        for groups in matches(in: text) {
            let range = groups[0]!
            output += text[copied..<range.lowerBound]
            output += replacement(text[range])
            copied = range.upperBound
        }
        return output + text[copied...]
    }

    /// Go's `ReplaceAllString`: `template` with `$1`, `${1}`, `$name` and `${name}` expanded, `$$`
    /// as `$`.
    func replaceAll(in text: String, template: String) -> String {
        var output = ""
        var copied = text.startIndex
        for groups in matches(in: text) {
            output += text[copied..<groups[0]!.lowerBound]
            output += expand(template, groups, in: text)
            copied = groups[0]!.upperBound
        }
        return output + text[copied...]
    }

    /// Go's `Regexp.expand`.
    private func expand(_ template: String, _ groups: [Range<String.Index>?], in text: String) -> String {
        var output = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                output += "$"
                rest = rest.dropFirst()
                continue
            }
            guard let (name, remainder) = Self.reference(in: rest) else {
                output += "$"
                continue
            }
            rest = remainder
            if let group = groupIndex(name), group < groups.count, let range = groups[group] {
                output += text[range]
            }
        }
        return output + rest
    }

    /// Go's `extract`: the group name or number after a `$`, and what follows it.
    private static func reference(in text: Substring) -> (String, Substring)? {
        let braced = text.first == "{"
        let body = braced ? text.dropFirst() : text
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty else { return nil }
        var rest = body[name.endIndex...]
        if braced {
            guard rest.first == "}" else { return nil }
            rest = rest.dropFirst()
        }
        return (String(name), rest)
    }

    /// A number without leading zeros is a group's index; anything else is a group's name.
    private func groupIndex(_ name: String) -> Int? {
        if name.allSatisfy(\.isASCIIDigit), name.count < 9, name == "0" || !name.hasPrefix("0") { return Int(name) }
        return groupNames.firstIndex(of: name)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// RE2 syntax to ICU syntax.
private struct Translator {
    private let pattern: [Character]
    private var position = 0
    private var output = ""
    /// Flags in force: a frame per open group, so that `(?m)` inside a group ends with it.
    private var flags: [(multiline: Bool, ungreedy: Bool)] = [(false, false)]
    private(set) var groupNames = [""]
    /// Whether the last item can take a repetition (Go refuses `**` and a leading `*`).
    private var canRepeat = false

    init(_ pattern: String) {
        self.pattern = Array(pattern)
    }

    mutating func translate() throws -> String {
        while position < pattern.count {
            let character = pattern[position]
            position += 1
            switch character {
            case "\\": try translateEscape()
            case "[": try translateClass()
            case "(": try openGroup()
            case ")": try closeGroup()
            case "*", "+", "?": try repeatLast(String(character))
            case "{": try translateBrace()
            case "$":
                output += flags.last!.multiline ? "$" : "\\z"
                canRepeat = false
            case "^", "|":
                output.append(character)
                canRepeat = false
            case ".":
                output += "."
                canRepeat = true
            default:
                output += Self.literal(character)
                canRepeat = true
            }
        }
        guard flags.count == 1 else { throw failure("missing closing )", String(pattern)) }
        // ICU refuses an empty pattern, which matches everywhere.
        return output.isEmpty ? "(?:)" : output
    }

    private func failure(_ description: String, _ fragment: String) -> TemplateFailure {
        TemplateFailure("error parsing regexp: \(description): `\(fragment)`")
    }

    /// A character matched as itself: letters and digits as they are, anything else escaped.
    private static func literal(_ character: Character) -> String {
        if character.isLetter || character.isNumber || character == " " { return String(character) }
        return character.unicodeScalars.map { "\\x{\(String($0.value, radix: 16))}" }.joined()
    }

    // MARK: Escapes

    private static let classEscapes: [Character: String] = [
        "d": "0-9", "s": "\\t\\n\\f\\r ", "w": "0-9A-Za-z_",
    ]

    private mutating func translateEscape() throws {
        guard position < pattern.count else { throw failure("trailing backslash at end of expression", "") }
        let character = pattern[position]
        position += 1
        canRepeat = true
        switch character {
        case "d", "s", "w": output += "[\(Self.classEscapes[character]!)]"
        case "D", "S", "W": output += "[^\(Self.classEscapes[Character(character.lowercased())]!)]"
        case "b":
            output += "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))"
            canRepeat = false
        case "B":
            output += "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))"
            canRepeat = false
        case "A", "z":
            output += "\\" + String(character)
            canRepeat = false
        case "p", "P": output += "\\" + String(character) + unicodeClassName()
        case "Q": translateQuoted()
        case "0"..."7": output += try octal(character)
        case "x", "a", "f", "t", "n", "r", "v": output += "\\" + String(character) + hexDigits(after: character)
        default:
            guard !(character.isLetter || character.isNumber) else { throw failure("invalid escape sequence", "\\\(character)") }
            output += Self.literal(character)
        }
    }

    /// `\pL` or `\p{Greek}`: passed through.
    private mutating func unicodeClassName() -> String {
        guard position < pattern.count else { return "" }
        if pattern[position] != "{" {
            position += 1
            return String(pattern[position - 1])
        }
        let start = position
        while position < pattern.count, pattern[position] != "}" { position += 1 }
        position = min(position + 1, pattern.count)
        return String(pattern[start..<position])
    }

    /// `\Q…\E`: literal text.
    private mutating func translateQuoted() {
        while position < pattern.count {
            if pattern[position] == "\\", position + 1 < pattern.count, pattern[position + 1] == "E" {
                position += 2
                return
            }
            output += Self.literal(pattern[position])
            position += 1
        }
    }

    /// `\0`, `\012`: up to three octal digits. A lone `\1`…`\7` would be a backreference, which
    /// RE2 does not have.
    private mutating func octal(_ first: Character) throws -> String {
        var digits = String(first)
        while digits.count < 3, position < pattern.count, ("0"..."7").contains(pattern[position]) {
            digits.append(pattern[position])
            position += 1
        }
        guard first == "0" || digits.count > 1 else { throw failure("invalid escape sequence", "\\\(first)") }
        return "\\x{\(String(Int(digits, radix: 8)!, radix: 16))}"
    }

    /// The digits of `\x41` or `\x{263a}`, copied as they are.
    private mutating func hexDigits(after escape: Character) -> String {
        guard escape == "x", position < pattern.count else { return "" }
        let start = position
        if pattern[position] == "{" {
            while position < pattern.count, pattern[position] != "}" { position += 1 }
            position = min(position + 1, pattern.count)
        } else {
            position = min(position + 2, pattern.count)
        }
        return String(pattern[start..<position])
    }

    // MARK: Classes

    private static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7f}", "blank": "\\t ",
        "cntrl": "\\x{0}-\\x{1f}\\x{7f}", "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~",
        "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x{b}\\f\\r ", "upper": "A-Z", "word": "0-9A-Za-z_",
        "xdigit": "0-9A-Fa-f",
    ]

    /// `[…]`: rebuilt item by item, every literal escaped, since ICU gives `[`, `&`, `-` and `{`
    /// meanings inside a class that RE2 does not.
    private mutating func translateClass() throws {
        let start = position - 1
        var translated = "["
        if position < pattern.count, pattern[position] == "^" {
            translated += "^"
            position += 1
        }
        var first = true
        while true {
            guard position < pattern.count else { throw failure("missing closing ]", String(pattern[start...])) }
            let character = pattern[position]
            if character == "]", !first { break }
            first = false
            if character == "[", position + 1 < pattern.count, pattern[position + 1] == ":",
               let posix = posixClass() {
                translated += posix
                continue
            }
            let (low, isCharacter) = try classCharacter()
            if isCharacter, position + 1 < pattern.count, pattern[position] == "-", pattern[position + 1] != "]" {
                position += 1
                translated += low + "-" + (try classCharacter()).text
            } else {
                translated += low
            }
        }
        position += 1
        output += translated + "]"
        canRepeat = true
    }

    /// `[:alpha:]` or `[:^alpha:]` inside a class, as ICU items.
    private mutating func posixClass() -> String? {
        guard let end = (position + 2..<pattern.count).first(where: { pattern[$0] == ":" }),
              end + 1 < pattern.count, pattern[end + 1] == "]" else { return nil }
        var name = String(pattern[(position + 2)..<end])
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        guard let ranges = Self.posixClasses[name] else { return nil }
        position = end + 2
        return negated ? "[^\(ranges)]" : ranges
    }

    /// One character of a class, or an escape standing for a set of them (which cannot start a
    /// range), in ICU's syntax.
    private mutating func classCharacter() throws -> (text: String, isCharacter: Bool) {
        let character = pattern[position]
        position += 1
        guard character == "\\" else { return (Self.literal(character), true) }
        guard position < pattern.count else { throw failure("trailing backslash at end of expression", "") }
        let escaped = pattern[position]
        position += 1
        switch escaped {
        case "d", "s", "w": return (Self.classEscapes[escaped]!, false)
        case "D", "S", "W": return ("[^\(Self.classEscapes[Character(escaped.lowercased())]!)]", false)
        case "p", "P": return ("\\" + String(escaped) + unicodeClassName(), false)
        case "0"..."7": return (try octal(escaped), true)
        case "x", "a", "f", "t", "n", "r", "v": return ("\\" + String(escaped) + hexDigits(after: escaped), true)
        default:
            guard !(escaped.isLetter || escaped.isNumber) else { throw failure("invalid escape sequence", "\\\(escaped)") }
            return (Self.literal(escaped), true)
        }
    }

    // MARK: Groups

    private mutating func openGroup() throws {
        canRepeat = false
        guard position < pattern.count, pattern[position] == "?" else {
            flags.append(flags.last!)
            groupNames.append("")
            output += "("
            return
        }
        position += 1
        if position < pattern.count, pattern[position] == "P" || pattern[position] == "<" {
            try openNamedGroup()
            return
        }
        try openFlagGroup()
    }

    /// `(?P<name>…)`: ICU's names are ASCII letters and digits only, so the group is left unnamed
    /// and its name kept here.
    private mutating func openNamedGroup() throws {
        if pattern[position] == "P" { position += 1 }
        guard position < pattern.count, pattern[position] == "<",
              let end = pattern[position...].firstIndex(of: ">") else {
            throw failure("invalid named capture", String(pattern))
        }
        let name = String(pattern[(position + 1)..<end])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw failure("invalid named capture", String(pattern))
        }
        position = end + 1
        flags.append(flags.last!)
        groupNames.append(name)
        output += "("
    }

    /// `(?i)`, `(?-s:…)`, `(?:…)`: flags set for the rest of the enclosing group, or for a new
    /// group; `U` and `m` are tracked here, `i` and `s` left to ICU.
    private mutating func openFlagGroup() throws {
        let start = position
        var current = flags.last!
        var negated = false
        var kept = ""
        while position < pattern.count {
            let character = pattern[position]
            position += 1
            switch character {
            case "-":
                guard !negated else { throw failure("invalid or unsupported Perl syntax", String(pattern[(start - 2)..<position])) }
                negated = true
                kept += "-"
            case "i", "s":
                kept.append(character)
            case "m":
                current.multiline = !negated
                kept.append(character)
            case "U":
                current.ungreedy = !negated
            case ":":
                flags.append(current)
                output += "(?" + Self.trimmed(kept) + ":"
                return
            case ")":
                flags[flags.count - 1] = current
                let icuFlags = Self.trimmed(kept)
                if !icuFlags.isEmpty { output += "(?" + icuFlags + ")" }
                return
            default:
                throw failure("invalid or unsupported Perl syntax", String(pattern[(start - 2)..<position]))
            }
        }
        throw failure("missing closing )", String(pattern))
    }

    /// Flags without a dangling `-`.
    private static func trimmed(_ flags: String) -> String {
        flags.hasSuffix("-") ? String(flags.dropLast()) : flags
    }

    private mutating func closeGroup() throws {
        guard flags.count > 1 else { throw failure("unexpected )", String(pattern)) }
        flags.removeLast()
        output += ")"
        canRepeat = true
    }

    // MARK: Repetitions

    private mutating func repeatLast(_ quantifier: String) throws {
        guard canRepeat else {
            let description = output.isEmpty || output.hasSuffix("(") || output.hasSuffix("|")
                ? "missing argument to repetition operator" : "invalid nested repetition operator"
            throw failure(description, quantifier)
        }
        var lazy = false
        if position < pattern.count, pattern[position] == "?" {
            lazy = true
            position += 1
        }
        if flags.last!.ungreedy { lazy.toggle() }
        output += quantifier + (lazy ? "?" : "")
        canRepeat = false
    }

    /// `{n}`, `{n,}` or `{n,m}` is a repetition (of at most 1000); any other `{` is a literal.
    private mutating func translateBrace() throws {
        let start = position
        var end = position
        while end < pattern.count, pattern[end].isASCIIDigit || pattern[end] == "," { end += 1 }
        let body = String(pattern[start..<min(end, pattern.count)])
        let bounds = body.split(separator: ",", omittingEmptySubsequences: false)
        guard end < pattern.count, pattern[end] == "}", let low = bounds.first.flatMap({ Int($0) }),
              bounds.count <= 2, bounds.count == 1 || bounds[1].isEmpty || Int(bounds[1]) != nil else {
            output += Self.literal("{")
            canRepeat = true
            return
        }
        let high = bounds.count == 2 ? Int(bounds[1]) : low
        guard low <= 1000, (high ?? 0) <= 1000, high.map({ $0 >= low }) ?? true else {
            throw failure("invalid repeat count", "{\(body)}")
        }
        position = end + 1
        try repeatLast("{\(body)}")
    }
}
