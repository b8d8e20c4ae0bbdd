/// One language of a multilingual site, from `languages.CODE` in the configuration.
public struct LanguageConfig: Sendable, Hashable {
    static let codeExpectation = "a language code such as en or pt-br"

    /// Letters, digits, `-` and `_`, starting with a letter: a code names folders and files too
    /// (`/fr/`, `index.fr.md`), so `en](` is a typo to report, not a language.
    static func isCode(_ code: String) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let first = code.unicodeScalars.first, isLetter(first) else { return false }
        return code.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    public enum Direction: String, Sendable { case ltr, rtl }

    /// As written in file names and URLs, lowercased: `fr`, `pt-br`, `zh-hant`.
    public var code: String
    /// `languageName`, for language switchers: `Français`.
    public var name: String
    /// `languageCode`, for `lang` and `hreflang` attributes: `fr-FR`; the code when not set.
    public var languageCode: String
    /// `locale`, for formatting dates; the language code when not set.
    public var locale: String
    public var weight: Int
    /// The site title in this language, when it differs.
    public var title: String?
    /// Merged over the site's `params`.
    public var params: [String: Value]
    /// `contentDir`: a folder holding this language's content, relative to the site.
    public var contentDir: String?
    /// This language's menus; the site's when it defines none.
    public var menus: [String: [MenuEntrySpec]]
    /// This language's `taxonomies`, replacing the site's; nil when it has none of its own.
    public var taxonomies: [TaxonomyConfig]?
    /// `languageDirection`, else right-to-left for the scripts written that way.
    public var direction: Direction

    public init(code: String, name: String? = nil, languageCode: String? = nil, locale: String? = nil, weight: Int = 0,
                title: String? = nil, params: [String: Value] = [:], contentDir: String? = nil,
                menus: [String: [MenuEntrySpec]] = [:], direction: Direction? = nil) {
        let code = code.lowercased()
        self.code = code
        self.name = name ?? code
        self.languageCode = languageCode ?? code
        self.locale = locale ?? languageCode ?? code
        self.weight = weight
        self.title = title
        self.params = params
        self.contentDir = contentDir
        self.menus = menus
        self.direction = direction ?? (Self.rightToLeft.contains(String(code.prefix { $0 != "-" && $0 != "_" })) ? .rtl : .ltr)
    }

    /// Languages written right to left (ISO 639-1 and common 639-2 codes).
    static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "ha", "he", "iw", "khw", "ks", "ku", "ps", "sd", "ur", "yi", "ug"]
}
