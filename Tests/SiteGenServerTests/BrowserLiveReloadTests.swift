import Foundation
import Testing
@testable import SiteGenServer

/// Live reload as a reader sees it: a page open in a real (headless) browser shows an edit by
/// reloading itself on the server's event.
@Suite struct BrowserLiveReloadTests {
    @Test func anOpenPageReloadsItselfAfterAnEdit() async throws {
        let chromium = try HeadlessChromium()
        defer { chromium.close() }
        try await PreviewServerTests.Running.with { server in
            try await Self.editThePageWhileItIsOpen(server: server, chromium: chromium)
        }
    }

    static func editThePageWhileItIsOpen(server: PreviewServerTests.Running, chromium: HeadlessChromium) async throws {
        let tab = try await chromium.open(URL(string: "blog/post/", relativeTo: server.url)!)
        try #require(await eventually { try await tab.bodyText().contains("Hello from the first version.") },
                     "The browser never showed the first version of the page.")
        // An edit made before the page listens would be missed, so wait for its event stream to open.
        try #require(await eventually { tab.responses().contains { $0.path == LiveReload.eventsPath } },
                     "The page never opened \(LiveReload.eventsPath).")
        try server.write("content/blog/post.md", "---\ntitle: Second title\n---\nThe second version.\n")
        #expect(try await eventually { try await tab.bodyText().contains("The second version.") },
                "The page did not reload itself within 20 seconds of the edit.")
    }
}

/// Whether `condition` holds within `timeout`, checking every tenth of a second.
private func eventually(within timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return false
}
