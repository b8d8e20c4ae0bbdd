import Foundation
import Testing
@testable import SiteGen

/// Bad input as a user meets it: `sitegen build` run on a site that built before, now with one
/// broken file (and, where a page is broken, a second broken page). Each must fail with status 1,
/// name the file, line and column, list the other page's error too, and leave the previous
/// output byte for byte as it was. Serialized: dozens of `sitegen` processes at once would starve
/// the other suites' servers on a small machine.
@Suite(.serialized) struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: Data]
        /// `file:line:column` the error must start with.
        var location: String
        /// Whether the other pages still load, so their errors must be listed too.
        var pageLevel = true
        var testDescription: String { name }

        init(_ name: String, _ files: [String: String], at location: String, pageLevel: Bool = true) {
            self.init(name, files.mapValues { Data($0.utf8) }, at: location, pageLevel: pageLevel)
        }

        init(_ name: String, _ files: [String: Data], at location: String, pageLevel: Bool = true) {
            self.name = name
            self.files = files
            self.location = location
            self.pageLevel = pageLevel
        }
    }

    static let aliasBomb = (["a: &a [x, x, x, x, x, x, x, x, x]"] + (1...8).map { level in
        let name = String(UnicodeScalar(UInt8(97 + level)))
        let previous = String(UnicodeScalar(UInt8(96 + level)))
        return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]"
    }).joined(separator: "\n")

    static let cases: [Case] = [
        Case("TOML front matter opening an inline table in a table header", ["content/bad.md": "+++\ntitle = \"x\"\n[{\n+++\n"],
             at: "content/bad.md:3:"),
        Case("TOML front matter closing an array with a brace", ["content/bad.md": "+++\nx = [}\n+++\n"], at: "content/bad.md:2:"),
        Case("TOML front matter with an unfinished array-of-tables header", ["content/bad.md": "+++\n[[\n\n+++\n"], at: "content/bad.md:2:"),
        Case("a YAML alias bomb in front matter", ["content/bad.md": "---\n\(aliasBomb)\n---\n"], at: "content/bad.md:"),
        Case("JSON front matter with a trailing comma", ["content/bad.md": "{\n  \"title\": \"x\",\n}\n"], at: "content/bad.md:2:"),
        Case("invalid UTF-8 in a page", ["content/bad.md": Data("---\ntitle: caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8)],
             at: "content/bad.md:2:"),
        Case("shortcodes nested 8,000 deep",
             ["content/bad.md": "---\ntitle: Deep\n---\n" + String(repeating: "{{< wrap >}}", count: 8000) + String(repeating: "{{< /wrap >}}", count: 8000),
              "templates/shortcodes/wrap.mustache": "<div>{{{inner}}}</div>"],
             at: "content/bad.md:4:"),
        Case("an unknown shortcode", ["content/bad.md": "---\ntitle: x\n---\n\nText {{< nosuch >}}\n"], at: "content/bad.md:5:6:"),
        Case("an unclosed shortcode", ["content/bad.md": "---\ntitle: x\n---\n{{% highlight go %}}\nfunc main() {}\n"],
             at: "content/bad.md:4:"),
        Case("an alias into the destination's .git", ["content/bad.md": "---\ntitle: x\naliases: [\"/.git/x/\"]\n---\n"],
             at: "content/bad.md:3:1:"),
        Case("a url into the destination's .git", ["content/bad.md": "---\ntitle: x\nurl: /.git/config\n---\n"], at: "content/bad.md:3:1:"),
        Case("a slug longer than a file name", ["content/bad.md": "---\ntitle: x\nslug: \(String(repeating: "a", count: 300))\n---\n"],
             at: "content/bad.md:3:1:"),
        Case("a URL that leaves the output folder", ["content/bad.md": "---\ntitle: x\nurl: /../../etc/\n---\n"], at: "content/bad.md:3:1:"),
        Case("a template typo", ["templates/_default/single.mustache": "<h1>{{page.title}}</h1>\n<p>{{page.titel}}</p>\n"],
             at: "templates/_default/single.mustache:2:4:"),
        Case("malformed TOML in the configuration", ["config.toml": "title = \"x\"\n[[\n"], at: "config.toml:2:", pageLevel: false),
        Case("an alias bomb in the configuration's params", ["config.yaml": "title: x\nparams:\n  " + aliasBomb.replacingOccurrences(of: "\n", with: "\n  ")],
             at: "config.yaml:", pageLevel: false),
        Case("a broken language code", ["config.yaml": "title: x\ndefaultContentLanguage: \"en](\"\n"], at: "config.yaml:2:1:", pageLevel: false),
        Case("a permalink token typo", ["config.yaml": "title: x\npermalinks:\n  blog: /:year/:sMug/\n"], at: "config.yaml:2:1:", pageLevel: false),
        Case("malformed TOML strings", ["i18n/en.toml": "readMore = [}\n"], at: "i18n/en.toml:1:"),
    ]

    /// A site that builds, with two sections and a bundle.
    static let goodSite = [
        "content/_index.md": "---\ntitle: Home\n---\nWelcome.",
        "content/blog/first.md": "---\ntitle: First\ndate: 2026-01-02\ntags: [a]\n---\nHello *world*.",
        "content/blog/post/index.md": "---\ntitle: Bundle\ndate: 2026-01-03\n---\n![photo](notes.txt)",
        "content/blog/post/notes.txt": "bundle file\n",
        "static/robots-extra.txt": "static\n",
    ]

    /// A second broken page, whose error must be listed beside the first.
    static let otherBrokenPage = ("content/blog/other-broken.md", "---\ntitle: Other\ndate: someday\n---\n")

    @Test(arguments: cases) func badInputFailsClearlyAndChangesNothing(_ badInput: Case) async throws {
        let site = try TestSite(Self.goodSite)
        let first = try await SitegenRun(["build", "--source", site.root.path, "--no-cards"])
        #expect(first.status == 0, "the good site must build: \(first.errors)")
        let before = try site.snapshot()

        for (path, data) in badInput.files { try site.write(path, data) }
        if badInput.pageLevel { try site.write(Self.otherBrokenPage.0, Self.otherBrokenPage.1) }
        let run = try await SitegenRun(["build", "--source", site.root.path, "--no-cards"])
        #expect(run.status == 1)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(badInput.location) && $0.contains(": error: ") }, "\(run.errors.prefix(2000))")
        if badInput.pageLevel {
            #expect(lines.contains { $0.hasPrefix("\(Self.otherBrokenPage.0):3:") }, "\(run.errors.prefix(2000))")
        }
        #expect(lines.last?.hasPrefix("Build failed with") == true)
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aMissingSourceOrADestinationThatHoldsItFails() async throws {
        let site = try TestSite(Self.goodSite)
        let missing = try await SitegenRun(["build", "--source", site.root.appendingPathComponent("nope").path])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("nope: error: the site folder does not exist"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("nope").path))

        let parent = site.root.deletingLastPathComponent()
        let holding = try await SitegenRun(["build", "--source", site.root.path, "--destination", parent.path])
        #expect(holding.status == 1)
        #expect(holding.errors.contains("holds the site's folder"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/_index.md").path))
    }

    @Test func oneVeryLongParagraphWithLinksAndEmphasisBuilds() async throws {
        let words = ["alpha", "[link](https://example.org)", "*em*", "_under_", "`code`", "it's"]
        let paragraph = (0..<60_000).map { words[$0 * 7 % words.count] }.joined(separator: " ")
        let site = try TestSite(["content/long.md": "---\ntitle: Long\n---\n" + paragraph + "\n"])
        let run = try await SitegenRun(["build", "--source", site.root.path, "--no-cards"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(try site.read("long/index.html").occurrences(of: "<a href=\"https://example.org\">link</a>") == 10_000)
    }
}

/// `sitegen` run to the end, as a user runs it; killed past `timeout`. It waits on a thread of its
/// own: blocking one of the few threads that run tasks would stall the other suites' servers.
struct SitegenRun: Sendable {
    let status: Int32
    let errors: String
    let timedOut: Bool

    init(_ arguments: [String], timeout: TimeInterval = 120) async throws {
        let executable = try Self.executable()
        self = try await onOwnThread { try SitegenRun(blocking: arguments, executable: executable, timeout: timeout) }
        #expect(!timedOut, "sitegen \(arguments.joined(separator: " ")) still ran after \(timeout) s")
    }

    private init(blocking arguments: [String], executable: URL, timeout: TimeInterval) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read while it runs, or a full pipe would stall it.
        let reader = ErrorReader(errorPipe.fileHandleForReading)
        timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        status = process.terminationStatus
        errors = reader.text()
    }

    /// The `sitegen` built with the tests (`swift build` puts both in the same folder).
    static func executable() throws -> URL {
        let folder = try #require(Bundle.main.executableURL, "No test executable to find sitegen beside.").deletingLastPathComponent()
        let binary = folder.appendingPathComponent("sitegen")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "No sitegen at \(binary.path): run `swift build` first.")
        return binary
    }
}

/// Everything a pipe carries, read on a thread of its own.
private final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs `work` on a thread of its own and waits for it without holding one of the threads that
/// run tasks (two on a two-core machine).
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
