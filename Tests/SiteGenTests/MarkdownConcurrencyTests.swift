import Testing
@testable import SiteGen

@Suite struct MarkdownConcurrencyTests {
    /// Documents that exercise every extension, so that racing parses would corrupt each other.
    private static let documents: [String] = (0..<200).map { index in
        """
        # Post \(index)

        "Quoted" text with ~~strike~~, www.example\(index).com and a note.[^n\(index)]

        | Col | \(index) |
        |-----|----:|
        | *a* | `b` |

        - [x] done \(index)
        - [ ] todo

        ## Section {#s\(index)}

        <!--more-->

        \(String(repeating: "word ", count: index % 90)) ![img](pic\(index).png)

        [^n\(index)]: Footnote \(index).
        """
    }

    private static func render(_ markdown: String) -> [String] {
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render(markdown) { destination, kind in
            kind == .image ? "/img/\(destination)" : destination
        }
        return [rendered.html, rendered.summaryHTML, rendered.tocHTML, rendered.leadingPlainText, "\(rendered.wordCount)"]
    }

    @Test func concurrentRendersMatchSerialOnes() async {
        let serial = Self.documents.map(Self.render)
        for _ in 0..<3 {
            let concurrent = await withTaskGroup(of: (Int, [String]).self) { group in
                for (index, document) in Self.documents.enumerated() {
                    group.addTask { (index, Self.render(document)) }
                }
                var results = [[String]](repeating: [], count: Self.documents.count)
                for await (index, result) in group { results[index] = result }
                return results
            }
            let mismatched = serial.indices.filter { concurrent[$0] != serial[$0] }
            #expect(mismatched.isEmpty, "documents rendered differently in parallel: \(mismatched)")
        }
        #expect(serial[7][0].contains("<h2 id=\"s7\">Section</h2>"))
        #expect(serial[7][0].contains("<del>strike</del>"))
    }
}
