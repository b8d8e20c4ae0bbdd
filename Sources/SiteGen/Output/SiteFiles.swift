/// The site-wide files that are not rendered from page templates: alias redirects, `_redirects` and
/// `robots.txt`.
struct SiteFiles {
    let site: Site
    let templates: TemplateSet
    let context: RenderContext

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        var redirects: [(from: String, to: String)] = []
        for id in site.renderedPages {
            let page = site[id]
            for alias in page.aliases {
                let target = site.urls.relative(page.path)
                files.append(OutputFile(path: OutputPath.file(forURLPath: alias), content: .text(Redirects.aliasPage(to: target))))
                redirects.append((site.urls.relative(alias), target))
            }
        }
        if !redirects.isEmpty {
            files.append(OutputFile(path: "_redirects", content: .text(Redirects.netlifyFile(redirects))))
        }
        if site.config.enableRobotsTXT {
            files.append(OutputFile(path: "robots.txt", content: .text(robots())))
        }
        return files
    }

    /// The site's `robots` template when it has one, else Hugo's default plus the sitemap's address.
    private func robots() -> String {
        if let name = templates.first(of: TemplateLookup.robots) {
            let root = RootView(page: PageView(context, site.home, current: site.home),
                                site: SiteView(context: context, current: site.home), paginator: nil)
            if let text = try? templates.render(name, root) { return text }
        }
        return "User-agent: *\nAllow: /\n\nSitemap: \(site.urls.absolute("/sitemap.xml"))\n"
    }
}
