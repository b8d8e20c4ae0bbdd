/// What Hugo chooses a page's template by (its kind, type, section, `layout` and language, and
/// the output format), and the template names it tries, in Hugo 0.111's order: the most specific
/// type folder first (`posts/`), then the kind's, then `_default/`; in each, the page's `layout`,
/// then the kind's names, each with the language and output format in its name first
/// (`single.fr.html.html`, `single.html.html`, `single.fr.html`, `single.html`).
struct LayoutDescriptor: Hashable, Sendable {
    var kind: String
    var type: String
    var section: String
    var layout: String = ""
    var language: String = ""
    /// The base template (`baseof`) candidates instead of the page's own.
    var baseof = false

    private static let reservedSections: Set<String> = ["shortcodes", "partials"]

    private var isList: Bool { ["home", "section", "taxonomy", "term"].contains(kind) }

    /// Template names to try, most specific first, for `format` (with its name, e.g. "html",
    /// and its file suffix, e.g. "html").
    func candidates(format: String, suffix: String) -> [String] {
        var layouts: [String] = []
        var types: [String] = []
        func addLayouts(_ names: String...) {
            for name in names {
                if baseof && name != "baseof" { layouts.append(name + "-baseof") } else { layouts.append(name) }
            }
        }
        func addTypes(_ names: String...) {
            for name in names where !Self.reservedSections.contains(name) { types.append(name) }
        }
        if !layout.isEmpty { addLayouts(layout) }
        if !type.isEmpty { addTypes(type) }
        switch kind {
        case "page":
            addLayouts("single")
            if !section.isEmpty { addTypes(section) }
        case "home":
            addLayouts("index", "home")
            addTypes("")
        case "section":
            if !section.isEmpty { addLayouts(section) }
            if !section.isEmpty { addTypes(section) }
            addLayouts(kind)
            addTypes(kind)
        case "term":
            addLayouts(kind)
            addTypes(kind)
            if !section.isEmpty { addLayouts(section) }
            addLayouts("taxonomy")
            addTypes("taxonomy")
            if !section.isEmpty { addTypes(section) }
        case "taxonomy":
            if !section.isEmpty { addLayouts(section + ".terms") }
            if !section.isEmpty { addTypes(section) }
            addLayouts("terms")
            addLayouts(kind)
            addTypes(kind)
        case "404":
            addLayouts("404")
            addTypes("")
        case "robotsTXT":
            addLayouts("robots")
            addTypes("")
        case "sitemap", "sitemapindex":
            addLayouts(kind)
            addTypes("")
        default:
            break
        }
        let isRSS = format == "rss"
        if !baseof && isRSS { addLayouts("") }
        if baseof || kind != "404" { addTypes("_default") }
        if isList { addLayouts("list") }
        if baseof { addLayouts("baseof") }

        var variations = language.isEmpty ? [format] : [language + "." + format, format, language]
        variations.append("")
        var names: [String] = []
        var seen: Set<String> = []
        for type in types {
            for variation in variations {
                for layout in layouts where !(variation.isEmpty && layout.isEmpty) {
                    guard let name = Self.path(type: type, layout: layout, variation: variation, suffix: suffix),
                          seen.insert(name).inserted else { continue }
                    names.append(name)
                }
            }
        }
        if !baseof && isRSS { names.append("_internal/_default/rss.xml") }
        if kind == "robotsTXT" { names.append("_internal/_default/robots.txt") }
        if kind == "sitemap" || kind == "sitemapindex" { names.append("_internal/_default/\(kind).xml") }
        return names
    }

    /// `type/layout.variation.suffix`, leaving out the empty parts; nil without a suffix and with
    /// only one of layout and variation.
    private static func path(type: String, layout: String, variation: String, suffix: String) -> String? {
        if suffix.isEmpty && (layout.isEmpty || variation.isEmpty) { return nil }
        var path = type.isEmpty ? "" : type + "/"
        path += [layout, variation, suffix].filter { !$0.isEmpty }.joined(separator: ".")
        return path
    }
}
