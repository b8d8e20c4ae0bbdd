import CCmarkGFM

/// Hugo's summary rules over a document's top-level blocks.
enum SummaryDivider {
    /// Removes the first top-level `<!--more-->` block and returns how many blocks preceded it.
    static func remove(from root: CmarkNode) -> Int? {
        for (index, block) in root.children.enumerated() where isDivider(block) {
            block.delete()
            return index
        }
        return nil
    }

    /// The automatic summary's length in blocks: whole blocks until `limit` words are reached, or
    /// until the first heading after some text, so a summary never ends on a dangling heading and
    /// an article's introduction is its summary.
    static func automaticBlockCount(wordCounts: [Int], startsSection: [Bool], limit: Int) -> Int {
        var words = 0
        for (index, count) in wordCounts.enumerated() {
            if startsSection[index] && words > 0 { return index }
            words += count
            if words >= limit { return index + 1 }
        }
        return wordCounts.count
    }

    private static func isDivider(_ block: CmarkNode) -> Bool {
        guard block.type == CMARK_NODE_HTML_BLOCK else { return false }
        // `<!-- more -->`, white space around its parts allowed; read without a regex, which
        // would be compiled again for every HTML block.
        var rest = Substring(block.literal).drop { $0.isWhitespace }
        for part in ["<!--", "more", "-->"] {
            guard rest.hasPrefix(part) else { return false }
            rest = rest.dropFirst(part.count).drop { $0.isWhitespace }
        }
        return rest.isEmpty
    }
}
