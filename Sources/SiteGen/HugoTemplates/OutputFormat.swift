/// A Hugo output format (`outputFormats`): what a page is rendered as, where, and with which
/// escaping. Hugo's built-in formats, with their names, media types and file names.
struct OutputFormat: Hashable, Sendable {
    /// Lower-cased, as in `outputs:` (`html`, `rss`, `json`).
    var name: String
    var mediaType: String
    /// The file suffix, without the dot.
    var suffix: String
    /// The file name without suffix: `index` (`index.html`, `index.xml`), `sitemap`, `robots`.
    var baseName = "index"
    /// A folder the output goes in below the page's (`amp/`).
    var path = ""
    /// Rendered with text/template, not html/template (JSON, CSV, robots.txt).
    var isPlainText = false
    /// Links to it appear in `.AlternativeOutputFormats` (`rel="alternate"`).
    var rel = "alternate"
    var isHTML = false
    var noUgly = false
    var permalinkable = false

    static let html = OutputFormat(name: "html", mediaType: "text/html", suffix: "html", rel: "canonical", isHTML: true, permalinkable: true)
    static let amp = OutputFormat(name: "amp", mediaType: "text/html", suffix: "html", path: "amp", rel: "amphtml", isHTML: true, permalinkable: true)
    static let rss = OutputFormat(name: "rss", mediaType: "application/rss+xml", suffix: "xml", noUgly: true)
    static let json = OutputFormat(name: "json", mediaType: "application/json", suffix: "json", isPlainText: true)
    static let sitemap = OutputFormat(name: "sitemap", mediaType: "application/xml", suffix: "xml", baseName: "sitemap", rel: "sitemap", noUgly: true)
    static let robots = OutputFormat(name: "robots", mediaType: "text/plain", suffix: "txt", baseName: "robots", isPlainText: true)
    static let calendar = OutputFormat(name: "calendar", mediaType: "text/calendar", suffix: "ics", isPlainText: true)
    static let css = OutputFormat(name: "css", mediaType: "text/css", suffix: "css", baseName: "styles", isPlainText: true)
    static let csv = OutputFormat(name: "csv", mediaType: "text/csv", suffix: "csv", isPlainText: true)
    static let webAppManifest = OutputFormat(name: "webappmanifest", mediaType: "application/manifest+json", suffix: "webmanifest",
                                             baseName: "manifest", isPlainText: true, rel: "manifest")

    /// The name as Hugo spells it in `.Name` (`HTML`, `RSS`, `Sitemap`).
    var displayName: String {
        switch name {
        case "sitemap": return "Sitemap"
        case "calendar": return "Calendar"
        case "webappmanifest": return "WebAppManifest"
        default: return name.uppercased()
        }
    }

    static let builtIn: [OutputFormat] = [.html, .amp, .rss, .json, .sitemap, .robots, .calendar, .css, .csv, .webAppManifest]

    /// The format a template file is for, from its name (Hugo's `FromFilename`): the part before
    /// the suffix when it names a format (`list.json.json`), else the one format with that suffix;
    /// nil when the suffix is shared (`.xml`, `.html`) or unknown.
    static func of(templateFile name: String, among formats: [OutputFormat] = builtIn) -> OutputFormat? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let parts = file.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return nil }
        if parts.count > 2, let named = formats.first(where: { $0.name == parts[parts.count - 2].lowercased() }) { return named }
        let bySuffix = formats.filter { $0.suffix == parts[parts.count - 1] }
        return bySuffix.count == 1 ? bySuffix[0] : nil
    }
}
