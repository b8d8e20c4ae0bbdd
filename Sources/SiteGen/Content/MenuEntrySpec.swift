/// A menu entry as written in front matter or site configuration, before it is tied to a page.
public struct MenuEntrySpec: Sendable, Hashable {
    public var menu: String
    public var name: String?
    public var url: String?
    public var pageRef: String?
    public var weight: Int?
    public var parent: String?
    public var identifier: String?
    public var pre: String?
    public var post: String?
    public var title: String?
    /// `params`: anything else the entry carries for templates (`.Params.icon`).
    public var params: [String: Value] = [:]

    public init(
        menu: String, name: String? = nil, url: String? = nil, pageRef: String? = nil, weight: Int? = nil,
        parent: String? = nil, identifier: String? = nil, pre: String? = nil, post: String? = nil, title: String? = nil
    ) {
        self.menu = menu
        self.name = name
        self.url = url
        self.pageRef = pageRef
        self.weight = weight
        self.parent = parent
        self.identifier = identifier
        self.pre = pre
        self.post = post
        self.title = title
    }

    /// An entry of `menu` from the settings table `{name, url, pageRef, weight, parent, identifier, pre, post, title}`.
    init(menu: String, settings: TypedTable) throws(WrongTypeError) {
        self.init(
            menu: menu,
            name: try settings.string("name"),
            url: try settings.string("url"),
            pageRef: try settings.string("pageRef"),
            weight: try settings.int("weight"),
            parent: try settings.string("parent"),
            identifier: try settings.string("identifier"),
            pre: try settings.string("pre"),
            post: try settings.string("post"),
            title: try settings.string("title")
        )
        params = try settings.tableValues("params") ?? [:]
    }
}

extension TypedTable {
    /// Front matter's three forms: `menu: main`, `menu: [main, footer]` and `menu: {main: {weight: 10, …}}`.
    func menuEntries(_ key: String) throws(WrongTypeError) -> [MenuEntrySpec]? {
        guard case .table = value(key) else { return try stringList(key)?.map { MenuEntrySpec(menu: $0) } }
        guard let menus = try table(key) else { return nil }
        var entries: [MenuEntrySpec] = []
        for (menu, _) in menus.all {
            entries.append(try MenuEntrySpec(menu: menu, settings: menus.table(menu)!))
        }
        return entries
    }
}
