/// Hugo's `autoHeadingIDType = "github"` ids, unique within one page.
struct HeadingIDGenerator {
    private var used: Set<String> = []
    /// The last suffix given to each slug, so repeated headings don't rescan from `-1`.
    private var lastSuffix: [String: Int] = [:]

    /// Reserves an id written explicitly (`{#id}`); like Hugo, explicit ids are not deduplicated.
    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// The slug of `text`, suffixed `-1`, `-2`, … when the page already has it.
    mutating func generate(from text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "heading" }
        var id = base
        var suffix = lastSuffix[base, default: 0]
        while used.contains(id) {
            suffix += 1
            id = "\(base)-\(suffix)"
        }
        lastSuffix[base] = suffix
        used.insert(id)
        return id
    }

    /// Lowercases letters and digits (any script), keeps `_` and `-`, turns each space into `-`
    /// and drops everything else.
    static func slug(_ text: String) -> String {
        var slug = ""
        let scalars = text.unicodeScalars
        // Trimmed of white space at both ends, without Foundation's character sets (slow here).
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        for scalar in scalars[first...last] {
            if scalar.isASCII {
                switch scalar {
                case "a"..."z", "0"..."9", "_": slug.unicodeScalars.append(scalar)
                case "A"..."Z": slug.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
                case " ", "-": slug.append("-")
                default: break
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case _ where scalar == " " || scalar == "-":
                slug.append("-")
            case _ where scalar == "_":
                slug.append("_")
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber:
                slug += scalar.properties.lowercaseMapping
            default:
                break
            }
        }
        return slug
    }
}
