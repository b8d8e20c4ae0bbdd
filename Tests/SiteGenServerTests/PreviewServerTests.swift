import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SiteGen
import Testing
@testable import SiteGenServer

/// The preview server on a free loopback port, with a real site in a temporary folder.
@Suite(.serialized) struct PreviewServerTests {
    final class Running: @unchecked Sendable {
        let source: URL
        let site: PreviewSite
        let task: Task<Void, Error>
        let url: URL

        /// A post, a home page, a 404 page and a stylesheet.
        static let files = [
            "content/blog/post.md": "---\ntitle: First title\n---\nHello from the first version.\n",
            "templates/_default/single.mustache": "<html><body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>",
            "templates/404.mustache": "<html><body>Custom not found</body></html>",
            "templates/index.mustache": "<html><body>Home</body></html>",
            "static/style.css": "body { color: black }",
        ]

        static func write(_ files: [String: String], into folder: URL) throws {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        /// `configure` changes the server's configuration, a loopback address on a free port.
        init(configure: (inout PreviewServer.Configuration) -> Void = { _ in }) async throws {
            source = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
            try Self.write(Self.files, into: source)
            var options = BuildOptions(source: source)
            options.drawCards = false
            options.includeDrafts = true
            site = PreviewSite(options: options)
            await site.rebuild()
            var configuration = PreviewServer.Configuration()
            configuration.port = 0
            configure(&configuration)
            let (addresses, continuation) = AsyncStream<URL>.makeStream()
            let server = PreviewServer(site: site, configuration: configuration)
            task = Task { try await server.run { continuation.yield($0) } }
            var iterator = addresses.makeAsyncIterator()
            url = await iterator.next()!
        }

        func get(_ path: String, headers: [String: String] = [:]) async throws -> (status: Int, body: String, headers: [AnyHashable: Any]) {
            var request = URLRequest(url: URL(string: path, relativeTo: url)!)
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            return (http.statusCode, String(decoding: data, as: UTF8.self), http.allHeaderFields)
        }

        /// Writes by rename, so that no build reads the file half-written: one made as the watches
        /// are put in place sees it in the first snapshot (saves in place are SiteWatcherTests').
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: source.appendingPathComponent(path), options: .atomic)
        }

