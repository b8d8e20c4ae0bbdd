/// The pages one rendering (an output file, or one page's Markdown with its render hooks and
/// shortcodes) read, so that after an edit only what read the edited page is rendered again.
/// Views report every page they show; a page's rendered Markdown (`content`, `summary`, word
/// counts…) is reported apart, because an edit to a page's body changes only that.
final class ReadRecorder: @unchecked Sendable {
    /// Set around one rendering, on one thread: no lock is needed.
    @TaskLocal static var current: ReadRecorder?

    private(set) var reads = PageReads()
    /// The page read last: a template reads one page's members in a row, noted once.
    private var last: PageRef?

    func read(_ page: PageRef) {
        guard page != last else { return }
        last = page
        reads.pages.insert(page)
    }
    /// The members of a list page (a section's pages, a term's, a pager's), apart from the page itself.
    func readList(_ page: PageRef) { reads.lists.insert(page) }
    func readContent(_ page: PageRef, _ parts: ContentParts = .all) {
        read(page)
        reads.contents[page, default: []].formUnion(parts)
    }

    func read(_ other: PageReads) {
        reads.pages.formUnion(other.pages)
        reads.contents.merge(other.contents) { $0.union($1) }
        reads.lists.formUnion(other.lists)
    }

    /// Runs `body` into a recorder of its own when one records around it, whose reads are then the
    /// outer one's too, and returns them: what a cached result read, for each later rendering
    /// that shows it (`partialCached`).
    static func apart<T>(_ body: () throws -> T) rethrows -> (T, PageReads?) {
        guard let outer = current else { return (try body(), nil) }
        let inner = ReadRecorder()
        let value = try $current.withValue(inner, operation: body)
        outer.read(inner.reads)
        return (value, inner.reads)
    }

    /// Runs `body` recording into a new recorder when `recording`, and returns what it read.
    static func recording<T>(_ recording: Bool, _ body: () -> T) -> (T, PageReads?) {
        guard recording else { return (body(), nil) }
        let recorder = ReadRecorder()
        let value = $current.withValue(recorder, operation: body)
        return (value, recorder.reads)
    }
}

/// What a rendering read: pages it showed anything of, among them those whose rendered Markdown it
/// showed (and which parts of it), and list pages whose members it showed.
struct PageReads: Sendable {
    var pages: Set<PageRef> = []
    var contents: [PageRef: ContentParts] = [:]
    var lists: Set<PageRef> = []

    /// Whether an edit touches this rendering.
    func isAffected(by change: SiteChange) -> Bool {
        !pages.isDisjoint(with: change.pages) || showsChanged(change.contents) || !lists.isDisjoint(with: change.lists)
    }

    /// Whether this rendering showed a part of a page's Markdown that `contents` says changed.
    func showsChanged(_ contents: [PageRef: ContentParts]) -> Bool {
        let (fewer, more) = self.contents.count <= contents.count ? (self.contents, contents) : (contents, self.contents)
        return fewer.contains { page, parts in more[page].map { !$0.isDisjoint(with: parts) } ?? false }
    }
}

/// What an edit changed: pages (anything a view shows of them), the parts of pages' rendered
/// Markdown that changed, and lists' members or their order.
struct SiteChange: Sendable {
    var pages: Set<PageRef> = []
    var contents: [PageRef: ContentParts] = [:]
    var lists: Set<PageRef> = []
}

/// The parts of a page's rendered Markdown a rendering can show apart. An edit below a page's
/// summary changes its content and word count but not its summary: the lists and feeds that show
/// only summaries stay as they are.
struct ContentParts: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// The HTML as a whole: `.Content`, `.Len`, another page's content in a shortcode.
    static let html = ContentParts(rawValue: 1)
    /// `.Summary`, `.Truncated`.
    static let summary = ContentParts(rawValue: 2)
    /// The plain text and its words: `.Plain`, `.PlainWords`, the word counts, `.ReadingTime`.
    static let words = ContentParts(rawValue: 4)
    /// `.TableOfContents`, `.Fragments`.
    static let headings = ContentParts(rawValue: 8)
    static let all: ContentParts = [.html, .summary, .words, .headings]
}

extension PageRef {
    /// Stands for a site's menus, which views read as a whole (see `SiteView`).
    static func menus(of site: Int) -> PageRef { PageRef(site: site, page: -1) }
    /// Stands for a site's site-wide lists: its sections, regular and recent pages, taxonomies.
    static func lists(of site: Int) -> PageRef { PageRef(site: site, page: -2) }
}
