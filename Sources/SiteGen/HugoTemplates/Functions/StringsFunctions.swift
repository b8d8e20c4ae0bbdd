import GoTemplates

/// Hugo's `strings` namespace. Arguments are converted to strings as spf13/cast converts them;
/// where the order of arguments differs from Go's `strings` package (`strings.TrimPrefix PREFIX
/// STRING`), it is Hugo's, so that the string can come from a pipe.
enum StringsFunctions {
    static let all: [HugoFunction] = transformations + searches + trims + [
        HugoFunction("strings.Split", aliases: ["split"], arity: .exactly(2)) { arguments, _ in
            let text = try GoCast.string(arguments[0])
            return .list(split(text, by: try typedString(arguments[1])).map(TemplateValue.string))
        },
        HugoFunction("strings.SliceString", aliases: ["slicestr"], arity: .atLeast(1)) { arguments, _ in
            .string(try sliceString(GoCast.string(arguments[0]), bounds: Array(arguments.dropFirst())))
        },
        HugoFunction("strings.Substr", aliases: ["substr"], arity: .atLeast(1)) { arguments, _ in
            .string(try substring(GoCast.string(arguments[0]), Array(arguments.dropFirst())))
        },
        HugoFunction("strings.Truncate", aliases: ["truncate"], arity: .atLeast(1)) { arguments, _ in
            try truncate(arguments)
        },
        HugoFunction("strings.Repeat", arity: .exactly(2)) { arguments, _ in
            let text = try GoCast.string(arguments[1])
            let count = try GoCast.int(arguments[0])
            guard count >= 0 else { throw TemplateFailure("strings: negative Repeat count") }
            return .string(String(repeating: text, count: count))
        },
    ]

    /// Functions of one string that give a string or a count.
    private static let transformations: [HugoFunction] = [
        HugoFunction("strings.Chomp", aliases: ["chomp"], arity: .exactly(1)) { arguments, _ in
            let text = try GoCast.string(arguments[0])
            var scalars = Substring(text).unicodeScalars
            while let last = scalars.last, last == "\n" || last == "\r" { scalars = scalars.dropLast() }
            let chomped = String(scalars)
            if case .safe(_, .html) = arguments[0] { return .safe(chomped, .html) }
            return .string(chomped)
        },
        stringFunction("strings.ToLower", aliases: ["lower"]) { GoUnicode.lowercased($0) },
        stringFunction("strings.ToUpper", aliases: ["upper"]) { GoUnicode.uppercased($0) },
        stringFunction("strings.Title", aliases: ["title"]) { APStyleTitle.convert($0) },
        stringFunction("strings.FirstUpper") { text in
            guard let first = text.unicodeScalars.first else { return "" }
            return GoUnicode.uppercased(String(first)) + String(text.unicodeScalars.dropFirst())
        },
        countFunction("strings.CountRunes", aliases: ["countrunes"]) { text in
            stripHTML(text).unicodeScalars.filter { !GoUnicode.isSpace($0) }.count
        },
        countFunction("strings.RuneCount") { $0.unicodeScalars.count },
        countFunction("strings.CountWords", aliases: ["countwords"]) { countWords($0) },
    ]

