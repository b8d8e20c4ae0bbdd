/// Every output path has one owner: two pages, a page and an alias, or a page and a bundle file
/// that would write the same file are an error naming both.
enum URLClaims {
    static func check(_ site: Site) throws(DiagnosticList) {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        func claim(_ path: String, by owner: String, at label: String) {
            let file = OutputPath.file(forURLPath: path)
            if let existing = owners[file] {
                problems.append(.error(label, "\(owner) claims \(path), already claimed by \(existing)"))
            } else {
                owners[file] = owner
            }
        }
        for id in site.renderedPages {
            let page = site[id]
            claim(page.path, by: "\(page.sourceLabel)", at: page.sourceLabel)
        }
        for id in site.pages.indices {
            let page = site[id]
            for resource in page.resources {
                claim(resource.path, by: resource.sourcePath, at: page.sourceLabel)
            }
        }
        for id in site.renderedPages {
            let page = site[id]
            for alias in page.aliases {
                claim(alias, by: "the alias '\(alias)' of \(page.sourceLabel)", at: page.sourceLabel)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}
