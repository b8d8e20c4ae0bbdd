/// The pages one rendering (an output file, or one page's Markdown with its render hooks and
/// shortcodes) read, so that after an edit only what read the edited page is rendered again.
/// Views report every page they show; a page's rendered Markdown (`content`, `summary`, word
/// counts…) is reported apart, because an edit to a page's body changes only that.
final class ReadRecorder: @unchecked Sendable {
    /// Set around one rendering, on one thread: no lock is needed.
    @TaskLocal static var current: ReadRecorder?

    private(set) var reads = PageReads()

    func read(_ page: PageRef) { reads.pages.insert(page) }
    /// The members of a list page (a section's pages, a term's, a pager's), apart from the page itself.
    func readList(_ page: PageRef) { reads.lists.insert(page) }
    func readContent(_ page: PageRef) {
        reads.pages.insert(page)
        reads.contents.insert(page)
    }

    func read(_ other: PageReads) {
        reads.pages.formUnion(other.pages)
        reads.contents.formUnion(other.contents)
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
/// showed, and list pages whose members it showed.
struct PageReads: Sendable {
    var pages: Set<PageRef> = []
    var contents: Set<PageRef> = []
    var lists: Set<PageRef> = []

    /// Whether an edit touches this rendering.
    func isAffected(by change: SiteChange) -> Bool {
        !pages.isDisjoint(with: change.pages) || !contents.isDisjoint(with: change.contents) || !lists.isDisjoint(with: change.lists)
    }
}

/// What an edit changed: pages (anything a view shows of them), pages' rendered Markdown, and
/// lists' members or their order.
struct SiteChange: Sendable {
    var pages: Set<PageRef> = []
    var contents: Set<PageRef> = []
    var lists: Set<PageRef> = []
}

extension PageRef {
    /// Stands for a site's menus, which views read as a whole (see `SiteView`).
    static func menus(of site: Int) -> PageRef { PageRef(site: site, page: -1) }
    /// Stands for a site's site-wide lists: its sections, regular and recent pages, taxonomies.
    static func lists(of site: Int) -> PageRef { PageRef(site: site, page: -2) }
}