    /// Functions that look for one string in another.
    private static let searches: [HugoFunction] = [
        HugoFunction("strings.Count", arity: .exactly(2)) { arguments, _ in
            let substring = try GoCast.string(arguments[0])
            return .int(count(substring, in: try GoCast.string(arguments[1])))
        },
        predicate("strings.Contains") { text, other in other.isEmpty || text.utf8.contains(other.utf8) },
        predicate("strings.ContainsAny") { text, characters in
            let set = Set(characters.unicodeScalars)
            return text.unicodeScalars.contains(where: set.contains)
        },
        predicate("strings.HasPrefix", aliases: ["hasPrefix"]) { text, prefix in text.utf8.starts(with: prefix.utf8) },
        predicate("strings.HasSuffix", aliases: ["hasSuffix"]) { text, suffix in text.utf8.reversed().starts(with: suffix.utf8.reversed()) },
        HugoFunction("strings.ContainsNonSpace", arity: .exactly(1)) { arguments, _ in
            .bool(try GoCast.string(arguments[0]).unicodeScalars.contains { !GoUnicode.isSpace($0) })
        },
        HugoFunction("strings.Replace", aliases: ["replace"], arity: .atLeast(3)) { arguments, _ in
            let (text, old, new) = try (GoCast.string(arguments[0]), GoCast.string(arguments[1]), GoCast.string(arguments[2]))
            let limit = arguments.count > 3 ? try GoCast.int(arguments[3]) : -1
            return .string(replace(old, with: new, in: text, limit: limit))
        },
        HugoFunction("strings.FindRE", aliases: ["findRE"], arity: .atLeast(2)) { arguments, _ in
            let regex = try GoRegex.compiled(typedString(arguments[0]))
            let text = try GoCast.string(arguments[1])
            let limit = arguments.count > 2 ? try GoCast.int(arguments[2]) : -1
            return .list(regex.findAll(in: text, limit: limit).map(TemplateValue.string))
        },
        HugoFunction("strings.FindRESubmatch", aliases: ["findRESubmatch"], arity: .atLeast(2)) { arguments, _ in
            let regex = try GoRegex.compiled(typedString(arguments[0]))
            let text = try GoCast.string(arguments[1])
            let limit = arguments.count > 2 ? try GoCast.int(arguments[2]) : -1
            return .list(regex.findAllSubmatches(in: text, limit: limit).map { .list($0.map(TemplateValue.string)) })
        },
        HugoFunction("strings.ReplaceRE", aliases: ["replaceRE"], arity: .atLeast(3)) { arguments, _ in
            let (pattern, template, text) = try (GoCast.string(arguments[0]), GoCast.string(arguments[1]), GoCast.string(arguments[2]))
            var remaining = arguments.count > 3 ? try GoCast.int(arguments[3]) : -1
            let regex = try GoRegex.compiled(pattern)
            // Hugo expands the template by matching again within each match, as it does here.
            return .string(regex.replaceAll(in: text) { match in
                guard remaining != 0 else { return String(match) }
                remaining -= 1
                return regex.replaceAll(in: String(match), template: template)
            })
        },
    ]

    private static let trims: [HugoFunction] = [
        HugoFunction("strings.Trim", aliases: ["trim"], arity: .exactly(2)) { arguments, _ in
            let text = try GoCast.string(arguments[0])
            return .string(trim(text, cutset: try GoCast.string(arguments[1]), leading: true, trailing: true))
        },
        trimFunction("strings.TrimLeft") { text, cutset in trim(text, cutset: cutset, leading: true, trailing: false) },
        trimFunction("strings.TrimRight") { text, cutset in trim(text, cutset: cutset, leading: false, trailing: true) },
        trimFunction("strings.TrimPrefix") { text, prefix in
            text.utf8.starts(with: prefix.utf8) ? String(text.utf8.dropFirst(prefix.utf8.count))! : text
        },
        trimFunction("strings.TrimSuffix") { text, suffix in
            text.utf8.reversed().starts(with: suffix.utf8.reversed()) ? String(text.utf8.dropLast(suffix.utf8.count))! : text
        },
    ]

    // MARK: Function shapes

    private static func stringFunction(_ name: String, aliases: [String] = [],
                                       _ transform: @escaping @Sendable (String) -> String) -> HugoFunction {
        HugoFunction(name, aliases: aliases, arity: .exactly(1)) { arguments, _ in
            .string(transform(try GoCast.string(arguments[0])))
        }
    }

    private static func countFunction(_ name: String, aliases: [String] = [],
                                      _ count: @escaping @Sendable (String) -> Int) -> HugoFunction {
        HugoFunction(name, aliases: aliases, arity: .exactly(1)) { arguments, _ in
            do {
                return .int(count(try GoCast.string(arguments[0])))
            } catch {
                throw TemplateFailure("failed to convert content to string: \(error)")
            }
        }
    }

