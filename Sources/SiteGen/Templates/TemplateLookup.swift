/// Hugo's template lookup order, reduced to what Mustache templates need. The table is in
/// docs/templates.md; change both together.
enum TemplateLookup {
    static func candidates(for page: Page, taxonomies: [TaxonomyConfig]) -> [String] {
        let layout = page.frontMatter.layout
        let type = page.type
        func typed(_ kindName: String) -> [String] {
            var names: [String] = []
            if let layout { names.append("\(type)/\(layout)") }
            names.append("\(type)/\(kindName)")
            if let layout { names.append("_default/\(layout)") }
            names.append("_default/\(kindName)")
            return names
        }
        switch page.kind {
        case .page: return typed("single")
        case .section: return typed("list")
        case .home: return (layout.map { [$0] } ?? []) + ["index", "home", "_default/index", "_default/home", "_default/list"]
        case .taxonomy:
            let plural = page.taxonomy ?? ""
            let singular = taxonomies.first { $0.plural == plural }?.singular ?? plural
            return ["\(plural)/taxonomy", "taxonomy/\(singular)", "_default/taxonomy", "_default/list"]
        case .term:
            let plural = page.taxonomy ?? ""
            let singular = taxonomies.first { $0.plural == plural }?.singular ?? plural
            return ["\(plural)/term", "term/\(singular)", "_default/term", "_default/list"]
        case .notFound: return ["404", "_default/404"]
        }
    }

    static func feed(for page: Page) -> [String] { ["\(page.type)/rss", "_default/rss"] }
    static let sitemap = ["sitemap", "_default/sitemap"]
    static let robots = ["robots", "_default/robots"]
}
