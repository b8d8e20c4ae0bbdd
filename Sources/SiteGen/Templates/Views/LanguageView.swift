/// A language, for `lang`/`dir` attributes and language switchers.
struct LanguageView: TemplateView {
    let language: LanguageConfig
    let urls: SiteURLs
    /// The home page of the site in this language.
    let homePath: String
    let current: Bool

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "url": return .found(urls.relative(homePath))
        case "current": return .found(current)
        default: return Self.lookup(key, of: language)
        }
    }

    /// The keys every view of a language has.
    static func lookup(_ key: String, of language: LanguageConfig) -> Lookup {
        switch key {
        case "code": return .found(language.code)
        case "name": return .found(language.name)
        case "languageCode": return .found(language.languageCode)
        case "direction": return .found(language.direction.rawValue)
        case "isRTL": return .found(language.direction == .rtl)
        default: return .unknown
        }
    }
}

/// The same page in another language.
struct TranslationView: TemplateView {
    let language: LanguageConfig
    let title: String
    let url: String
    let permalink: String

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "title": return .found(title)
        case "url": return .found(url)
        case "permalink": return .found(permalink)
        default: return LanguageView.lookup(key, of: language)
        }
    }
}
