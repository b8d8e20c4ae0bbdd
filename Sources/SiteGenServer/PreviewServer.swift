import Crypto
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import SiteGen

/// `sitegen serve`: builds the site into a private folder, serves it over HTTP, rebuilds when a
/// source file changes and tells open pages to reload.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 1313
        /// How many ports after `port` to try, one by one, when it is taken; 0 fails at once.
        /// For a user who did not choose a port: Hugo, too, moves off its busy default.
        public var nextPortsToTry = 0
        public var liveReload = true
        /// How long a connection may stay silent: a client that never finishes its request, or an
        /// idle keep-alive connection, is closed after it. An open page's event stream is not
        /// silent in this sense: it waits for the server, not the client.
        public var idleTimeout: Duration = .seconds(5)
        /// How long a stop waits for answers under way before it cuts them off. Idle connections
        /// are closed at once and open pages' event streams end, so only a client that stopped
        /// reading (with more requests sent behind a large answer) makes it wait this long.
        public var gracePeriod: Duration = .milliseconds(500)

        public init() {}
    }

    public let site: PreviewSite
    public let configuration: Configuration

    public init(site: PreviewSite, configuration: Configuration) {
        self.site = site
        self.configuration = configuration
    }

    /// Serves until cancelled, which stops it at once, open pages' event streams included: by a
    /// graceful shutdown (see `GracefulStop`), which cuts off after `gracePeriod` what it waits for.
    /// `ready` gets the address once the server listens (with the real port when `port` is 0),
    /// and runs before the first connection is accepted (connections wait for it): the command
    /// line builds the site there, so a port in use fails before building and no request sees an
    /// empty folder. Throws `PortInUse` when no port could be had.
    public func run(ready: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let site = self.site
        let watcher = SiteWatcher(source: site.options.source)
        let start = watcher.snapshot()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await listen(ready: ready) }
            group.addTask {
                await watcher.watch(from: start) { changed, waiting in
                    await site.rebuild(changed: changed, interrupted: waiting)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Serves on the first port of those `configuration` allows that is free.
    private func listen(ready: @escaping @Sendable (URL) async -> Void) async throws {
        let ports = configuration.port...min(configuration.port + configuration.nextPortsToTry, Int(UInt16.max))
        let stop = GracefulStop(logger: Self.logger, gracePeriod: configuration.gracePeriod)
        for port in ports {
            do {
                return try await stop.run(application(port: port, ready: ready))
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                continue
            }
        }
        throw PortInUse(host: configuration.host, ports: ports)
    }

    private func application(port: Int, ready: @escaping @Sendable (URL) async -> Void) -> some ApplicationProtocol {
        let host = configuration.host
        let http1 = HTTP1Channel.Configuration(idleTimeout: TimeAmount(configuration.idleTimeout))
        return Application(
            router: router(),
            server: HTTPServerBuilder { responder in PreviewHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: http1)) },
            configuration: .init(address: .hostname(host, port: port), serverName: "SiteGen"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await ready(URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")!)
            },
            logger: Self.logger)
    }

    private static let logger = Logger(label: "sitegen.serve", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The events stream and the site's files; `HEAD` answers as `GET` does, without the body.
    private func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        let site = self.site, liveReload = configuration.liveReload
        let root = site.root
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
            // Endless otherwise, and a graceful shutdown waits for the answers under way.
            let events = site.events().cancelOnGracefulShutdown()
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                for await event in events {
                    try await writer.write(ByteBuffer(string: "event: \(event.name)\ndata: \(event.data)\n\n"))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
        }
        // "**" does not match the root itself, nor paths under `/_sitegen/`, which the events
        // route claims in the router's tree.
        for pattern in ["/", "**", SharePreview.prefix + "/**"] {
            router.get(RouterPath(pattern)) { request, _ -> Response in
                try await Self.respond(to: request, root: root, site: site, liveReload: liveReload)
            }
        }
        return router
    }

    static func respond(to request: Request, root: URL, site: PreviewSite, liveReload: Bool) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix(SharePreview.prefix + "/") {
            let pagePath = String(path.dropFirst(SharePreview.prefix.count))
            guard case .file(let url) = SafePath(root: root).resolve(pagePath.hasSuffix("/") || pagePath.hasSuffix(".html") ? pagePath : pagePath + "/"),
                  url.pathExtension == "html" else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "No page at \(pagePath).\n")))
            }
            let html = SharePreview.page(for: pagePath, html: String(decoding: try Data(contentsOf: url), as: UTF8.self))
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.inject(into: html, liveReload: liveReload, errors: []))))
        }
        switch SafePath(root: root).resolve(path) {
        case .forbidden:
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "This path leaves the site.\n")))
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            let page = root.appendingPathComponent("404.html")
            guard FileManager.default.fileExists(atPath: page.path) else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found.\n")))
            }
            return try await file(page, status: .notFound, request: request, site: site, liveReload: liveReload)
        case .file(let url):
            return try await file(url, status: .ok, request: request, site: site, liveReload: liveReload)
        }
    }

    static func file(_ url: URL, status: HTTPResponse.Status, request: Request, site: PreviewSite, liveReload: Bool) async throws -> Response {
        let data = try Data(contentsOf: url)
        let type = MediaType.forExtension(url.pathExtension)
        let isHTML = type == "text/html"
        // Read without waiting for a rebuild in progress: a page whose file has landed is served.
        let body = isHTML ? Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), liveReload: liveReload, errors: site.errors).utf8) : data
        let tag = entityTag(of: body)
        if status == .ok, request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        if isHTML && status == .ok && request.method == .get {
            site.viewed(String(url.standardizedFileURL.path.dropFirst(site.root.standardizedFileURL.path.count + 1)))
        }
        let textual = type.hasPrefix("text/") || type.hasSuffix("xml") || type.hasSuffix("json") || type == "image/svg+xml"
        return Response(status: status,
                        headers: [.contentType: textual ? "\(type); charset=utf-8" : type, .eTag: tag, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A digest of every byte sent (for a page, with the live-reload script and any error
    /// overlay), so that any edit, even one that keeps a file's size and first bytes, changes it.
    /// Hashing costs about what reading the file does, which every request does anyway.
    static func entityTag(of body: Data) -> String {
        "\"" + SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined() + "\""
    }
}
