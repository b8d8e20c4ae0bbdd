import Foundation
import GoTemplates
import Synchronization

/// What the functions that depend on the site see while a template runs (`partial`, `absURL`,
/// `i18n`…): the page's site and the build's templates. One per language, shared by all renders
/// of that language: what it caches is the same for every page.
final class RenderHost: Sendable {
    let site: SiteObject
    let layouts: HugoLayouts
    let strings: StringTables?
    /// `partialCached` results, by partial and variant keys.
    let partialCache = Mutex<[String: TemplateValue]>([:])
    /// The time functions in this language (`time.Format` names months in it).
    let timeFunctions: [String: FunctionReference]

    init(site: SiteObject, layouts: HugoLayouts, strings: StringTables?) {
        self.site = site
        self.layouts = layouts
        self.strings = strings
        timeFunctions = TimeFunctions.functions(language: site.language.code, defaultLanguage: site.model.config.defaultContentLanguage)
    }

    static func of(_ context: CallContext) throws -> RenderHost {
        guard let host = context.host as? RenderHost else { throw TemplateFailure("this function needs a site") }
        return host
    }

    var urls: SiteURLs { site.model.urls }

    /// Hugo's `absURL`: a leading slash is from the host, anything else from the base URL.
    /// With `language` (`absLangURL`), the language's folder comes first.
    func absoluteURL(_ input: String, language: Bool = false) -> String {
        if Self.hasScheme(input) { return input }
        let path = language ? inLanguageFolder(input) : input
        if path.hasPrefix("/") {
            guard let host = Self.host(of: urls.baseURL) else { return path }
            return host + path
        }
        return urls.absolute("/" + path)
    }

    /// Hugo's `relURL`: a leading slash is kept as it is, anything else gets the base URL's path.
    func relativeURL(_ input: String, language: Bool = false) -> String {
        if Self.hasScheme(input) {
            guard input.hasPrefix(urls.baseURL) else { return input }
            return urls.basePath + input.dropFirst(urls.baseURL.count)
        }
        let path = language ? inLanguageFolder(input) : input
        return path.hasPrefix("/") ? path : urls.basePath + path
    }

    /// `x` → `fr/x`, `/x` → `/fr/x` for a language in a folder of its own.
    private func inLanguageFolder(_ path: String) -> String {
        guard let prefix = languagePrefix else { return path }
        return path.hasPrefix("/") ? "/" + prefix + path.dropFirst() : prefix + path
    }

    /// `fr/` for a language in its own folder; nil for the default language at the root.
    private var languagePrefix: String? {
        let config = site.model.config
        let code = site.language.code
        guard config.languages.count > 1, code != config.defaultContentLanguage || config.defaultContentLanguageInSubdir else { return nil }
        return code + "/"
    }

    /// `//host…`, or a scheme (`https:`, `mailto:`): a letter, then letters, digits, `+`, `.`, `-`, then `:`.
    private static func hasScheme(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        for (index, byte) in url.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if index == 0 { return false }
            case UInt8(ascii: ":"): return index > 0
            default: return false
            }
        }
        return false
    }

    private static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let end = rest.firstIndex(of: "/") ?? rest.endIndex
        return String(url[..<end])
    }
}
