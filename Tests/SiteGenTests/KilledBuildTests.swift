import Foundation
import Testing
@testable import SiteGen

/// `sitegen build` killed (SIGKILL) at many moments: the destination is always one whole site,
/// the previous or the next, never a mixture, and the next build cleans up what the killed one left.
@Suite struct KilledBuildTests {
    static func site(version: Int) -> [String: String] {
        var files = ["content/_index.md": "---\ntitle: Home \(version)\n---\n", "static/site.css": "body { color: \(version == 1 ? "red" : "blue") }\n"]
        for index in 1...40 {
            files["content/blog/post-\(index)/index.md"] = "---\ntitle: Post \(index) v\(version)\ndate: 2026-01-\(String(format: "%02d", index % 28 + 1))\n---\nText of version \(version)."
            files["content/blog/post-\(index)/data-\(version).txt"] = "a file of version \(version)\n"
        }
        return files
    }

    /// The site's files, with the feeds' `lastBuildDate` (the time of the build) left out.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            var data = try Data(contentsOf: url)
            if url.pathExtension == "xml" {
                let text = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                data = Data(text.filter { !$0.contains("<lastBuildDate>") }.joined(separator: "\n").utf8)
            }
            files[String(url.standardizedFileURL.path.dropFirst(root.count + 1))] = data
        }
        return files
    }

    func write(_ files: [String: String], into site: TestSite, replacing previous: [String: String]) throws {
        for path in previous.keys where files[path] == nil { try FileManager.default.removeItem(at: site.root.appendingPathComponent(path)) }
        for (path, text) in files { try site.write(path, text) }
    }

    @Test func aKilledBuildLeavesTheOldOrTheNewSite() async throws {
        let site = try TestSite(Self.site(version: 1))
        let arguments = ["build", "--source", site.root.path, "--no-cards"]
        #expect(try await SitegenRun(arguments).status == 0)
        let first = try Self.contents(of: site.output)
        try write(Self.site(version: 2), into: site, replacing: Self.site(version: 1))
        #expect(try await SitegenRun(arguments).status == 0)
        let second = try Self.contents(of: site.output)
        #expect(first != second)
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")

        // Killed at a moment drawn between 0 and a little over a whole build, on a thread of its
        // own so that the moment is kept (see `onOwnThread`).
        let executable = try SitegenRun.executable(), output = site.output
        let rounds = try await onOwnThread { () throws -> [(killed: Bool, gitKept: Bool, whole: Bool)] in
            var generator = SystemRandomNumberGenerator()
            let started = Date()
            let timed = Process()
            timed.executableURL = executable
            timed.arguments = arguments
            timed.standardOutput = FileHandle.nullDevice
            timed.standardError = FileHandle.nullDevice
            try timed.run()
            timed.waitUntilExit()
            let buildTime = Date().timeIntervalSince(started)
            return try (0..<30).map { round in
                let version = round % 2 == 0 ? 1 : 2
                try write(Self.site(version: version), into: site, replacing: Self.site(version: 3 - version))
                let process = Process()
                process.executableURL = executable
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                Thread.sleep(forTimeInterval: Double.random(in: 0...(buildTime * 1.2), using: &generator))
                let killed = process.isRunning
                if killed { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                var found = try Self.contents(of: output)
                let gitKept = found.removeValue(forKey: ".git/HEAD") != nil
                return (killed, gitKept, found == first || found == second)
            }
        }
        for (round, result) in rounds.enumerated() {
            #expect(result.gitKept, "round \(round): the deploy checkout is gone")
            #expect(result.whole, "round \(round): the destination is neither whole site")
        }
        let killed = rounds.count { $0.killed }
        #expect(killed > 0)
        #expect(try await SitegenRun(arguments).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }
}