        /// Polls until `condition` holds for the page, for up to ten seconds.
        func eventually(_ path: String, _ condition: (String) -> Bool) async throws -> Bool {
            for _ in 0..<100 {
                if condition(try await get(path).body) { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }

        /// Runs `body` with a server, and stops it after, however `body` ends (a body that stops
        /// it itself, to time the stop, does no harm).
        static func with(configure: (inout PreviewServer.Configuration) -> Void = { _ in },
                         _ body: (Running) async throws -> Void) async throws {
            let server = try await Running(configure: configure)
            do {
                try await body(server)
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        func stop() async {
            task.cancel()
            _ = try? await task.value
            site.close()
            try? FileManager.default.removeItem(at: source)
        }
    }

    @Test func servesPagesWithTheLiveReloadScriptAndTheRightTypes() async throws {
        try await Running.with { server in
            #expect(try await server.get("/").status == 200)
            let page = try await server.get("blog/post/")
            #expect(page.status == 200)
            #expect(page.body.contains("<h1>First title</h1>"))
            #expect(page.body.contains("new EventSource(\"/_sitegen/events\")"))
            #expect((page.headers["Content-Type"] as? String) == "text/html; charset=utf-8")
            let css = try await server.get("style.css")
            #expect((css.headers["Content-Type"] as? String) == "text/css; charset=utf-8")
            #expect(!css.body.contains("EventSource"))
        }
    }

    @Test func etagsAnswerNotModified() async throws {
        try await Running.with { server in
            let first = try await server.get("style.css")
            let tag = try #require(first.headers["Etag"] as? String ?? first.headers["ETag"] as? String)
            let second = try await server.get("style.css", headers: ["If-None-Match": tag])
            #expect(second.status == 304)
        }
    }

    @Test func anEditThatKeepsTheSizeAndFirstBytesChangesTheETag() async throws {
        // Longer than the 80 bytes `Data`'s hash looks at, the edit after them.
        let comment = "/* " + String(repeating: "The site's own stylesheet. ", count: 4) + "*/\n"
        try await Running.with { server in
            try server.write("static/style.css", comment + "body { color: black }")
            #expect(try await server.eventually("style.css") { $0.hasPrefix(comment) })
            func conditionalGet(_ tag: String) async throws -> RawResponse? {
                let connection = try LoopbackConnection(port: try #require(server.url.port))
                try connection.send("GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: \(tag)\r\nConnection: close\r\n\r\n")
                return RawResponse(await connection.readToEnd(within: .seconds(5)).text)
            }
            let old = try #require(try await conditionalGet("\"none\"")?.headers["etag"])
            #expect(try await conditionalGet(old)?.status == 304)

            try server.write("static/style.css", comment + "body { color: white }")
            #expect(try await server.eventually("style.css") { $0.hasSuffix("white }") })
            let edited = try #require(try await conditionalGet(old))
            #expect(edited.status == 200)
            #expect(edited.body == comment + "body { color: white }")
            #expect(edited.headers["etag"] != old)
        }
    }

    @Test func aTakenPortGivesWayToTheNextFreeOneWhenAllowed() async throws {
        let taken = try LoopbackListener()
        try await Running.with(configure: { $0.port = taken.port; $0.nextPortsToTry = 5 }) { server in
            let port = try #require(server.url.port)
            #expect(port > taken.port && port <= taken.port + 5)
            #expect(try await server.get("blog/post/").status == 200)
        }
    }

    @Test func missingPagesGetTheSites404AndTraversalIsRefused() async throws {
        try await Running.with { server in
            let missing = try await server.get("no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.body.contains("Custom not found"))
            for path in ["%2e%2e/%2e%2e/etc/passwd", "blog/%2e%2e/%2e%2e/%2e%2e/etc/passwd"] {
                let response = try await server.get(path)
                #expect(response.status == 403 || response.status == 404, "\(path)")
                #expect(!response.body.contains("root:"))
            }
        }
    }

    @Test func anEditIsServedAfterTheRebuild() async throws {
        try await Running.with { server in
            try server.write("content/blog/post.md", "---\ntitle: Second title\n---\nThe second version.\n")
            #expect(try await server.eventually("blog/post/") { $0.contains("<h1>Second title</h1>") })
        }
    }

    @Test func aBrokenEditKeepsTheLastGoodPageAndShowsTheErrorUntilFixed() async throws {
        try await Running.with { server in
            try server.write("content/blog/post.md", "---\ntitle: [broken\n---\nText\n")
            #expect(try await server.eventually("blog/post/") { $0.contains("sitegen-errors") })
            let page = try await server.get("blog/post/")
            #expect(page.body.contains("<h1>First title</h1>"))
            #expect(page.body.contains("content/blog/post.md:"))
            try server.write("content/blog/post.md", "---\ntitle: Fixed title\n---\nText\n")
            #expect(try await server.eventually("blog/post/") { $0.contains("<h1>Fixed title</h1>") && !$0.contains("sitegen-errors") })
        }
    }

    @Test func rebuildsSendAReloadEvent() async throws {
        try await Running.with { server in
            let events = AsyncStream<PreviewEvent>.Iterator.Box(server.site.events().makeAsyncIterator())
            func next() async -> PreviewEvent? { await events.next(within: .seconds(10)) }
            try server.write("content/blog/post.md", "---\ntitle: Evented\n---\nText\n")
            // The edited page first, then the list that shows its title.
            #expect(await next() == PreviewEvent(name: "reload", data: #"["/blog/post/"]"#))
            #expect(await next() == PreviewEvent(name: "reload", data: #"["/blog/"]"#))
            try server.write("static/style.css", "body { color: red }")
            let event = await next()
            #expect(event == PreviewEvent(name: "css", data: "css"), "\(String(describing: event))")
        }
    }

    @Test func openPagesHearOnlyOfWhatTheyShow() {
        #expect(PreviewEvent.events(for: .files(["blog/post/index.html", "index.xml", "blog/index.xml"]))
                == [PreviewEvent(name: "reload", data: #"["/blog/post/"]"#)])
        #expect(PreviewEvent.events(for: .files(["index.html", "404.html"])) == [PreviewEvent(name: "reload", data: #"["/","/404.html"]"#)])
        #expect(PreviewEvent.events(for: .files(["theme/site.css"])) == [.css])
        #expect(PreviewEvent.events(for: .files(["sitemap.xml", "robots.txt", "_redirects"])) == [])
        #expect(PreviewEvent.events(for: .files(["js/app.js", "blog/post/index.html"])) == [.reloadAll])
        #expect(PreviewEvent.events(for: .site) == [.reloadAll])
    }

    @Test func theSharePreviewShowsTheRealTagsAndTheMissingOnes() async throws {
        try await Running.with { server in
            try server.write("templates/_default/single.mustache", """
                <html><head><meta property="og:title" content="{{page.title}}"><meta property="og:image" content="https://x.example/card.jpg"></head>
                <body>{{{page.content}}}</body></html>
                """)
            #expect(try await server.eventually("blog/post/") { $0.contains("og:image") })
            let preview = try await server.get("_sitegen/share/blog/post/")
            #expect(preview.status == 200)
            #expect(preview.body.contains(#"<img src="https://x.example/card.jpg" alt="">"#))
            for service in ["Mastodon", "X", "Facebook", "LinkedIn", "Slack"] { #expect(preview.body.contains("<h2>\(service)</h2>")) }
            #expect(preview.body.contains("<strong>First title</strong>"))
            #expect(preview.body.contains("Missing: <code>og:description</code>"))
            #expect(try await server.get("_sitegen/share/no/such/").status == 404)
        }
    }

    @Test func theEventStreamSpeaksServerSentEvents() async throws {
        try await Running.with { server in
            let stream = EventStreamReader()
            let session = URLSession(configuration: .default, delegate: stream, delegateQueue: nil)
            session.dataTask(with: URL(string: "_sitegen/events", relativeTo: server.url)!).resume()
            #expect(await stream.waitFor(": connected"))
            try server.write("content/blog/post.md", "---\ntitle: Streamed\n---\nText\n")
            #expect(await stream.waitFor("event: reload\ndata: [\"/blog/post/\"]\n\n"))
            session.invalidateAndCancel()
        }
    }
}

/// Collects what a streaming response has sent so far (URLSession's `bytes(for:)` is missing on Linux).
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var received = ""

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { received += String(decoding: data, as: UTF8.self) }
    }

    /// Whether `text` arrives within ten seconds.
    func waitFor(_ text: String) async -> Bool {
        for _ in 0..<100 {
            if lock.withLock({ received.contains(text) }) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