    private static func predicate(_ name: String, aliases: [String] = [],
                                  _ test: @escaping @Sendable (String, String) -> Bool) -> HugoFunction {
        HugoFunction(name, aliases: aliases, arity: .exactly(2)) { arguments, _ in
            .bool(test(try GoCast.string(arguments[0]), try GoCast.string(arguments[1])))
        }
    }

    /// `strings.TrimLeft CUTSET STRING` and the like: the string comes last.
    private static func trimFunction(_ name: String, _ trim: @escaping @Sendable (String, String) -> String) -> HugoFunction {
        HugoFunction(name, arity: .exactly(2)) { arguments, _ in
            let text = try GoCast.string(arguments[1])
            return .string(trim(text, try GoCast.string(arguments[0])))
        }
    }

    /// An argument Go declares as a `string`: no conversion.
    static func typedString(_ value: TemplateValue) throws -> String {
        guard case .string(let text) = value else {
            throw TemplateFailure("wrong type for value; expected string; got \(value.goType)")
        }
        return text
    }

    // MARK: Go's strings package

    /// Go's `strings.Split`: an empty separator splits between characters (Unicode scalars).
    static func split(_ text: String, by separator: String) -> [String] {
        guard !separator.isEmpty else { return text.unicodeScalars.map { String($0) } }
        let bytes = Array(text.utf8)
        let separatorBytes = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        var index = 0
        while index + separatorBytes.count <= bytes.count {
            if bytes[index..<(index + separatorBytes.count)].elementsEqual(separatorBytes) {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += separatorBytes.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Go's `strings.Count`: non-overlapping occurrences; one more than the scalars for "".
    private static func count(_ substring: String, in text: String) -> Int {
        guard !substring.isEmpty else { return text.unicodeScalars.count + 1 }
        return split(text, by: substring).count - 1
    }

    /// Go's `strings.Replace`: at most `limit` replacements (all when negative); an empty `old`
    /// matches before every scalar and at the end.
    private static func replace(_ old: String, with new: String, in text: String, limit: Int) -> String {
        guard limit != 0, old != new || old.isEmpty else { return text }
        let pieces = old.isEmpty ? [""] + text.unicodeScalars.map { String($0) } + [""] : split(text, by: old)
        let separators = pieces.count - 1
        let replaced = limit < 0 ? separators : min(limit, separators)
        if old.isEmpty {
            var output = ""
            for (index, piece) in pieces.enumerated() {
                output += piece
                if index < separators { output += index < replaced ? new : "" }
            }
            return output
        }
        var output = pieces[0]
        for (index, piece) in pieces.dropFirst().enumerated() {
            output += (index < replaced ? new : old) + piece
        }
        return output
    }

    /// `text` without the scalars at either end that `isTrimmed` picks.
    static func trimming(_ text: String, where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        var scalars = Substring(text).unicodeScalars.drop(while: isTrimmed)
        while let last = scalars.last, isTrimmed(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    private static func trim(_ text: String, cutset: String, leading: Bool, trailing: Bool) -> String {
        let set = Set(cutset.unicodeScalars)
        var scalars = Substring(text).unicodeScalars
        if leading { scalars = scalars.drop(while: set.contains) }
        if trailing {
            while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        }
        return String(scalars)
    }

    // MARK: Hugo's helpers

    /// Hugo's `StripHTML`: `</p>` and `<br>` made line breaks, the text html/template's
    /// `stripTags` finds, and runs of white space as their first character.
    static func stripHTML(_ text: String) -> String {
        guard text.contains(where: { $0 == "<" || $0 == ">" }) else { return text }
        let replaced = replaceEach(in: text, [("\n", " "), ("</p>", "\n"), ("<br>", "\n"), ("<br />", "\n")])
        var output = String.UnicodeScalarView()
        var wasSpace = false
        for scalar in HTMLText.strippingTags(replaced).unicodeScalars {
            let isSpace = GoUnicode.isSpace(scalar)
            if !isSpace || !wasSpace { output.append(scalar) }
            wasSpace = isSpace
        }
        return String(output)
    }

    /// Go's `strings.NewReplacer(…).Replace`: at each position the first pair whose old text is
    /// there, without overlaps.
    static func replaceEach(in text: String, _ pairs: [(old: String, new: String)]) -> String {
        let bytes = Array(text.utf8)
        let olds = pairs.map { Array($0.old.utf8) }
        var output: [UInt8] = []
        var index = 0
        outer: while index < bytes.count {
            for (pair, old) in zip(pairs, olds) where bytes[index...].starts(with: old) {
                output += pair.new.utf8
                index += old.count
                continue outer
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Hugo's `CountWords`: words between spaces, except that in text with Chinese, Japanese or
    /// Korean each character of a word written in them counts as a word.
    private static func countWords(_ text: String) -> Int {
        let words = fields(stripHTML(text))
        let isCJK = text.unicodeScalars.contains(where: GoUnicode.isCJK)
        return words.reduce(0) { total, word in
            let scalars = word.count
            return total + (isCJK && scalars != String(word).utf8.count ? scalars : 1)
        }
    }

    /// Go's `strings.Fields`.
    static func fields(_ text: String) -> [Substring.UnicodeScalarView] {
        Substring(text).unicodeScalars.split(whereSeparator: GoUnicode.isSpace)
    }

    /// `slicestr`: scalars from a start to an end index, both checked.
    private static func sliceString(_ text: String, bounds: [TemplateValue]) throws -> String {
        let scalars = Array(text.unicodeScalars)
        guard bounds.count <= 2 else { throw TemplateFailure("too many arguments") }
        var start = 0, end = scalars.count
        if let first = bounds.first {
            guard let value = try? GoCast.int(first) else { throw TemplateFailure("start argument must be integer") }
            guard value >= 0, value < scalars.count else { throw TemplateFailure("slice bounds out of range") }
            start = value
        }
        if bounds.count == 2 {
            guard let value = try? GoCast.int(bounds[1]) else { throw TemplateFailure("end argument must be integer") }
            guard value >= 0, value <= scalars.count, value >= start else { throw TemplateFailure("slice bounds out of range") }
            end = value
        }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// `substr`: PHP's `substr` over scalars; a negative start counts from the end, a negative
    /// length leaves that many off the end, and out-of-range requests give "".
    private static func substring(_ text: String, _ numbers: [TemplateValue]) throws -> String {
        let scalars = Array(text.unicodeScalars)
        let count = scalars.count
        var start: Int, length: Int
        switch numbers.count {
        case 0: throw TemplateFailure("too few arguments")
        case 1, 2:
            guard let value = try? GoCast.int(numbers[0]) else { throw TemplateFailure("start argument must be an integer") }
            start = value
            length = count
            if numbers.count == 2 {
                guard let value = try? GoCast.int(numbers[1]) else { throw TemplateFailure("length argument must be an integer") }
                length = value
            }
        default: throw TemplateFailure("too many arguments")
        }
        guard count > 0 else { return "" }
        if start < 0 { start = max(start + count, 0) }
        guard start <= count - 1, length != 0 else { return "" }
        var end = length < 0 ? count + length : start + length
        guard start < end, end >= 0 else { return "" }
        end = min(end, count)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    // MARK: Truncate

    /// `truncate LENGTH [ELLIPSIS] TEXT`: cut at a word boundary to at most LENGTH characters of
    /// text, with the ellipsis (" …") after. Plain text is HTML-escaped; safe HTML keeps its
    /// tags, which don't count, and the ones left open are closed.
    private static func truncate(_ arguments: [TemplateValue]) throws -> TemplateValue {
        let length = try GoCast.int(arguments[0])
        let textArgument: TemplateValue
        var ellipsis = " …"
        switch arguments.count {
        case 1: throw TemplateFailure("truncate requires a length and a string")
        case 2: textArgument = arguments[1]
        case 3:
            textArgument = arguments[2]
            guard let given = try? GoCast.string(arguments[1]) else { throw TemplateFailure("ellipsis must be a string") }
            if case .safe(_, .html) = arguments[1] { ellipsis = given } else { ellipsis = Builtins.escapeHTML(given) }
        default: throw TemplateFailure("too many arguments passed to truncate")
        }
        guard let text = try? GoCast.string(textArgument) else { throw TemplateFailure("text must be a string") }
        var isHTML = false
        if case .safe(_, .html) = textArgument { isHTML = true }
        let whole: TemplateValue = .safe(isHTML ? text : Builtins.escapeHTML(text), .html)
        guard text.unicodeScalars.count > length else { return whole }
        return try cut(text, isHTML: isHTML, length: length, ellipsis: ellipsis) ?? whole
    }

    private struct Tag {
        let name: String
        let position: Int
        let opens: Bool
    }

    private static let tagPattern = #"^<(/)?([^ ]+?)(?:(\s*/)| .*?)?>"#
    private static let singletTags: Set<String> = ["br", "col", "link", "base", "img", "param", "area", "hr", "input"]

    /// The walk of Hugo's `Truncate` over the text's bytes; nil when the text fits after all.
    private static func cut(_ text: String, isHTML: Bool, length: Int, ellipsis: String) throws -> TemplateValue? {
        let bytes = Array(text.utf8)
        let tagRegex = try GoRegex.compiled(tagPattern)
        var tags: [Tag] = []
        var lastWordIndex = 0, lastNonSpace = 0, currentLength = 0, nextTag = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            let index = offset
            offset += String(scalar).utf8.count
            if index < nextTag { continue }
            if isHTML, bytes[index] == UInt8(ascii: "<"), let tag = tagMatch(tagRegex, in: bytes, at: index) {
                nextTag = index + tag.length
                lastWordIndex = lastNonSpace
                if !singletTags.contains(tag.name), !tag.selfClosing {
                    tags.append(Tag(name: tag.name, position: index, opens: !tag.closing))
                }
                continue
            }
            currentLength += 1
            if GoUnicode.isSpace(scalar) {
                lastWordIndex = lastNonSpace
            } else if GoUnicode.isCJK(scalar) {
                lastWordIndex = index
            } else {
                lastNonSpace = offset
            }
            guard currentLength > length else { continue }
            let end = lastWordIndex == 0 ? index : lastWordIndex
            let kept = String(decoding: bytes[..<end], as: UTF8.self)
            guard isHTML else { return .safe(Builtins.escapeHTML(kept) + ellipsis, .html) }
            return .safe(kept + ellipsis + closingTags(tags, before: end), .html)
        }
        return nil
    }

    /// The tags still open at `end`, closed innermost first.
    private static func closingTags(_ tags: [Tag], before end: Int) -> String {
        var output = ""
        var closed: Tag?
        for tag in tags.reversed() {
            if tag.position >= end || closed != nil {
                if let pending = closed, pending.name == tag.name { closed = nil }
                continue
            }
            if tag.opens {
                output += "</\(tag.name)>"
            } else {
                closed = tag
            }
        }
        return output
    }

    private static func tagMatch(_ regex: GoRegex, in bytes: [UInt8], at index: Int)
        -> (name: String, length: Int, closing: Bool, selfClosing: Bool)? {
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        guard let groups = regex.matches(in: rest, limit: 1).first, let whole = groups[0], let name = groups[2] else { return nil }
        return (String(rest[name]), rest[whole].utf8.count, groups[1] != nil, groups[3] != nil)
    }
}

/// Go's `unicode` functions the string functions need, where Swift's differ.
enum GoUnicode {
    /// `unicode.IsSpace`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Han, Hangul, Hiragana or Katakana.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3041...0x309F,
             0x30A1...0x30FF, 0x3131...0x318E, 0x31F0...0x31FF, 0x3200...0x321E, 0x3260...0x327E, 0x32D0...0x32FE,
             0x3300...0x3357, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97C, 0xAC00...0xD7FB, 0xF900...0xFAFF,
             0xFF66...0xFF6F, 0xFF71...0xFF9D, 0xFFA0...0xFFDC, 0x1B000...0x1B16F, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// `strings.ToLower`: each scalar's simple lower-case mapping.
    static func lowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            // The only scalar whose full mapping is longer (İ) has `i` as its simple mapping.
            scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        }))
    }

    /// `strings.ToUpper`: each scalar's simple upper-case mapping; ß and the like stay.
    static func uppercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(upper)))
    }

    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        singleScalar(scalar.properties.uppercaseMapping) ?? scalar
    }

    /// `unicode.ToTitle`.
    static func title(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        singleScalar(scalar.properties.titlecaseMapping) ?? scalar
    }

    private static func singleScalar(_ text: String) -> Unicode.Scalar? {
        let scalars = text.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }
}

/// Hugo's default `titleCaseStyle`, AP style (jdkato/prose's `TitleConverter`): each word
/// capitalized, except the small words (a, and, of, the…) that are neither first nor last, nor
/// after a colon or a hyphen.
enum APStyleTitle {
    private static let smallWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "the",
        "to", "vs", "vs.", "via", "v", "v.",
    ]
    private static let wordPattern = #"[\p{N}\p{L}]+[^\s-/]*"#

