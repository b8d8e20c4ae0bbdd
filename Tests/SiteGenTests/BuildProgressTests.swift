import Foundation
import Synchronization
import Testing
@testable import SiteGen

@Suite struct BuildProgressTests {
    /// Each stage is reported as it starts, with its work, and as it ends, in the pipeline's order.
    @Test func aBuildReportsEachStage() throws {
        let site = try TestSite([
            "config.yaml": "title: T\n",
            "content/a.md": "---\ntitle: A\n---\nText.\n",
            "content/b.md": "---\ntitle: B\n---\nText.\n",
        ])
        let events = Mutex<[String]>([])
        var options = site.options()
        options.progress = BuildProgress { event in
            switch event {
            case .started(let stage, let count): events.withLock { $0.append("start \(stage.rawValue) \(count.map(String.init) ?? "-")") }
            case .finished(let stage, _): events.withLock { $0.append("end \(stage.rawValue)") }
            }
        }
        let report = try Builder(options: options).build()
        let seen = events.withLock { $0 }
        #expect(seen.count == 10)
        #expect(seen.prefix(6) == [
            "start Reading content -", "end Reading content",
            "start Assembling the site 2", "end Assembling the site",
            "start Rendering Markdown 2", "end Rendering Markdown",
        ])
        #expect(seen[6].hasPrefix("start Rendering templates ") && seen[7] == "end Rendering templates")
        // Every file written, the pages' and the rest (feeds, sitemap, the theme's files).
        #expect(seen[8] == "start Writing files \(report.filesWritten)" && seen[9] == "end Writing files")
    }
}
