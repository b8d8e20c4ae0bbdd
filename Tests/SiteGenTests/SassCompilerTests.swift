import Foundation
import Testing
@testable import SiteGen

/// `toCSS` against what Hugo 0.111 extended published for each case
/// (`scripts/hugo-oracle/sass/make-fixture.py` writes the fixture). Each case compiles in a
/// temporary folder holding the oracle site's partials, its own and its theme's.
struct SassCompilerTests {
    @Test(arguments: try SassCase.load())
    func compilesAsHugoDoes(_ test: SassCase) throws {
        let site = try TestSite(test.siteFiles)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let root = site.root.path
        switch (Result { () throws(SassError) in try test.compile(in: root) }, test.expectation) {
        case (.success(let css), .css(let published)):
            let expected = published.replacingOccurrences(of: "{site}", with: root)
            #expect(css.utf8.elementsEqual(expected.utf8), "\(css.debugDescription) is not Hugo's \(expected.debugDescription)")
        case (.success(let css), .error(let error)):
            Issue.record("Hugo failed (\(error.message)); this printed \(css.debugDescription)")
        case (.failure(let error), .css(let expected)):
            Issue.record("Hugo printed \(expected.debugDescription); this failed: \(error)")
        case (.failure(let error), .error(let expected)):
            #expect(error.description == "\(root)/\(expected.file):\(expected.line):\(expected.column): \(expected.message)")
        }
    }

    /// Every case at once, several times over, gives what each gives alone.
    @Test func compilesOnSeveralThreadsAtOnce() async throws {
        let cases = try SassCase.load()
        let site = try TestSite(cases.reduce(into: [:]) { $0.merge($1.siteFiles) { $1 } })
        defer { try? FileManager.default.removeItem(at: site.root) }
        let root = site.root.path
        let alone = cases.map { $0.outcome(in: root) }
        let together = await withTaskGroup(of: (Int, String).self) { group in
            for _ in 0..<8 {
                for (index, test) in cases.enumerated() {
                    group.addTask { (index, test.outcome(in: root)) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(together.count == 8 * cases.count)
        #expect(together.allSatisfy { alone[$0.0] == $0.1 })
    }
}

/// One Sass source with the options Hugo's template gave `toCSS`, and the CSS Hugo published or
/// the error it stopped at.
struct SassCase: Decodable, CustomTestStringConvertible, Sendable {
    struct HugoOptions: Decodable, Sendable {
        let outputStyle: String?
        let precision: Int?
        let includePaths: [String]?
    }

    struct HugoError: Decodable, Sendable {
        /// Relative to the site.
        let file: String
        let line: Int
        let column: Int
        let message: String
    }

    enum Expectation { case css(String), error(HugoError) }

    let name: String
    /// Where the source was in the oracle site.
    let path: String
    let syntax: String
    let source: String
    let options: HugoOptions
    private let css: String?
    private let error: HugoError?
    /// The oracle site's partials, by their path in the site.
    private(set) var partials: [String: String] = [:]
    /// The oracle site's `assets` folders, relative to it.
    private(set) var assetFolders: [String] = []

    private enum CodingKeys: String, CodingKey { case name, path, syntax, source, options, css, error }

    /// The files of the oracle site this case reads: the partials and the source.
    var siteFiles: [String: String] { partials.merging([path: source]) { $1 } }

    var expectation: Expectation { css.map(Expectation.css) ?? .error(error!) }

    var testDescription: String {
        let options = [options.outputStyle, options.precision.map { "precision \($0)" }, options.includePaths.map { "includePaths \($0)" }]
        return ([name] + options.compactMap { $0 }).joined(separator: ", ")
    }

    static func load() throws -> [SassCase] {
        struct Fixture: Decodable {
            let files: [String: String]
            let assetFolders: [String]
            let cases: [SassCase]
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hugo-sass.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        return fixture.cases.map { test in
            var test = test
            test.partials = fixture.files
            test.assetFolders = fixture.assetFolders
            return test
        }
    }

    /// Compiled as Hugo compiles the asset at `path` in a copy of the oracle site at `root`.
    func compile(in root: String) throws(SassError) -> String {
        let options = SassCompiler.Options(
            assetPath: String(path.trimmingPrefix("assets/")),
            assetFolders: assetFolders.map { "\(root)/\($0)" },
            siteFolder: root,
            outputStyle: options.outputStyle.map(SassCompiler.OutputStyle.init(hugoName:)) ?? .nested,
            precision: options.precision ?? 8,
            includePaths: (options.includePaths ?? []).map { "\(root)/\($0)" })
        return try SassCompiler.compile(source, syntax: syntax == "sass" ? .sass : .scss, options: options).css
    }

    /// The CSS, or the error as it prints.
    func outcome(in root: String) -> String {
        do { return try compile(in: root) } catch { return "error: \(error)" }
    }
}
