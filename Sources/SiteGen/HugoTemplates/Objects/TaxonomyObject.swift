import GoTemplates

/// `.Site.Taxonomies`: taxonomy name → its terms.
final class TaxonomiesObject: TemplateObject {
    unowned let site: SiteObject

    init(_ site: SiteObject) {
        self.site = site
    }

    var typeName: String { "page.TaxonomyList" }
    var printed: String { "map[" + site.model.taxonomies.map(\.plural).joined(separator: " ") + "]" }

    var elements: Elements? {
        .map(site.model.taxonomies.sorted { $0.plural < $1.plural }.map { ($0.plural, .object(TaxonomyObject($0, site: site))) })
    }

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        guard let taxonomy = site.model.taxonomies.first(where: { $0.plural == member.lowercasedName }) else { return .null }
        return .object(TaxonomyObject(taxonomy, site: site))
    }
}

/// One taxonomy (`.Site.Taxonomies.tags`): term → its pages, with Hugo's `.Alphabetical` and `.ByCount`.
final class TaxonomyObject: TemplateObject {
    let taxonomy: Taxonomy
    unowned let site: SiteObject

    init(_ taxonomy: Taxonomy, site: SiteObject) {
        self.taxonomy = taxonomy
        self.site = site
    }

    var typeName: String { "page.Taxonomy" }
    var printed: String { "map[" + taxonomy.terms.map(\.name).joined(separator: " ") + "]" }

    /// Terms by their key (Hugo keys taxonomies by the term's URL form, lower-cased).
    var entries: [(key: String, value: TemplateValue)] {
        taxonomy.terms.map { (Self.key(of: $0, in: site), .object(WeightedPagesObject(term: $0, site: site))) }.sorted { $0.key < $1.key }
    }

    static func key(of term: Term, in site: SiteObject) -> String {
        site.pages[term.page].model.path.split(separator: "/").last.map(String.init) ?? term.name.lowercased()
    }

    var elements: Elements? { .map(entries) }

    private func ordered(_ terms: [Term]) -> TemplateValue {
        .list(terms.map { .object(WeightedPagesObject(term: $0, site: site)) })
    }

    static let members = MemberTable<TaxonomyObject>([
        "Alphabetical": { taxonomy, _, _ in taxonomy.ordered(taxonomy.taxonomy.terms.sorted { $0.name.lowercased() < $1.name.lowercased() }) },
        "ByCount": { taxonomy, _, _ in
            taxonomy.ordered(taxonomy.taxonomy.terms.sorted {
                $0.pages.count != $1.pages.count ? $0.pages.count > $1.pages.count : $0.name.lowercased() < $1.name.lowercased()
            })
        },
        "Count": { taxonomy, arguments, _ in
            let name = try Arguments(arguments, "Count").string(0).lowercased()
            return .int(taxonomy.taxonomy.terms.first { $0.name.lowercased() == name }?.pages.count ?? 0)
        },
        "Get": { taxonomy, arguments, _ in
            let name = try Arguments(arguments, "Get").string(0).lowercased()
            return taxonomy.entries.first { $0.key == name }?.value ?? .null
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        if let value = try Self.members.value(of: self, member, arguments, context) { return value }
        return entries.first { $0.key == member.lowercasedName }?.value ?? .null
    }
}

/// A term's pages (`range $name, $pages := .Site.Taxonomies.tags`): `.Page`, `.Pages`, `.Count`, `.Term`.
final class WeightedPagesObject: TemplateObject {
    let term: Term
    unowned let site: SiteObject

    init(term: Term, site: SiteObject) {
        self.term = term
        self.site = site
    }

    var typeName: String { "page.OrderedTaxonomyEntry" }
    var printed: String { term.name }
    /// The term's pages, noting that the output shows the term's list of them.
    private var pages: [PageObject] {
        noteList()
        return term.pages.map { site.pages[$0] }.inDefaultOrder()
    }

    private func noteList() { ReadRecorder.current?.readList(PageRef(site: site.index, page: term.page)) }
    var elements: Elements? { .list(pages.map { .object(WeightedPageObject(page: $0)) }) }

    static let members = MemberTable<WeightedPagesObject>([
        "Page": { entry, _, _ in .object(entry.site.pages[entry.term.page]) },
        "Pages": { entry, _, _ in .object(PagesObject(entry.pages)) },
        "Count": { entry, _, _ in
            entry.noteList()
            return .int(entry.term.pages.count)
        },
        // Hugo's taxonomy key, which both name: `y-z` for `Y Z`.
        "Term": { entry, _, _ in .string(TaxonomyObject.key(of: entry.term, in: entry.site)) },
        "Name": { entry, _, _ in .string(TaxonomyObject.key(of: entry.term, in: entry.site)) },
        "WeightedPages": { entry, _, _ in .object(entry) },
        "Len": { entry, _, _ in
            entry.noteList()
            return .int(entry.term.pages.count)
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// One page of a term, with its weight (`.Page`, `.Weight`): the rest of its members are the page's.
final class WeightedPageObject: TemplateObject {
    let page: PageObject

    init(page: PageObject) {
        self.page = page
    }

    var typeName: String { "page.WeightedPage" }
    var printed: String { page.printed }

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        switch member.name {
        case "Page": return .object(page)
        case "Weight": return .int(0)
        default: return try page.value(of: member, arguments: arguments, context: context)
        }
    }
}
