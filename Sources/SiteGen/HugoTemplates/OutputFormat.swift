/// A Hugo output format (`outputFormats`): what a page is rendered as, where, and with which
/// escaping. Hugo's built-in formats, with their names, media types and file names.
struct OutputFormat: Hashable, Sendable {
    /// Lower-cased, as in `outputs:` (`html`, `rss`, `json`).
    var name: String
    var mediaType: String
    /// The media type's file suffixes (`xml`, `rss`); the file is named with the first.
    var suffixes: [String]
    /// The file name without suffix: `index` (`index.html`, `index.xml`), `sitemap`, `robots`.
    var baseName = "index"
    /// A folder the output goes in below the page's (`amp/`).
    var path = ""
    /// Rendered with text/template, not html/template (JSON, CSV, robots.txt).
    var isPlainText = false
    /// Links to it appear in `.AlternativeOutputFormats` (`rel="alternate"`).
    var rel = "alternate"
    /// The scheme its permalinks are given instead of the base URL's (`webcal://`).
    var `protocol` = ""
    var isHTML = false
    var noUgly = false
    /// Left out of `.AlternativeOutputFormats`.
    var notAlternative = false
    var permalinkable = false
    /// As `.Name` prints it: Hugo's own formats by their names (`HTML`, `RSS`, `Calendar`), the
    /// configuration's lower-cased.
    var displayName: String

    init(name: String, mediaType: String, suffixes: [String], baseName: String = "index", path: String = "", isPlainText: Bool = false,
         rel: String = "alternate", protocol: String = "", isHTML: Bool = false, noUgly: Bool = false, notAlternative: Bool = false,
         permalinkable: Bool = false, displayName: String? = nil) {
        self.name = name
        self.mediaType = mediaType
        self.suffixes = suffixes
        self.baseName = baseName
        self.path = path
        self.isPlainText = isPlainText
        self.rel = rel
        self.protocol = `protocol`
        self.isHTML = isHTML
        self.noUgly = noUgly
        self.notAlternative = notAlternative
        self.permalinkable = permalinkable
        self.displayName = displayName ?? name.uppercased()
    }

    /// The file suffix, without the dot.
    var suffix: String { suffixes.first ?? "" }

    static let html = OutputFormat(name: "html", mediaType: "text/html", suffixes: ["html"], rel: "canonical", isHTML: true, permalinkable: true)
    static let amp = OutputFormat(name: "amp", mediaType: "text/html", suffixes: ["html"], path: "amp", rel: "amphtml", isHTML: true, permalinkable: true)
    static let rss = OutputFormat(name: "rss", mediaType: "application/rss+xml", suffixes: ["xml", "rss"], noUgly: true)
    static let json = OutputFormat(name: "json", mediaType: "application/json", suffixes: ["json"], isPlainText: true)
    static let sitemap = OutputFormat(name: "sitemap", mediaType: "application/xml", suffixes: ["xml"], baseName: "sitemap", rel: "sitemap",
                                      noUgly: true, displayName: "Sitemap")
    static let robots = OutputFormat(name: "robots", mediaType: "text/plain", suffixes: ["txt"], baseName: "robots", isPlainText: true)
    static let calendar = OutputFormat(name: "calendar", mediaType: "text/calendar", suffixes: ["ics"], isPlainText: true,
                                       protocol: "webcal://", displayName: "Calendar")
    static let css = OutputFormat(name: "css", mediaType: "text/css", suffixes: ["css"], baseName: "styles", isPlainText: true)
    static let csv = OutputFormat(name: "csv", mediaType: "text/csv", suffixes: ["csv"], isPlainText: true)
    static let webAppManifest = OutputFormat(name: "webappmanifest", mediaType: "application/manifest+json", suffixes: ["webmanifest"],
                                             baseName: "manifest", isPlainText: true, rel: "manifest", notAlternative: true,
                                             displayName: "WebAppManifest")

    static let builtIn: [OutputFormat] = [.html, .amp, .rss, .json, .sitemap, .robots, .calendar, .css, .csv, .webAppManifest]

    /// The format a template file is for, from its name (Hugo's `FromFilename`): the part before
    /// the suffix when it names a format (`list.json.json`), else the one format with that suffix;
    /// nil when the suffix is shared (`.xml`, `.html`) or unknown.
    static func of(templateFile name: String, among formats: [OutputFormat] = builtIn) -> OutputFormat? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let parts = file.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return nil }
        if parts.count > 2, let named = formats.first(where: { $0.name == parts[parts.count - 2].lowercased() }) { return named }
        let bySuffix = formats.filter { $0.suffixes.contains(parts[parts.count - 1]) }
        return bySuffix.count == 1 ? bySuffix[0] : nil
    }
}
