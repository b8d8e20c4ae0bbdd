import Foundation
import Testing
@testable import SiteGen
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `sitegen check --external`, against a server of the test's own on 127.0.0.1: each URL asked
/// once, HEAD then GET, 429s retried, answers kept a day, and what fails where its Markdown
/// writes it.
@Suite struct ExternalLinkCheckTests {
    /// Short pauses, so that a Retry-After is what makes a test wait.
    static func options(timeout: TimeInterval = 5) -> ExternalLinkCheck.Options {
        var options = ExternalLinkCheck.Options(timeout: timeout)
        options.backOff = 0.05
        return options
    }

    static func site(_ pages: [String: String]) throws -> TestSite {
        try TestSite(["config.yaml": "title: T\n"].merging(pages) { $1 })
    }

    static func linkFindings(_ site: TestSite, options: ExternalLinkCheck.Options = options(), now: Date = TestSite.now) async throws -> [Diagnostic] {
        try await SiteCheck(options: BuildOptions(source: site.root)).findings(now: now, external: options).filter { $0.message.hasPrefix("links to") }
    }

    @Test func liveLinksAndImagesAreAskedOnceAndReportNothing() async throws {
        let server = try LocalHTTPServer { request, _ in request.path == "/moved" ? .init(status: 301, headers: ["Location": "/live"]) : .init(status: 200) }
        defer { server.stop() }
        let site = try Self.site([
            "content/a.md": "---\ntitle: A\n---\nSee [it](\(server.url)/live#one), [again](\(server.url)/live#two), [moved](\(server.url)/moved) and ![a chart](\(server.url)/chart.png).\n",
            "content/b.md": "---\ntitle: B\n---\nAlso [it](\(server.url)/live) and [a search](\(server.url)/find?q=a&lang=en).\n",
        ])
        #expect(try await Self.linkFindings(site) == [])
        #expect(server.requests.map { "\($0.method) \($0.path)" }.sorted() == ["HEAD /chart.png", "HEAD /find?q=a&lang=en", "HEAD /live", "HEAD /live", "HEAD /moved"])
    }

