/// The site's output formats: Hugo's own, changed and added to by the configuration's
/// `outputFormats` (with the `mediaTypes` it names), and which of them each kind of page is
/// rendered in: Hugo's defaults (`html` for pages, `html` and `rss` for lists), replaced per kind by
/// `outputs`, in the order written there.
struct OutputFormats: Sendable {
    /// Every format, Hugo's first.
    let all: [OutputFormat]
    private var byKind: [PageKind: [OutputFormat]]
    /// `disableKinds`, lower-cased: page kinds and `rss`, `sitemap`, `robotstxt`, `404`.
    let disabled: Set<String>

    /// Hugo 0.111's media types that formats name, with their suffixes.
    private static let mediaTypes: [String: [String]] = [
        "text/html": ["html"], "application/rss+xml": ["xml", "rss"], "application/json": ["json"],
        "application/xml": ["xml"], "text/plain": ["txt"], "text/calendar": ["ics"], "text/css": ["css"],
        "text/csv": ["csv"], "application/manifest+json": ["webmanifest"], "text/javascript": ["js", "jsm", "mjs"],
        "application/toml": ["toml"], "application/yaml": ["yaml", "yml"], "text/markdown": ["md", "markdown"],
    ]

    init(config: SiteConfig) {
        var disabled: Set<String> = []
        if case .array(let kinds)? = Self.value(config.raw, "disableKinds") {
            disabled = Set(kinds.compactMap { $0.string?.lowercased() })
        }
        self.disabled = disabled

        var mediaTypes = Self.mediaTypes
        if case .table(let configured)? = Self.value(config.raw, "mediaTypes") {
            for (type, value) in configured {
                guard case .table(let fields) = value else { continue }
                switch Self.value(fields, "suffixes") ?? Self.value(fields, "suffix") {
                case .array(let suffixes)?: mediaTypes[type.lowercased()] = suffixes.compactMap(\.string)
                case .string(let suffix)?: mediaTypes[type.lowercased()] = [suffix]
                default: mediaTypes[type.lowercased()] = mediaTypes[type.lowercased()] ?? []
                }
            }
        }
        var all = OutputFormat.builtIn
        if case .table(let configured)? = Self.value(config.raw, "outputFormats") {
            for (key, value) in configured.sorted(by: { $0.key < $1.key }) {
                guard case .table(let fields) = value else { continue }
                let name = key.lowercased()
                let index = all.firstIndex { $0.name == name } ?? {
                    all.append(OutputFormat(name: name, mediaType: "text/html", suffixes: ["html"], displayName: name))
                    return all.count - 1
                }()
                Self.apply(fields, to: &all[index], mediaTypes: mediaTypes)
            }
        }
        self.all = all

        byKind = [.page: [.html], .home: [.html, .rss], .section: [.html, .rss], .taxonomy: [.html, .rss], .term: [.html, .rss],
                  .notFound: [.html]]
        if case .table(let outputs)? = Self.value(config.raw, "outputs") {
            for (key, value) in outputs {
                guard let kind = PageKind(hugoName: key.lowercased()), case .array(let names) = value else { continue }
                byKind[kind] = names.compactMap { name in all.first { $0.name == name.string?.lowercased() } }
            }
        }
        // What `.OutputFormats` of a page lists is the format as configured, Hugo's own included.
        for (kind, formats) in byKind {
            byKind[kind] = formats.map { format in all.first { $0.name == format.name } ?? format }
        }
    }

    /// An `outputFormats` entry's settings, over the format's own.
    private static func apply(_ fields: [String: Value], to format: inout OutputFormat, mediaTypes: [String: [String]]) {
        for (key, value) in fields {
            switch key.lowercased() {
            case "mediatype":
                guard let type = value.string?.lowercased() else { continue }
                format.mediaType = type
                format.suffixes = mediaTypes[type] ?? [String(type.split(separator: "/").last ?? "")]
            case "basename": format.baseName = value.string ?? format.baseName
            case "path": format.path = value.string.map { String($0.trimmingCharacters(in: ["/"])) } ?? format.path
            case "rel": format.rel = value.string ?? format.rel
            case "protocol": format.protocol = value.string ?? format.protocol
            case "isplaintext": format.isPlainText = value == .bool(true)
            case "ishtml": format.isHTML = value == .bool(true)
            case "nougly": format.noUgly = value == .bool(true)
            case "notalternative": format.notAlternative = value == .bool(true)
            case "permalinkable": format.permalinkable = value == .bool(true)
            default: continue
            }
        }
    }

    private static func value(_ table: [String: Value], _ key: String) -> Value? {
        table.first { $0.key.lowercased() == key.lowercased() }?.value
    }

    /// The format named `name` (`rss`, `calendar`), as configured.
    func format(named name: String) -> OutputFormat? {
        all.first { $0.name == name }
    }

    /// The formats a page of `kind` is rendered in; none when the kind is disabled.
    func formats(for kind: PageKind) -> [OutputFormat] {
        guard !isDisabled(kind) else { return [] }
        return (byKind[kind] ?? [.html]).filter { $0.name != "rss" || !disabled.contains("rss") }
    }

    func isDisabled(_ kind: PageKind) -> Bool { disabled.contains(kind.rawValue) }
}
