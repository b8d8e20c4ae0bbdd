import GoTemplates

/// `.Site.Menus`: menu name → its entries.
final class MenusObject: TemplateObject {
    unowned let site: SiteObject

    init(_ site: SiteObject) {
        self.site = site
    }

    var typeName: String { "navigation.Menus" }
    var printed: String { "map[" + site.menus.keys.sorted().joined(separator: " ") + "]" }

    var elements: Elements? {
        .map(site.menus.keys.sorted().map { ($0, .object(MenuObject(site.menus[$0]!, name: $0, site: site))) })
    }

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        let name = site.menus.keys.first { $0.lowercased() == member.lowercasedName }
        return name.map { .object(MenuObject(site.menus[$0]!, name: $0, site: site)) } ?? .null
    }
}

/// One menu: its entries in Hugo's order (weight, then name), with `.ByWeight`, `.ByName`, `.Reverse`, `.Limit`.
final class MenuObject: TemplateObject {
    let entries: [MenuEntry]
    let name: String
    unowned let site: SiteObject

    init(_ entries: [MenuEntry], name: String, site: SiteObject) {
        self.entries = entries.sorted { $0.weight != $1.weight ? ($1.weight == 0 || ($0.weight != 0 && $0.weight < $1.weight)) : $0.name < $1.name }
        self.name = name
        self.site = site
    }

    var typeName: String { "navigation.Menu" }
    var printed: String { "[" + entries.map(\.name).joined(separator: " ") + "]" }
    var elements: Elements? { .list(entries.map { .object(MenuEntryObject($0, menu: name, site: site)) }) }

    static let members = MemberTable<MenuObject>([
        "ByWeight": { menu, _, _ in .object(menu) },
        "ByName": { menu, _, _ in .object(MenuObject(menu.entries.sorted { $0.name < $1.name }, name: menu.name, site: menu.site)) },
        "Reverse": { menu, _, _ in .list(menu.entries.reversed().map { .object(MenuEntryObject($0, menu: menu.name, site: menu.site)) }) },
        "Limit": { menu, arguments, _ in
            guard case .int(let count)? = arguments.first else { throw TemplateFailure("Limit: the count must be a number") }
            return .list(menu.entries.prefix(max(0, count)).map { .object(MenuEntryObject($0, menu: menu.name, site: menu.site)) })
        },
        "Len": { menu, _, _ in .int(menu.entries.count) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// A menu entry (`.Name`, `.URL`, `.Children`, `.Page`…).
final class MenuEntryObject: TemplateObject {
    let entry: MenuEntry
    let menu: String
    unowned let site: SiteObject

    init(_ entry: MenuEntry, menu: String, site: SiteObject) {
        self.entry = entry
        self.menu = menu
        self.site = site
    }

    var typeName: String { "*navigation.MenuEntry" }
    var printed: String { entry.name }
    var url: String { site.model.urls.relative(entry.url) }

    /// The page the entry stands for (`pageRef`, front matter, `sectionPagesMenu`); nil for a `url`.
    var page: PageObject? { entry.pagePath.flatMap { site.pagesByPath[$0] } }

    /// Hugo 0.111's `IsMenuCurrent`: the entry stands for `page`, and is in `menu` (an entry of
    /// that menu, at any depth, links where this one does).
    func isCurrent(for page: PageObject, in menu: String) -> Bool {
        guard entry.pagePath == page.model.path else { return false }
        guard menu != self.menu else { return true }
        func contains(_ entries: [MenuEntry]) -> Bool {
            entries.contains { $0.url == entry.url || contains($0.children) }
        }
        return contains(site.menus[menu] ?? [])
    }

    /// Hugo 0.111's `HasMenuCurrent`: the entry stands for a section `page` is in, or one of its
    /// descendants stands for `page`.
    func hasCurrent(for page: PageObject) -> Bool {
        if let section = self.page, section.model.kind == .section, page.ancestors.contains(where: { $0.isEqual(to: section) }) {
            return true
        }
        return entry.children.contains { child in
            child.pagePath == page.model.path || MenuEntryObject(child, menu: menu, site: site).hasCurrent(for: page)
        }
    }

    static let members = MemberTable<MenuEntryObject>([
        "Name": { entry, _, _ in .string(entry.entry.name) },
        "URL": { entry, _, _ in .string(entry.url) },
        "Identifier": { entry, _, _ in .string(entry.entry.identifier) },
        "Weight": { entry, _, _ in .int(entry.entry.weight) },
        "Pre": { entry, _, _ in .html(entry.entry.pre ?? "") },
        "Post": { entry, _, _ in .html(entry.entry.post ?? "") },
        "Title": { entry, _, _ in .string(entry.entry.title ?? "") },
        "Parent": { entry, _, _ in .string(entry.entry.parent ?? "") },
        "Menu": { entry, _, _ in .string(entry.menu) },
        "KeyName": { entry, _, _ in .string(entry.entry.identifier.isEmpty ? entry.entry.name : entry.entry.identifier) },
        "HasChildren": { entry, _, _ in .bool(!entry.entry.children.isEmpty) },
        "Children": { entry, _, _ in .object(MenuObject(entry.entry.children, name: entry.menu, site: entry.site)) },
        "Page": { entry, _, _ in entry.page.map { .object($0) } ?? .null },
        "Params": { entry, _, _ in .params(entry.entry.params) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