    @Test func brokenLinksAreErrorsWhereTheMarkdownWritesThem() async throws {
        let server = try LocalHTTPServer { request, _ in .init(status: request.path == "/gone" ? 410 : 404) }
        defer { server.stop() }
        let closed = try LocalHTTPServer.closedPort()
        let site = try Self.site([
            "layouts/_default/single.html": "<main>{{ .Content }}</main><footer><a href=\"\(server.url)/theme\">theme</a></footer>",
            "content/post.md": "---\ntitle: Post\n---\nIntro.\n\nSee [missing](\(server.url)/missing) and [gone](\(server.url)/gone).\n",
            "content/other.md": "---\ntitle: Other\n---\n![down](http://127.0.0.1:\(closed)/down.png)\n",
        ])
        let findings = try await Self.linkFindings(site)
        #expect(findings.map { "\($0.location) \($0.severity.rawValue) \($0.message)" } == [
            // The theme's link, once for the two pages it is on.
            "content/other.md error links to \(server.url)/theme, which answers 404 (not found) (here and 1 other page; the link is not in the Markdown: a layout, shortcode or render hook writes it)",
            "content/other.md:4:9 error links to http://127.0.0.1:\(closed)/down.png, whose server cannot be connected to",
            "content/post.md:6:15 error links to \(server.url)/missing, which answers 404 (not found)",
            "content/post.md:6:\(36 + server.url.count) error links to \(server.url)/gone, which answers 410 (gone)",
        ])
        let json = try JSONSerialization.jsonObject(with: Data(SiteCheck.report(findings, format: .json).utf8)) as? [String: Any]
        let entries = json?["findings"] as? [[String: Any]] ?? []
        #expect(entries.contains { $0["file"] as? String == "content/post.md" && $0["line"] as? Int == 6 && $0["column"] as? Int == 15 && $0["severity"] as? String == "error" })
    }

    @Test func aTooManyRequestsIsAskedAgainAfterItsRetryAfter() async throws {
        let server = try LocalHTTPServer { request, earlier in
            switch request.path {
            case "/busy": earlier == 0 ? .init(status: 429, headers: ["Retry-After": "1"]) : .init(status: 200)
            default: .init(status: 429)
            }
        }
        defer { server.stop() }
        let site = try Self.site(["content/post.md": "---\ntitle: Post\n---\n[busy](\(server.url)/busy) [always](\(server.url)/always)\n"])
        var options = Self.options()
        options.attempts = 3
        let findings = try await Self.linkFindings(site, options: options)
        #expect(findings.map { "\($0.location) \($0.severity.rawValue) \($0.message)" } == [
            "content/post.md:4:\(24 + server.url.count) warning links to \(server.url)/always, which still answers 429 (too many requests) after 3 attempts",
        ])
        let busy = server.requests.filter { $0.path == "/busy" }
        #expect(busy.count == 2)
        if busy.count == 2 { #expect(busy[1].time.timeIntervalSince(busy[0].time) >= 0.9) }
        #expect(server.requests.filter { $0.path == "/always" }.count == 3)
    }

    @Test func aServerThatDoesNotTakeHeadIsAskedWithGet() async throws {
        let server = try LocalHTTPServer { request, _ in
            request.method == "HEAD" ? .init(status: request.path == "/old" ? 501 : 405) : .init(status: 200)
        }
        defer { server.stop() }
        let site = try Self.site(["content/post.md": "---\ntitle: Post\n---\n[get only](\(server.url)/get) [old](\(server.url)/old)\n"])
        #expect(try await Self.linkFindings(site) == [])
        #expect(server.requests.map { "\($0.method) \($0.path)" }.sorted() == ["GET /get", "GET /old", "HEAD /get", "HEAD /old"])
    }

    @Test func aSlowOrFailingServerIsAWarning() async throws {
        let server = try LocalHTTPServer { request, _ in request.path == "/slow" ? .init(status: 200, hangs: true) : .init(status: 503) }
        defer { server.stop() }
        let site = try Self.site(["content/post.md": "---\ntitle: Post\n---\n[slow](\(server.url)/slow)\n\n[down](\(server.url)/down)\n"])
        let findings = try await Self.linkFindings(site, options: Self.options(timeout: 1))
        #expect(findings.map { "\($0.location) \($0.severity.rawValue) \($0.message)" } == [
            "content/post.md:4:8 warning links to \(server.url)/slow, which does not answer within 1 s",
            "content/post.md:6:8 warning links to \(server.url)/down, which answers 503 (service unavailable): a server error, perhaps for a while",
        ])
        // The check gave up on the request after its second, not on the server (10 s). Timed
        // at the server, not around the call: the call's end also waits for a free thread of a
        // test run's busy pool.
        let deadline = Date().addingTimeInterval(10)
        while server.requests.first(where: { $0.path == "/slow" })?.abandonedAfter == nil, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let slow = server.requests.first { $0.path == "/slow" }
        #expect(slow?.abandonedAfter.map { (0.9..<5).contains($0) } == true, "\(String(describing: slow))")
    }

    @Test func goodAnswersAreKeptADayAndFailuresAskedAgain() async throws {
        let server = try LocalHTTPServer { request, _ in .init(status: request.path == "/live" ? 200 : 404) }
        defer { server.stop() }
        let site = try Self.site(["content/post.md": "---\ntitle: Post\n---\n[live](\(server.url)/live) [missing](\(server.url)/missing)\n"])
        #expect(try await Self.linkFindings(site).count == 1)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("resources/_gen/links.json").path))
        #expect(server.requests.map(\.path).sorted() == ["/live", "/missing"])

        #expect(try await Self.linkFindings(site, now: TestSite.now.addingTimeInterval(60 * 60)).count == 1)
        #expect(server.requests.map(\.path).sorted() == ["/live", "/missing", "/missing"])

        // A day later, the live link is asked again.
        #expect(try await Self.linkFindings(site, now: TestSite.now.addingTimeInterval(25 * 60 * 60)).count == 1)
        #expect(server.requests.map(\.path).sorted() == ["/live", "/live", "/missing", "/missing", "/missing"])
    }

    @Test func withoutExternalNothingIsRequested() async throws {
        let server = try LocalHTTPServer { _, _ in .init(status: 404) }
        defer { server.stop() }
        let site = try Self.site(["content/post.md": "---\ntitle: Post\n---\n[missing](\(server.url)/missing)\n"])
        #expect(try SiteCheck(options: BuildOptions(source: site.root)).findings(now: TestSite.now) == [])
        #expect(server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("resources/_gen/links.json").path))
    }

    @Test func connectionsArePerHostAndInAllLimited() async throws {
        let limits = ConnectionLimits(perHost: 2, total: 3)
        await limits.acquire("a")
        await limits.acquire("a")
        await limits.acquire("b")
        let started = StartedHosts()
        let waiting = Task {
            await withTaskGroup(of: Void.self) { group in
                for host in ["a", "c"] {
                    group.addTask {
                        await limits.acquire(host)
                        await started.add(host)
                    }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await started.hosts.isEmpty)
        // "b" done: room for one more, but not a third on "a".
        await limits.release("b")
        let deadline = Date().addingTimeInterval(5)
        while await started.hosts.isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await started.hosts == ["c"])
        await limits.release("a")
        await waiting.value
        #expect(await started.hosts == ["c", "a"])
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 at a free port, for the tests: each connection one request
/// (`Connection: close`), answered as `respond` says, and every request recorded.
final class LocalHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        let method: String
        let path: String
        let time: Date
        /// For a request left unanswered (`hangs`): how long after it the client closed the
        /// connection; nil while it is open or if the server stopped first.
        var abandonedAfter: TimeInterval?
    }

    struct Response: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        /// Accepts the request and never answers (until the server stops).
        var hangs = false
    }

    let port: UInt16
    var url: String { "http://127.0.0.1:\(port)" }
    /// Given the request and how many requests of its path came before it.
    private let respond: @Sendable (Request, Int) -> Response
    private let listener: Int32
    private let state = Mutex<(requests: [Request], stopped: Bool)>(([], false))

    var requests: [Request] { state.withLock { $0.requests } }

    init(respond: @escaping @Sendable (Request, Int) -> Response) throws {
        self.respond = respond
        (listener, port) = try Self.openListener()
        let thread = Thread { [self] in acceptConnections() }
        thread.start()
    }

    func stop() {
        state.withLock { $0.stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port nothing listens on: one the system gave and was given back.
    static func closedPort() throws -> UInt16 {
        let (descriptor, port) = try openListener()
        close(descriptor)
        return port
    }

    private static func openListener() throws -> (Int32, UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && listen(descriptor, 64) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else { close(descriptor); throw POSIXError(.EADDRINUSE) }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.containsHeadersEnd {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            received += buffer[..<count]
        }
        let words = String(decoding: received, as: UTF8.self).prefix { $0 != "\r" }.split(separator: " ")
        guard words.count >= 2 else { return }
        let request = Request(method: String(words[0]), path: String(words[1]), time: Date())
        let (index, earlier) = state.withLock { state in
            defer { state.requests.append(request) }
            return (state.requests.count, state.requests.filter { $0.path == request.path }.count)
        }
        let response = respond(request, earlier)
        if response.hangs {
            let until = Date().addingTimeInterval(10)
            while !state.withLock({ $0.stopped }), Date() < until {
                var peek: UInt8 = 0
                if recv(connection, &peek, 1, Int32(MSG_DONTWAIT | MSG_PEEK)) == 0 {
                    state.withLock { $0.requests[index].abandonedAfter = Date().timeIntervalSince(request.time) }
                    return
                }
                usleep(20_000)
            }
            return
        }
        // A HEAD answer says how long the GET one is, as servers do, and sends none of it.
        let body = "Some text.\n"
        let headers = response.headers.merging(["Content-Length": "\(body.utf8.count)", "Connection": "close"]) { $1 }
        let head = "HTTP/1.1 \(response.status) Status\r\n"
            + headers.map { "\($0.key): \($0.value)\r\n" }.joined() + "\r\n"
        let bytes = Array((head + (request.method == "HEAD" ? "" : body)).utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}

actor StartedHosts {
    private(set) var hosts: [String] = []
    func add(_ host: String) { hosts.append(host) }
}

private extension [UInt8] {
    var containsHeadersEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
