import Foundation

/// Collects menu entries from the configuration (`menus.main: [{name, url | pageRef, weight}]`) and
/// from pages' front matter (`menu: main`), and nests them by `parent`.
struct MenuBuilder {
    let config: SiteConfig
    let pages: [Page]

    func build() -> [String: [MenuEntry]] {
        var flat: [String: [MenuEntry]] = [:]
        for (menu, specs) in config.menus {
            for spec in specs { flat[menu, default: []].append(entry(spec, page: spec.pageRef.flatMap(page(forRef:)))) }
        }
        for page in pages where !page.frontMatter.headless {
            for spec in page.frontMatter.menus { flat[spec.menu, default: []].append(entry(spec, page: page)) }
        }
        return flat.mapValues(nest)
    }

    private func entry(_ spec: MenuEntrySpec, page: Page?) -> MenuEntry {
        let linkTitle = page?.frontMatter.params.value(forKeyIgnoringCase: "linkTitle")?.string
        let name = spec.name ?? linkTitle ?? page?.title ?? spec.identifier ?? ""
        return MenuEntry(identifier: spec.identifier ?? name, name: name,
                         url: page?.path ?? spec.url.map(normalizedURL) ?? "/",
                         weight: spec.weight ?? page?.weight ?? 0,
                         parent: spec.parent, pre: spec.pre, post: spec.post, title: spec.title, params: spec.params, children: [],
                         pagePath: page?.path)
    }

    /// A configured `url: /blog` means the section at `/blog/`; absolute URLs stay as they are.
    private func normalizedURL(_ url: String) -> String {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
        return OutputPath.normalize(url) ?? url
    }

    /// `pageRef` names a page by its content path: `/newsletter`, `newsletter/_index.md`, `about`, `about.md`.
    private func page(forRef ref: String) -> Page? {
        let trimmed = ref.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return pages.first { page in
            guard let source = page.source else { return false }
            let withoutExtension = (source.path as NSString).deletingPathExtension
            return source.path == trimmed || withoutExtension == trimmed
                || (source.kind != .single && source.directory == trimmed)
        }
    }

    private func nest(_ entries: [MenuEntry]) -> [MenuEntry] {
        func children(of parent: String?) -> [MenuEntry] {
            sorted(entries.filter { $0.parent == parent }).map { entry in
                var entry = entry
                entry.children = children(of: entry.identifier)
                return entry
            }
        }
        let identifiers = Set(entries.map(\.identifier))
        // An entry whose parent does not exist stays at the top level rather than vanishing.
        let orphans = entries.filter { $0.parent != nil && !identifiers.contains($0.parent!) }.map { entry in
            var entry = entry
            entry.parent = nil
            return entry
        }
        return sorted(children(of: nil) + orphans)
    }

    private func sorted(_ entries: [MenuEntry]) -> [MenuEntry] {
        entries.sorted { a, b in
            let wa = a.weight == 0 ? Int.max : a.weight, wb = b.weight == 0 ? Int.max : b.weight
            return wa != wb ? wa < wb : a.name.localizedStandardCompare(b.name) == .orderedAscending
        }
    }
}