    static func convert(_ text: String) -> String {
        let regex = try! GoRegex.compiled(wordPattern)
        // Positions are looked up in a copy with typographic quotes and dashes made ASCII, as
        // prose does (so a word holding one is not found, and is looked up from before).
        let sanitized = Array(StringsFunctions.replaceEach(in: text, [
            ("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{2018}", "'"), ("\u{2019}", "'"),
            ("\u{2013}", "-"), ("\u{2014}", "-"), ("\u{2026}", "..."),
        ]).utf8)
        var index = 0
        return regex.replaceAll(in: text) { match in
            let word = Array(match.utf8)
            let position = (find(word, in: sanitized, from: index) ?? -1) + index
            let end = position + word.count
            index = end
            let previous = byte(sanitized, position - 1)
            let small = smallWords.contains(GoUnicode.lowercased(String(match)))
                && position != 0 && end != sanitized.count
            if small, previous == UInt8(ascii: " ") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "/"),
               byte(sanitized, position - 2) != UInt8(ascii: ":"), byte(sanitized, position - 2) != UInt8(ascii: "-"),
               byte(sanitized, end) != UInt8(ascii: "-") || previous == UInt8(ascii: "-") {
                return GoUnicode.lowercased(String(match))
            }
            let scalars = match.unicodeScalars
            return String(GoUnicode.title(scalars.first!)) + String(scalars.dropFirst())
        }
    }

    /// The offset of `word` in `text` from `start`, relative to `start`.
    private static func find(_ word: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard start <= text.count else { return nil }
        if word.isEmpty { return 0 }
        guard text.count - start >= word.count else { return nil }
        for offset in 0...(text.count - start - word.count) where text[(start + offset)...].starts(with: word) {
            return offset
        }
        return nil
    }

    /// prose's `charAt`: the byte at `index`, or the first byte when out of range.
    private static func byte(_ text: [UInt8], _ index: Int) -> UInt8 {
        index >= 0 && index < text.count ? text[index] : text.first ?? 0
    }
}

