import Foundation
import Testing
@testable import SiteGen

/// The built-in theme is a copy of the demo site's templates/ and static/theme/; this fails until
/// `scripts/embed-theme` is run after a theme edit.
@Suite struct EmbeddedThemeTests {
    static func files(under folder: String, suffix: String?) throws -> [String: String] {
        let base = TestSite.repositoryRoot.appendingPathComponent(folder)
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where suffix.map({ url.lastPathComponent.hasSuffix($0) }) ?? true {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue else { continue }
            var name = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            if let suffix { name = String(name.dropLast(suffix.count)) }
            result[name] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    @Test func templatesMatchTheDemoSite() throws {
        #expect(EmbeddedTheme.templates == (try Self.files(under: "templates", suffix: ".mustache")))
    }

    @Test func staticFilesMatchTheDemoSite() throws {
        let files = try Self.files(under: "static/theme", suffix: nil)
        #expect(EmbeddedTheme.staticFiles == Dictionary(uniqueKeysWithValues: files.map { ("theme/\($0.key)", $0.value) }))
    }
}
