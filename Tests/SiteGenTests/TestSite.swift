import Foundation
@testable import SiteGen

/// A site in a temporary folder: write its files, build it, read what it wrote.
struct TestSite {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// The repository root, found from this file's path, for the demo site.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// A file of `Tests/SiteGenTests/Fixtures/`, written for these tests.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func copy(_ repositoryPath: String, to path: String) throws {
        try write(path, Data(contentsOf: Self.repositoryRoot.appendingPathComponent(repositoryPath)))
    }

    var output: URL { root.appendingPathComponent("public") }

    /// A fixed "now" so future and expiry checks do not depend on the day the tests run.
    static let now = ISO8601DateFormatter().date(from: "2026-11-25T12:00:00Z")!

    /// Cards are drawn only where a test asks: drawing them in every small test site would
    /// triple the suite's time, and ShareCardBuildTests and DemoSiteTests cover them.
    func options(drafts: Bool = false, future: Bool = false, expired: Bool = false, cards: Bool = false) -> BuildOptions {
        var options = BuildOptions(source: root)
        options.drawCards = cards
        options.includeDrafts = drafts
        options.includeFuture = future
        options.includeExpired = expired
        options.now = Self.now
        return options
    }

    @discardableResult
    func build(drafts: Bool = false, future: Bool = false, expired: Bool = false, cards: Bool = false) throws(DiagnosticList) -> BuildReport {
        try Builder(options: options(drafts: drafts, future: future, expired: expired, cards: cards)).build()
    }

    /// The diagnostics of a build expected to fail, or an empty list if it succeeded.
    func failedBuild() -> [Diagnostic] {
        do throws(DiagnosticList) {
            try build()
            return []
        } catch {
            return error.diagnostics
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file under the output folder with its bytes, to prove a failed build changed nothing.
    func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = output.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return result }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
            }
        }
        return result
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
