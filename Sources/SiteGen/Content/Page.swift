import Foundation
import Thumbnails

/// Hugo's page kinds.
public enum PageKind: String, Sendable {
    case page, section, home, taxonomy, term
    case notFound = "404"
}

/// A file of a bundle, published next to its page.
public struct PageResource: Sendable, Hashable {
    /// Path from the bundle folder, `cover.jpg` or `images/cover.jpg`.
    public var name: String
    /// Path of the source file from the content folder.
    public var sourcePath: String
    public var sourceURL: URL
    /// Site-relative URL path, `/newsletter/weekly-01/cover.jpg`.
    public var path: String
    public var size: Int
    public var image: ImageInfo?

    /// `path` as it goes in a link: a file named `my photo.jpg` is `my%20photo.jpg`.
    public var urlPath: String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    public var mediaType: String {
        if let image { return image.format.mediaType }
        return MediaType.forExtension((name as NSString).pathExtension)
    }
}

/// One page of the site: a content file, or a list page SiteGen generates (home, taxonomy, term).
public struct Page: Sendable, Equatable {
    public var kind: PageKind
    /// The content file it was read from; nil for generated list pages.
    public var source: ContentSource?
    public var frontMatter: FrontMatter
    /// Markdown body, before rendering.
    public var body: String
    public var bodyStartLine: Int
    public var title: String
    /// Site-relative URL path from the site root, always starting with `/`: `/newsletter/weekly-01/`.
    public var path: String
    /// Top-level section: `newsletter`; empty for pages at the content root.
    public var section: String
    /// The folder of the section this page belongs to (or is, for a section page): `blog/2020`.
    public var sectionDirectory: String
    public var resources: [PageResource]
    /// Site-relative paths that redirect here.
    public var aliases: [String] = []
    /// The same for every translation of this page (see `ContentSource.translationKey`).
    public var translationKey = ""
    /// Line of each front-matter key in the file, for errors about its value.
    public var keyLines: [String: Int] = [:]
    /// What reading the file warned about (a YAML key written twice); the build reports it.
    public var warnings: [Diagnostic] = []
    public var rendered: RenderedMarkdown?
    /// For term pages, the taxonomy (plural) and term key; for taxonomy pages, the taxonomy.
    public var taxonomy: String?
    public var term: String?

    public var date: Date? { frontMatter.date }
    public var weight: Int { frontMatter.weight }
    /// The template type: front-matter `type`, else the top-level section, else `page`.
    public var type: String { frontMatter.type ?? (section.isEmpty ? "page" : section) }
    /// Path of the file this page writes, from the output root.
    public var outputPath: String { OutputPath.file(forURLPath: path) }
    /// Where errors about this page point.
    public var sourceLabel: String { source?.label ?? path }
    public var isListPage: Bool { [.home, .section, .taxonomy, .term].contains(kind) }
}
