import GoTemplates

/// Which output formats each kind of page is rendered in: Hugo's defaults (`html` for pages,
/// `html` and `rss` for lists), replaced per kind by the configuration's `outputs`.
struct OutputFormats: Sendable {
    private var byKind: [PageKind: [OutputFormat]]
    /// `disableKinds`, lower-cased: page kinds and `rss`, `sitemap`, `robotstxt`, `404`.
    let disabled: Set<String>

    init(config: SiteConfig) {
        byKind = [.page: [.html], .home: [.html, .rss], .section: [.html, .rss], .taxonomy: [.html, .rss], .term: [.html, .rss],
                  .notFound: [.html]]
        var disabled: Set<String> = []
        if case .array(let kinds)? = config.raw.first(where: { $0.key.lowercased() == "disablekinds" })?.value {
            disabled = Set(kinds.compactMap { $0.string?.lowercased() })
        }
        self.disabled = disabled
        if case .table(let outputs)? = config.raw.first(where: { $0.key.lowercased() == "outputs" })?.value {
            for (key, value) in outputs {
                guard let kind = PageKind(hugoName: key.lowercased()), case .array(let names) = value else { continue }
                byKind[kind] = names.compactMap { name in OutputFormat.builtIn.first { $0.name == name.string?.lowercased() } }
            }
        }
    }

    /// The formats a page of `kind` is rendered in; none when the kind is disabled.
    func formats(for kind: PageKind) -> [OutputFormat] {
        guard !isDisabled(kind) else { return [] }
        return (byKind[kind] ?? [.html]).filter { $0 != .rss || !disabled.contains("rss") }
    }

    func isDisabled(_ kind: PageKind) -> Bool { disabled.contains(kind.rawValue) }
}

extension PageKind {
    /// The kind as Hugo's configuration names it (`outputs: {home: […], section: […]}`).
    init?(hugoName: String) {
        switch hugoName {
        case "page": self = .page
        case "home": self = .home
        case "section": self = .section
        case "taxonomy": self = .taxonomy
        case "term": self = .term
        default: return nil
        }
    }
}

/// One of a page's output formats (`.OutputFormats.Get "rss"`).
final class OutputFormatObject: TemplateObject {
    let format: OutputFormat
    unowned let page: PageObject

    init(format: OutputFormat, page: PageObject) {
        self.format = format
        self.page = page
    }

    var typeName: String { "page.OutputFormat" }
    var printed: String { format.name }
    var permalink: String { page.site.model.urls.absolute(page.path(in: format)) }

    static let members = MemberTable<OutputFormatObject>([
        "Name": { output, _, _ in .string(output.format.displayName) },
        "Rel": { output, _, _ in .string(output.format.rel) },
        "Permalink": { output, _, _ in .string(output.permalink) },
        "RelPermalink": { output, _, _ in .string(output.page.site.model.urls.relative(output.page.path(in: output.format))) },
        "MediaType": { output, _, _ in .object(MediaTypeObject(output.format.mediaType, suffix: output.format.suffix)) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// `.OutputFormats`: a list, and `.Get NAME`.
final class OutputFormatsObject: TemplateObject {
    let formats: [OutputFormatObject]

    init(_ formats: [OutputFormatObject]) {
        self.formats = formats
    }

    var typeName: String { "page.OutputFormats" }
    var printed: String { "[" + formats.map(\.printed).joined(separator: " ") + "]" }
    var elements: Elements? { .list(formats.map { .object($0) }) }

    static let members = MemberTable<OutputFormatsObject>([
        "Get": { outputs, arguments, _ in
            let name = try Arguments(arguments, "Get").string(0).lowercased()
            return outputs.formats.first { $0.format.name == name }.map { .object($0) } ?? .null
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// A media type (`.MediaType.Type` is `application/rss+xml`).
final class MediaTypeObject: TemplateObject {
    let type: String
    let suffix: String

    init(_ type: String, suffix: String) {
        self.type = type
        self.suffix = suffix
    }

    var typeName: String { "media.Type" }
    var printed: String { type }

    static let members = MemberTable<MediaTypeObject>([
        "Type": { media, _, _ in .string(media.type) },
        "MainType": { media, _, _ in .string(String(media.type.split(separator: "/").first ?? "")) },
        "SubType": { media, _, _ in .string(String(media.type.split(separator: "/").last ?? "")) },
        "Suffixes": { media, _, _ in .list([.string(media.suffix)]) },
        "FirstSuffix": { media, _, _ in .map(ValueMap(["Suffix": .string(media.suffix), "FullSuffix": .string("." + media.suffix)])) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
