import Foundation
import Highlighting
import Testing

/// Each sample in Fixtures/samples (`NAME.LANGUAGE`) is lexed as Chroma lexes it: the tokens in
/// `NAME.LANGUAGE.tokens` are Chroma's own, written by scripts/chroma-oracle/regenerate.
@Suite struct ChromaTokensTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/samples")

    static var samples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasSuffix(".tokens") }.sorted()
    }

    @Test(arguments: samples) func tokensAreChromas(sample: String) throws {
        let language = (sample as NSString).pathExtension
        let code = try String(contentsOf: Self.folder.appendingPathComponent(sample), encoding: .utf8)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent(sample + ".tokens"))) as? [[String]]
        let tokens = try #require(Highlighter().tokens(of: code, language: language))
        let actual = tokens.map { [$0.type.name, $0.value] }
        guard let expected else { Issue.record("no tokens for \(sample)"); return }
        if let first = zip(actual, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? (actual.count != expected.count ? min(actual.count, expected.count) : nil) {
            let context = { (list: [[String]]) in list[max(0, first - 3)..<min(list.count, first + 3)].map { "\($0)" }.joined(separator: " ") }
            Issue.record("\(sample): token \(first) differs\n  Chroma: \(context(expected))\n  ours:   \(context(actual))")
        }
    }
}
