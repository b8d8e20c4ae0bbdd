/// The site-wide files that are not rendered from page templates: alias redirects, `robots.txt`,
/// and for the whole build `_redirects`, the sitemap index of a multilingual site and the root
/// redirect when every language lives in its own folder.
struct SiteFiles {
    let context: RenderContext
    let templates: TemplateSet

    private var site: Site { context.site }

    /// One language's alias pages, and `robots.txt` with the default language.
    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        for id in site.renderedPages {
            let page = site[id]
            for alias in page.aliases {
                files.append(OutputFile(path: OutputPath.file(forURLPath: alias),
                                        content: .text(Redirects.aliasPage(to: site.urls.relative(page.path)))))
            }
        }
        if context.index == 0 && site.config.enableRobotsTXT {
            files.append(OutputFile(path: "robots.txt", content: .text(robots())))
        }
        return files
    }

    /// Files that belong to the whole build rather than one language.
    static func shared(_ sites: [Site]) -> [OutputFile] {
        var files: [OutputFile] = []
        let redirects = sites.flatMap { site in
            site.renderedPages.flatMap { id in
                site[id].aliases.map { (from: site.urls.relative($0), to: site.urls.relative(site[id].path)) }
            }
        }
        if !redirects.isEmpty {
            files.append(OutputFile(path: "_redirects", content: .text(Redirects.netlifyFile(redirects))))
        }
        if sites.count > 1 {
            files.append(OutputFile(path: "sitemap.xml", content: .text(Sitemaps.index(sites))))
        }
        let home = sites[0][sites[0].home]
        if home.path != "/" {
            files.append(OutputFile(path: "index.html", content: .text(Redirects.aliasPage(to: sites[0].urls.relative(home.path)))))
        }
        return files
    }

    /// The site's `robots` template when it has one, else Hugo's default plus the sitemap's address.
    private func robots() -> String {
        if let name = templates.first(of: TemplateLookup.robots) {
            let root = RootView(context: context, page: site.home, paginator: nil)
            if let text = try? templates.render(name, root) { return text }
        }
        return "User-agent: *\nAllow: /\n\nSitemap: \(site.urls.absolute("/sitemap.xml"))\n"
    }
}

/// Where each language's sitemap goes, and the index that lists them (as Hugo writes them).
enum Sitemaps {
    /// `/sitemap.xml` for a single language; `/CODE/sitemap.xml` for each language of a multilingual site.
    static func path(for site: Site, multilingual: Bool) -> String {
        multilingual ? "/\(site.language.code)/sitemap.xml" : "/sitemap.xml"
    }

    static func index(_ sites: [Site]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for site in sites {
            xml += "  <sitemap>\n    <loc>\(HTMLEscaping.escape(site.urls.absolute(path(for: site, multilingual: true))))</loc>\n"
            xml += "    <lastmod>\(DateView(site.buildDate).iso)</lastmod>\n  </sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }
}
