import GoTemplates

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
    /// With the format's own scheme, if it has one (`webcal://`).
    var permalink: String {
        let url = page.site.model.urls.absolute(page.path(in: format))
        guard !format.protocol.isEmpty, let scheme = url.range(of: "://") else { return url }
        return format.protocol + url[scheme.upperBound...]
    }

    static let members = MemberTable<OutputFormatObject>([
        "Name": { output, _, _ in .string(output.format.displayName) },
        "Rel": { output, _, _ in .string(output.format.rel) },
        "Permalink": { output, _, _ in .string(output.permalink) },
        "RelPermalink": { output, _, _ in .string(output.page.site.model.urls.relative(output.page.path(in: output.format))) },
        "MediaType": { output, _, _ in .object(MediaTypeObject(output.format.mediaType, suffixes: output.format.suffixes)) },
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
    let suffixes: [String]

    init(_ type: String, suffixes: [String]) {
        self.type = type
        self.suffixes = suffixes
    }

    convenience init(_ type: String, suffix: String) {
        self.init(type, suffixes: [suffix])
    }

    private var suffix: String { suffixes.first ?? "" }

    var typeName: String { "media.Type" }
    var printed: String { type }

    static let members = MemberTable<MediaTypeObject>([
        "Type": { media, _, _ in .string(media.type) },
        "MainType": { media, _, _ in .string(String(media.type.split(separator: "/").first ?? "")) },
        // Without the `+xml` of `application/rss+xml`, as Hugo splits it.
        "SubType": { media, _, _ in .string(String(media.type.split(separator: "/").last?.split(separator: "+").first ?? "")) },
        "Suffixes": { media, _, _ in .list(media.suffixes.map { .string($0) }) },
        "FirstSuffix": { media, _, _ in .map(ValueMap(["Suffix": .string(media.suffix), "FullSuffix": .string("." + media.suffix)])) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
