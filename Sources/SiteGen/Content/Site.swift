import Foundation

/// The whole site after content is read: every page, and the relations between them that
/// templates and outputs need. Built once per build by `SiteAssembler`; later stages only read it.
public struct Site: Sendable {
    /// The configuration as this site's language sees it (`SiteConfig.localized(for:)`).
    public var config: SiteConfig
    public var language: LanguageConfig
    public var urls: SiteURLs
    /// Every page, addressed by index (`PageID`).
    public var pages: [Page]
    public var home: PageID
    /// Regular pages that are listed (not headless), in Hugo's default order.
    public var regularPages: [PageID]
    /// A list page's regular pages: a section's own pages, a term's pages, the home page's main sections.
    public var members: [PageID: [PageID]]
    /// A list page's child sections.
    public var childSections: [PageID: [PageID]]
    /// The section page (or home) that a page belongs to.
    public var parent: [PageID: PageID]
    /// Older and newer neighbours in the page's section.
    public var previous: [PageID: PageID]
    public var next: [PageID: PageID]
    public var taxonomies: [Taxonomy]
    public var menus: [String: [MenuEntry]]
    /// Content path (`newsletter/weekly-01/index.md`) → page, for links between pages.
    public var pagesByContentPath: [String: PageID]
    public var buildDate: Date

    public typealias PageID = Int

    public subscript(id: PageID) -> Page {
        _read { yield pages[id] }
    }

    /// The top-level sections, by weight then title.
    public var topLevelSections: [PageID] { childSections[home] ?? [] }

    /// Pages that are rendered to HTML: everything but headless bundles.
    public var renderedPages: [PageID] {
        pages.indices.filter { !pages[$0].frontMatter.headless }
    }
}

/// A page of one of a build's sites: the site's position (its language) and the page's ID in it.
public struct PageRef: Sendable, Hashable {
    public var site: Int
    public var page: Site.PageID
}

/// A configured taxonomy (`tags`) with its terms.
public struct Taxonomy: Sendable, Equatable {
    public var singular: String
    public var plural: String
    /// The taxonomy's own page, `/tags/`.
    public var page: Site.PageID
    /// Terms sorted by name.
    public var terms: [Term]
}

public struct Term: Sendable, Equatable {
    /// As first written in front matter (`Performance`).
    public var name: String
    public var page: Site.PageID
    public var pages: [Site.PageID]
}

/// A menu entry from configuration or front matter, with its children nested.
public struct MenuEntry: Sendable, Hashable {
    public var identifier: String
    public var name: String
    /// Site-relative path (`/blog/`) or an absolute URL.
    public var url: String
    public var weight: Int
    public var parent: String?
    public var pre: String?
    public var post: String?
    public var title: String?
    public var params: [String: Value] = [:]
    public var children: [MenuEntry]
    /// The path of the page the entry stands for: its `pageRef`, or the page whose front matter
    /// made it; nil for an entry with only a `url`, which Hugo never marks as current.
    public var pagePath: String? = nil
}
