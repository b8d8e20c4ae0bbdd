import Foundation

/// A page's front matter with Hugo's keys read into their types. Keys are case-insensitive, as in Hugo.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var date: Date?
    public var publishDate: Date?
    public var lastmod: Date?
    public var expiryDate: Date?
    public var draft: Bool
    public var aliases: [String]
    /// Plural taxonomy name → terms, for the configured taxonomies only.
    public var taxonomies: [String: [String]]
    public var authors: [String]
    public var description: String?
    public var summary: String?
    public var image: String?
    public var slug: String?
    public var url: String?
    public var weight: Int
    public var type: String?
    public var layout: String?
    public var menus: [MenuEntrySpec]
    public var headless: Bool
    /// Every front-matter key as written (Hugo's .Params holds all of them), with an explicit `params:` table merged on top.
    public var params: [String: Value]

    /// Throws every wrong-typed value in the file at once, each at its key's line.
    public init(values: [String: Value], taxonomies: [String], file: String, keyLines: [String: Int]) throws(DiagnosticList) {
        let table = TypedTable(values)
        var errors: [Diagnostic] = []
        func read<T>(_ reader: (String) throws(WrongTypeError) -> T?, _ key: String) -> T? {
            do {
                return try reader(key)
            } catch {
                errors.append(.error(file, line: keyLines[error.lineKey], column: 1, error.message))
                return nil
            }
        }

        title = read(table.string, "title")
        description = read(table.string, "description")
        summary = read(table.string, "summary")
        slug = read(table.string, "slug")
        url = read(table.string, "url")
        type = read(table.string, "type")
        layout = read(table.string, "layout")
        draft = read(table.bool, "draft") ?? false
        headless = read(table.bool, "headless") ?? false
        weight = read(table.int, "weight") ?? 0
        aliases = read(table.stringList, "aliases") ?? []

        var dates: [String: Date] = [:]
        for key in Self.dateKeys {
            dates[key] = read(table.date, key)
        }
        func firstDate(_ keys: [String]) -> Date? { keys.lazy.compactMap { dates[$0] }.first }
        date = firstDate(["date", "publishdate", "pubdate", "published"])
        publishDate = firstDate(["publishdate", "pubdate", "published", "date"])
        lastmod = firstDate(["lastmod", "modified", "date", "publishdate", "pubdate", "published"])
        expiryDate = firstDate(["expirydate", "unpublishdate"])

        var terms: [String: [String]] = [:]
        for taxonomy in taxonomies {
            terms[taxonomy] = read(table.stringList, taxonomy)
        }
        self.taxonomies = terms

        var authors: [String] = []
        for name in (read(table.stringList, "authors") ?? []) + (read(table.stringList, "author") ?? [])
        where !authors.contains(name) {
            authors.append(name)
        }
        self.authors = authors

        let image = read(table.string, "image")
        let images = read(table.stringList, "images")
        self.image = image ?? images?.first

        menus = (read(table.menuEntries, "menu") ?? [])
            + (read(table.menuEntries, "menus") ?? [])

        var params = values
        if let key = table.writtenKey("params") {
            params.removeValue(forKey: key)
            params.merge(read(table.tableValues, key) ?? [:]) { _, explicit in explicit }
        }
        self.params = params

        if !errors.isEmpty { throw DiagnosticList(errors) }
    }

    /// Hugo's default date keys (`frontmatter` configuration): `date` falls back to the publication date,
    /// `publishDate` and `lastmod` to `date`.
    private static let dateKeys = ["date", "publishdate", "pubdate", "published", "lastmod", "modified", "expirydate", "unpublishdate"]
}
