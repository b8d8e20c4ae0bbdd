import Foundation
import Synchronization
import Testing
@testable import SiteGen

@Suite struct BuildProgressTests {
    /// Every event of a build of `site`, as text.
    private static func events(building site: TestSite, cards: Bool = false) throws -> (events: [String], report: BuildReport) {
        let events = Mutex<[String]>([])
        var options = site.options(cards: cards)
        options.progress = BuildProgress { event in
            switch event {
            case .started(let stage, let count): events.withLock { $0.append("start \(stage.rawValue) \(count.map(String.init) ?? "-")") }
            case .advanced(let stage, let done, let total): events.withLock { $0.append("\(stage.rawValue) \(done)/\(total)") }
            case .finished(let stage, _): events.withLock { $0.append("end \(stage.rawValue)") }
            }
        }
        let report = try Builder(options: options).build()
        return (events.withLock { $0 }, report)
    }

    /// Each stage is reported as it starts, with its work, and as it ends, in the pipeline's order.
    @Test func aBuildReportsEachStage() throws {
        let site = try TestSite([
            "config.yaml": "title: T\n",
            "content/a.md": "---\ntitle: A\n---\nText.\n",
            "content/b.md": "---\ntitle: B\n---\nText.\n",
        ])
        let (events, report) = try Self.events(building: site, cards: true)
        let stages = events.filter { $0.hasPrefix("start ") || $0.hasPrefix("end ") }
        #expect(stages.count == 10)
        #expect(stages.prefix(6) == [
            "start Reading content -", "end Reading content",
            "start Assembling the site 2", "end Assembling the site",
            "start Rendering Markdown 2", "end Rendering Markdown",
        ])
        #expect(stages[6].hasPrefix("start Rendering templates ") && stages[7] == "end Rendering templates")
        // Every file written, the pages' and the rest (feeds, sitemap, the theme's files).
        #expect(stages[8] == "start Writing files \(report.filesWritten)" && stages[9] == "end Writing files")
        // Between a stage's start and end, its pages or files as they are done.
        let markdown = try #require(events.firstIndex(of: "start Rendering Markdown 2"))
        #expect(events[markdown + 1...markdown + 3] == ["Rendering Markdown 1/2", "Rendering Markdown 2/2", "end Rendering Markdown"])
        let written = events.filter { $0.hasPrefix("Writing files ") }
        #expect(written.count == report.filesWritten && written.contains("Writing files \(report.filesWritten)/\(report.filesWritten)"))
        // The share cards, within the templates' stage: the two pages', the home page's, the tags'…
        let cards = events.filter { $0.hasPrefix("Drawing share cards ") }
        #expect(cards.count >= 3 && cards.contains("Drawing share cards \(cards.count)/\(cards.count)"))
        #expect(events.firstIndex(of: cards[0])! > events.firstIndex { $0.hasPrefix("start Rendering templates") }!)
    }

    /// A stage of hundreds of pages is reported each hundredth of the way, up to all of them.
    @Test func aLargeStageIsReportedInHundredths() throws {
        var files = ["config.yaml": "title: T\n"]
        for number in 1...250 { files["content/posts/p\(number).md"] = "---\ntitle: Post \(number)\n---\nText.\n" }
        let (events, _) = try Self.events(building: TestSite(files))
        // 250 pages, 2 at a time: at 2, 4, … 250 (a thread's late report is the terminal's to drop).
        let markdown = events.filter { $0.hasPrefix("Rendering Markdown ") }
        #expect(markdown.count == 125)
        #expect(Set(markdown) == Set((1...125).map { "Rendering Markdown \($0 * 2)/250" }))
    }
}
