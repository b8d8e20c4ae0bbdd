import Foundation
import Testing
@testable import SiteGenServer

@Suite struct SafePathTests {
    let root: URL
    let outside: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("safepath-\(UUID().uuidString)")
        root = base.appendingPathComponent("site")
        outside = base.appendingPathComponent("secret.txt")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("blog/post"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("post".utf8).write(to: root.appendingPathComponent("blog/post/index.html"))
        try Data("css".utf8).write(to: root.appendingPathComponent("style.css"))
        try Data("secret".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("leak.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("etc"), withDestinationURL: URL(fileURLWithPath: "/etc"))
    }

    var safe: SafePath { SafePath(root: root) }

    @Test func foldersServeTheirIndex() {
        #expect(safe.resolve("/") == .file(root.appendingPathComponent("index.html").resolvingSymlinksInPath()))
        #expect(safe.resolve("/blog/post/") == .file(root.appendingPathComponent("blog/post/index.html").resolvingSymlinksInPath()))
        #expect(safe.resolve("/style.css?v=2") == .file(root.appendingPathComponent("style.css").resolvingSymlinksInPath()))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        #expect(safe.resolve("/blog/post") == .redirect("/blog/post/"))
    }

    @Test func missingFilesAreNotFound() {
        #expect(safe.resolve("/nope/") == .notFound)
        #expect(safe.resolve("/blog/") == .notFound)
    }

    @Test(arguments: ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/blog/../../secret.txt",
                      "/..%2fsecret.txt", "/leak.txt", "/etc/passwd", "/a%00b", "/..\\\\secret.txt"])
    func pathsOutsideTheSiteAreRefused(_ path: String) {
        #expect(safe.resolve(path) == .forbidden || safe.resolve(path) == .notFound)
        if case .file = safe.resolve(path) { Issue.record("\(path) was served") }
    }
}
