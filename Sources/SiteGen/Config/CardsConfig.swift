/// `cards:` in the configuration: the Open Graph card SiteGen draws for each page.
///
/// ```yaml
/// cards:
///   enable: true                          # default; `card: false` in front matter turns one off
///   background: ["#1e3a8a", "#6d28d9"]    # a colour, or two for a gradient
///   pageImage: true                       # the page's own image, darkened, behind the title
///   logo: images/logo.png                 # a PNG, JPEG or WebP file in static/
///   subtitle: [section, date, author]     # what the second line says, in order
///   format: jpeg                          # or png, webp
///   maxLines: 3
///   sections:
///     blog: {enable: false}               # any key above, per top-level section
/// ```
public struct CardsConfig: Sendable, Hashable {
    public enum SubtitlePart: String, Sendable, Hashable { case section, date, author }

    public var enable = true
    /// One colour, or two for a gradient.
    public var background: [String] = []
    public var pageImage = true
    public var logo: String?
    public var subtitle: [SubtitlePart] = [.section, .date, .author]
    public var format = "jpeg"
    public var maxLines = 3
    public var sections: [String: CardsConfig] = [:]

    public init() {}

    /// The settings for pages of `section`: its own keys over the site's.
    public func forSection(_ section: String) -> CardsConfig {
        sections[section] ?? self
    }

    init(_ table: TypedTable, inheriting base: CardsConfig? = nil) throws(WrongTypeError) {
        self = base ?? CardsConfig()
        sections = [:]
        enable = try table.bool("enable") ?? enable
        background = try table.stringList("background") ?? background
        pageImage = try table.bool("pageImage") ?? pageImage
        logo = try table.string("logo") ?? logo
        if let parts = try table.stringList("subtitle") {
            subtitle = parts.compactMap { SubtitlePart(rawValue: $0.lowercased()) }
        }
        format = try table.string("format")?.lowercased() ?? format
        maxLines = try table.int("maxLines") ?? maxLines
        if base == nil, let configured = try table.table("sections") {
            for (section, _) in configured.all {
                guard let settings = try configured.table(section) else { continue }
                sections[section] = try CardsConfig(settings, inheriting: self)
            }
        }
    }
}

/// `thumbnails.SECTION` in the configuration: a section's share image, drawn once per language
/// for its pages that have no image (and no card) of their own.
///
/// ```yaml
/// thumbnails:
///   newsletter:
///     title: SiteGen Weekly                # default: the section's title in each language
///     background: ["#0f766e", "#155e75"]
///     image: images/newsletter.jpg         # in static/, darkened behind the title
///     logo: images/logo.png
/// ```
public struct SectionThumbnailConfig: Sendable, Hashable {
    public var title: String?
    public var background: [String] = []
    public var image: String?
    public var logo: String?

    init(_ table: TypedTable) throws(WrongTypeError) {
        title = try table.string("title")
        background = try table.stringList("background") ?? []
        image = try table.string("image")
        logo = try table.string("logo")
    }
}
