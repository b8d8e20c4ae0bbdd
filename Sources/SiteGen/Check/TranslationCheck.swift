import Foundation

/// `sitegen check`'s translations, on a site in more than one language: each content page of the
/// default language that some languages have no translation of, and each translation whose text
/// is the default language's as it is (copied, not yet translated).
struct TranslationCheck {
    /// The default language's first.
    let sites: [Site]

    func findings() -> [Diagnostic] {
        guard sites.count > 1, let defaultSite = sites.first else { return [] }
        var byKey: [String: [(language: String, page: Page)]] = [:]
        for site in sites {
            for page in site.pages where page.source != nil && !page.translationKey.isEmpty {
                byKey[page.translationKey, default: []].append((site.language.code, page))
            }
        }
        var findings: [Diagnostic] = []
        for page in defaultSite.pages where page.source != nil && !page.translationKey.isEmpty {
            let translations = byKey[page.translationKey] ?? []
            let missing = sites.dropFirst().map(\.language.code).filter { code in !translations.contains { $0.language == code } }
            if !missing.isEmpty {
                findings.append(.warning(page.sourceLabel, "not translated into \(missing.joined(separator: ", ")) (\(missing.count) of \(sites.count - 1) languages)"))
            }
            let text = page.body.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            for translation in translations where translation.language != defaultSite.language.code
                && translation.page.body.trimmingCharacters(in: .whitespacesAndNewlines) == text {
                // The body starts on the front matter's closing line: the text, on the first line with something on it.
                let body = translation.page.body
                let leading = body.prefix { $0.isWhitespace }.filter { $0 == "\n" }.count
                findings.append(.warning(translation.page.sourceLabel, line: translation.page.bodyStartLine + leading, column: 1,
                                         "its text is \(page.sourceLabel)'s, in \(defaultSite.language.code), word for word: not translated yet?"))
            }
        }
        return findings
    }
}
