import Synchronization

/// The pages of one Markdown stage, each rendered once: in its turn, or sooner when another
/// page's shortcode or render hook shows its content (`.Content`, `.Plain`, `.Summary`…), as Hugo
/// renders a page's content when it is first asked for. A page that asks for its own content,
/// directly or through others, gets none.
final class ContentOnDemand: @unchecked Sendable {
    typealias Result = (rendered: RenderedMarkdown, reads: PageReads?)

    private let pages: Set<PageRef>
    private let render: @Sendable (PageRef) -> Result
    private let done = Mutex<[PageRef: Result]>([:])
    /// The pages this thread is rendering, innermost last.
    @TaskLocal private static var inProgress: [PageRef] = []

    init(pages: Set<PageRef>, render: @escaping @Sendable (PageRef) -> Result) {
        self.pages = pages
        self.render = render
    }

    /// The page rendered, by this thread unless another was first.
    func result(of page: PageRef) -> Result {
        if let known = done.withLock({ $0[page] }) { return known }
        let made = Self.$inProgress.withValue(Self.inProgress + [page]) { render(page) }
        return done.withLock { done in
            if let first = done[page] { return first }
            done[page] = made
            return made
        }
    }

    /// The content of a page of this stage; nil for another page, whose content is its own.
    func rendered(_ page: PageRef) -> RenderedMarkdown? {
        guard pages.contains(page) else { return nil }
        if Self.inProgress.contains(page) { return Self.nothing }
        return result(of: page).rendered
    }

    private static let nothing = RenderedMarkdown(html: "", summaryHTML: "", hasManualSummary: false, isTruncated: false,
                                                  tableOfContents: [], tocHTML: "", headings: [], leadingPlainText: "",
                                                  wordCount: 0, readingTime: 0)
}
