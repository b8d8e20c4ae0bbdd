/// A heading in the table of contents. `title` is the heading's inner HTML. As in Hugo, a heading
/// that skips a level (an h3 with no h2 above it) sits under a placeholder entry whose title and
/// anchor are empty.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var title: String
    public var anchor: String
    public var children: [TOCEntry]

    var isPlaceholder: Bool { title.isEmpty && anchor.isEmpty }
}

/// Hugo's heading tree: every h1 starts a new row, deeper headings nest under the last heading
/// one level up, and `entries`/`html` cut out the configured level range.
struct TableOfContentsBuilder {
    /// Every heading, as Hugo's `.Fragments.Headings` holds them.
    private(set) var rows: [TOCEntry] = []

    mutating func add(_ entry: TOCEntry) {
        if entry.level == 1 {
            rows.append(entry)
            return
        }
        if rows.isEmpty { rows.append(Self.placeholder(level: 1)) }
        Self.insert(entry, below: &rows[rows.count - 1])
    }

    func entries(levels: ClosedRange<Int>) -> [TOCEntry] {
        func cut(_ list: [TOCEntry], level: Int) -> [TOCEntry] {
            if level < levels.lowerBound { return list.flatMap { cut($0.children, level: level + 1) } }
            return list.map { entry in
                var entry = entry
                entry.children = cut(entry.children, level: level + 1)
                return entry
            }
        }
        return cut(Self.pruned(rows, levels: levels), level: 1)
    }

    /// The table of contents of SiteGen's own theme: Hugo's markup, without the headings outside
    /// `levels` that lead to none inside (Hugo would print empty `<li>`s), anchors escaped.
    func html(levels: ClosedRange<Int>) -> String {
        Self.hugoHTML(Self.pruned(rows, levels: levels), startLevel: levels.lowerBound, stopLevel: levels.upperBound,
                      ordered: false, escapingAnchors: true)
    }

    /// Drops headings outside `levels` unless they lead to one inside, so that a page whose
    /// headings are all out of range gets no table of contents.
    private static func pruned(_ list: [TOCEntry], levels: ClosedRange<Int>) -> [TOCEntry] {
        list.compactMap { entry in
            var entry = entry
            entry.children = pruned(entry.children, levels: levels)
            let shown = !entry.isPlaceholder && levels.contains(entry.level)
            return shown || !entry.children.isEmpty ? entry : nil
        }
    }

    /// Hugo's own table of contents of `rows` (`.TableOfContents`, `.Fragments.ToHTML`): levels
    /// `startLevel...stopLevel` (`stopLevel` -1: all), headings out of range kept as empty `<li>`s
    /// where they lead to deeper ones, and `<nav id="TableOfContents"></nav>` for no headings.
    static func hugoHTML(_ rows: [TOCEntry], startLevel: Int, stopLevel: Int, ordered: Bool, escapingAnchors: Bool = false) -> String {
        let list = ordered ? "ol" : "ul"
        var html = "<nav id=\"TableOfContents\">"
        func writeHeadings(_ headings: [TOCEntry], level: Int, indent: Int) {
            if level < startLevel {
                for heading in headings { writeHeadings(heading.children, level: level + 1, indent: indent) }
                return
            }
            if stopLevel != -1 && level > stopLevel { return }
            guard !headings.isEmpty else { return }
            html += "\n" + pad(indent + 1) + "<\(list)>\n"
            for heading in headings {
                html += pad(indent + 2) + "<li>"
                if !heading.isPlaceholder {
                    html += "<a href=\"#\(escapingAnchors ? HTMLEscaping.escape(heading.anchor) : heading.anchor)\">\(heading.title)</a>"
                }
                writeHeadings(heading.children, level: level + 1, indent: indent + 2)
                html += "</li>\n"
            }
            html += pad(indent + 1) + "</\(list)>\n" + pad(indent)
        }
        writeHeadings(rows, level: 1, indent: 0)
        return html + "</nav>"
    }

    private static func pad(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    private static func placeholder(level: Int) -> TOCEntry {
        TOCEntry(level: level, title: "", anchor: "", children: [])
    }

    private static func insert(_ entry: TOCEntry, below parent: inout TOCEntry) {
        if entry.level <= parent.level + 1 {
            parent.children.append(entry)
            return
        }
        if parent.children.isEmpty { parent.children.append(placeholder(level: parent.level + 1)) }
        insert(entry, below: &parent.children[parent.children.count - 1])
    }
}