/// html/template's `stripTags`: the text of HTML outside tags and comments, as its context
/// transitions find it, so that `<div title="1>2">` and `I <3 Ponies` come out right. Script and
/// style contents go; a textarea's or title's stay, but for what follows their last `<` when they are closed (Go's
/// quirk).
enum HTMLText {
    private enum State { case text, tag, afterName, beforeValue, comment, rawText(element: String, emitted: Bool) }

    private static let specialElements: Set<String> = ["script", "style", "textarea", "title"]

    static func strippingTags(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var state = State.text
        var element: String?
        var index = 0
        // Go gives back the HTML as it is when it never got past text: `x <b` stays.
        var allText = true
        while index < bytes.count {
            switch state {
            case .text, .rawText(_, emitted: true): break
            default: allText = false
            }
            switch state {
            case .text:
                guard let (tagStart, nameEnd, name) = nextTag(bytes, from: index) else {
                    output += bytes[index...]
                    index = bytes.count
                    continue
                }
                output += bytes[index..<tagStart]
                if let name {
                    element = name
                    state = .tag
                } else {
                    state = .comment
                }
                index = nameEnd
            case .comment:
                index = find(Array("-->".utf8), in: bytes, from: index).map { $0 + 3 } ?? bytes.count
                state = .text
            case .tag:
                index = skipSpace(bytes, from: index)
                guard index < bytes.count else { continue }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    if let name = element, specialElements.contains(name) {
                        state = .rawText(element: name, emitted: name == "textarea" || name == "title")
                    } else {
                        state = .text
                    }
                    continue
                }
                guard let nameEnd = attributeNameEnd(bytes, from: index) else { return String(decoding: output, as: UTF8.self) }
                index = nameEnd
                state = .afterName
            case .afterName:
                index = skipSpace(bytes, from: index)
                guard index < bytes.count else { continue }
                if bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    state = .beforeValue
                } else {
                    state = .tag
                }
            case .beforeValue:
                index = skipSpace(bytes, from: index)
                guard index < bytes.count else { continue }
                let quote = bytes[index]
                let ends: [UInt8] = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") ? [quote] : Array(" \t\n\u{0C}\r>".utf8)
                if ends.count == 1 { index += 1 }
                guard let end = bytes[index...].firstIndex(where: ends.contains) else { return String(decoding: output, as: UTF8.self) }
                index = ends.count == 1 ? end + 1 : end
                state = .tag
            case .rawText(let name, let emitted):
                let closing = specialTagEnd(bytes, name: name, from: index)
                let end = closing ?? bytes.count
                if emitted {
                    // Go emits up to the last `<` before the end tag; with no end tag, all of it.
                    let lastOpen = closing == nil ? end : bytes[index..<end].lastIndex(of: UInt8(ascii: "<")) ?? end
                    output += bytes[index..<lastOpen]
                }
                index = end
                element = nil
                state = .text
            }
        }
        return allText ? html : String(decoding: output, as: UTF8.self)
    }

    /// Go's `tText`: the next `<` that opens a tag (`<name` or `</name`) or a comment, where the
    /// tag's name ends, and the name (lower-cased; nil for a comment; "" for an end tag).
    private static func nextTag(_ bytes: [UInt8], from start: Int) -> (Int, Int, String?)? {
        var index = start
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            guard open + 1 < bytes.count else { return nil }
            if bytes[open...].starts(with: "<!--".utf8) { return (open, open + 4, nil) }
            var nameStart = open + 1
            let closing = bytes[nameStart] == UInt8(ascii: "/")
            if closing {
                nameStart += 1
                guard nameStart < bytes.count else { return nil }
            }
            let nameEnd = tagNameEnd(bytes, from: nameStart)
            if nameEnd != nameStart {
                let name = closing ? "" : String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
                return (open, nameEnd, name)
            }
            index = nameEnd
        }
        return nil
    }

    /// Go's `eatTagName`: a letter, then letters and digits, with single `-` or `:` between them.
    private static func tagNameEnd(_ bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count, isASCIILetter(bytes[start]) else { return start }
        var index = start + 1
        while index < bytes.count {
            if isASCIIAlphanumeric(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "-"),
                      index + 1 < bytes.count, isASCIIAlphanumeric(bytes[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// Go's `eatAttrName`: nil for a quote or `<` in a name, which html/template gives up on.
    private static func attributeNameEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), 0x0C, UInt8(ascii: "\r"), UInt8(ascii: "="), UInt8(ascii: ">"):
                return index
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "<"):
                return nil
            default:
                index += 1
            }
        }
        return index
    }

    /// Go's `indexTagEnd`: where `</name` followed by `>`, white space or `/` starts.
    private static func specialTagEnd(_ bytes: [UInt8], name: String, from start: Int) -> Int? {
        let tag = Array(name.utf8)
        var index = start
        while let open = find(Array("</".utf8), in: bytes, from: index) {
            let nameStart = open + 2
            if nameStart + tag.count < bytes.count,
               zip(bytes[nameStart..<(nameStart + tag.count)], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 }),
               "> \t\n\u{0C}/".utf8.contains(bytes[nameStart + tag.count]) {
                return open
            }
            index = nameStart
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count - start >= needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0...].starts(with: needle) }
    }

    private static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, " \t\n\u{0C}\r".utf8.contains(bytes[index]) { index += 1 }
        return index
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
