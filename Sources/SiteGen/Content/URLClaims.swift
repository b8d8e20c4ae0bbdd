/// Every output path has one owner, across the languages: two pages, a page and an alias, or a
/// page and a bundle file that would write the same file are an error naming both.
enum URLClaims {
    static func check(_ sites: [Site]) throws(DiagnosticList) {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        func claim(_ path: String, by owner: String, at label: String) {
            let file = OutputPath.file(forURLPath: path)
            if let existing = owners[file] {
                // A bundle file is published once for all the translations that share it.
                if existing != owner { problems.append(.error(label, "\(owner) claims \(path), already claimed by \(existing)")) }
            } else {
                owners[file] = owner
            }
        }
        for site in sites {
            for id in site.renderedPages {
                let page = site[id]
                claim(page.path, by: page.claimLabel(in: site), at: page.sourceLabel)
            }
        }
        for site in sites {
            for page in site.pages {
                for resource in page.resources {
                    claim(resource.path, by: resource.sourcePath, at: page.sourceLabel)
                }
            }
        }
        for site in sites {
            for id in site.renderedPages {
                let page = site[id]
                for alias in page.aliases {
                    claim(alias, by: "the alias '\(alias)' of \(page.claimLabel(in: site))", at: page.sourceLabel)
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}

private extension Page {
    /// A generated page has no file: it is named by what it is and its language.
    func claimLabel(in site: Site) -> String {
        source == nil ? "the generated \(kind) page of '\(site.language.code)' (\(sourceLabel))" : sourceLabel
    }
}
