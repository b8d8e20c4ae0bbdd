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
    /// `partialCached` results, by partial and variant keys, with what making them read when an
    /// incremental build records it.
    let partialCache = Mutex<[String: (value: TemplateValue, reads: PageReads?)]>([:])
    /// The time functions in this language (`time.Format` names months in it).
    let timeFunctions: [String: FunctionReference]
    /// Dates in this language's names (`.GroupByDate "January"` is `mars` in French).
    let timeFormatter: HugoTimeFormatter

    init(site: SiteObject, layouts: HugoLayouts, strings: StringTables?) {
        self.site = site
        self.layouts = layouts
        self.strings = strings
        timeFunctions = TimeFunctions.functions(language: site.language.code, defaultLanguage: site.model.config.defaultContentLanguage)
        timeFormatter = HugoTimeFormatter(language: site.language.code, defaultLanguage: site.model.config.defaultContentLanguage)
    }

    static func of(_ context: CallContext) throws -> RenderHost {
        guard let host = context.host as? RenderHost else { throw TemplateFailure("this function needs a site") }
        return host
    }

    var urls: SiteURLs { site.model.urls }

    /// Hugo's `absURL` (`PathSpec.AbsURL` and `MakePermalink`): a leading slash is from the host,
    /// anything else from the base URL; only the path is kept (a query or fragment is dropped,
    /// `#` alone is the base URL without its slash), cleaned and escaped as Go's `url.URL` writes it.
    /// With `language` (`absLangURL`), the language's folder comes first.
    func absoluteURL(_ input: String, language: Bool = false) -> String {
        if Self.hasScheme(input) { return input }
        let link = language ? inLanguageFolder(input) : input
        let path = String(link.prefix { $0 != "?" && $0 != "#" })
        var joined = Self.joined(input.hasPrefix("/") ? "" : urls.basePath, path)
        if (link.isEmpty || path.hasSuffix("/")) && !joined.hasSuffix("/") { joined += "/" }
        if !joined.hasPrefix("/") { joined = "/" + joined }
        return (Self.host(of: urls.baseURL) ?? "") + Self.escapedPath(joined)
    }

    /// Go's `path.Join`: the non-empty parts joined by `/` and cleaned (no `.`, `..` or `//`).
    private static func joined(_ first: String, _ second: String) -> String {
        let whole = [first, second].filter { !$0.isEmpty }.joined(separator: "/")
        guard !whole.isEmpty else { return "" }
        var segments: [Substring] = []
        for segment in whole.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty && segments.last != ".." { segments.removeLast() } else if !whole.hasPrefix("/") { segments.append(segment) }
            default: segments.append(segment)
            }
        }
        let cleaned = segments.joined(separator: "/")
        return whole.hasPrefix("/") ? "/" + cleaned : (cleaned.isEmpty ? "." : cleaned)
    }

    /// A path as Go's `url.URL` writes it: bytes other than letters, digits and `-._~$&+,/:;=@`
    /// escaped as `%XX`; a `%` already there is kept.
    private static func escapedPath(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~$&+,/:;=@%".utf8.contains(byte):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
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

    /// `x` → `fr/x`, `/x` → `/fr/x` for a language in a folder of its own; a path already in
    /// the folder (`fr/x`, `/fr`) is left as it is, as in Hugo.
    private func inLanguageFolder(_ path: String) -> String {
        guard let prefix = languagePrefix else { return path }
        let bare = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
        if bare + "/" == prefix || bare.hasPrefix(prefix) { return path }
        return path.hasPrefix("/") ? "/" + prefix + bare : prefix + bare
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

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
