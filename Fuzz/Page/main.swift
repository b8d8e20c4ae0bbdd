import Foundation
import SiteGen

enum FuzzSite {
    /// The site beside this file, read once: each input replaces its `content/posts/fuzz.md`.
    static let pipeline: PagePipelineFuzzing = {
        let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("site")
        do {
            return try PagePipelineFuzzing(site: site, pagePath: "posts/fuzz.md")
        } catch {
            fatalError("the fuzz site does not load: \(error)")
        }
    }()
}

/// libFuzzer's entry point: one content file's bytes through front matter, the page model, shortcodes, emoji and
/// Markdown with render hooks, as `sitegen build` renders a page. A rejected page is an expected answer; only a
/// crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = FuzzSite.pipeline.render(text)
    return 0
}
