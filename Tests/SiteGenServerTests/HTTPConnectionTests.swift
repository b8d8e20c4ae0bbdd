import Foundation
import Testing
@testable import SiteGenServer

/// What clients other than browsers meet at the socket: `HEAD`, HTTP/1.0, requests never finished.
@Suite(.serialized) struct HTTPConnectionTests {
    typealias Running = PreviewServerTests.Running

    /// Sends `request` on a connection of its own and reads the answer until the server closes.
    static func exchange(_ request: String, with server: Running) async throws -> (response: RawResponse?, closed: Bool) {
        let connection = try LoopbackConnection(port: try #require(server.url.port))
        try connection.send(request)
        let (text, closed) = await connection.readToEnd(within: .seconds(5))
        return (RawResponse(text), closed)
    }

    @Test(arguments: ["/blog/post/", "/style.css", "/no/such/page/"])
    func headAnswersAsGetWithoutTheBody(path: String) async throws {
        try await Running.with { server in
            let request = " \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            let get = try #require(try await Self.exchange("GET" + request, with: server).response)
            let head = try #require(try await Self.exchange("HEAD" + request, with: server).response)
            #expect(head.status == get.status)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.utf8.count))
            let compared = ["content-type", "content-length", "etag", "cache-control"]
            #expect(compared.map { head.headers[$0] } == compared.map { get.headers[$0] })
        }
    }

    @Test func anHTTP10RequestIsAnsweredToTheEndAndTheConnectionClosed() async throws {
        try await Running.with { server in
            let (response, closed) = try await Self.exchange("GET /blog/post/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", with: server)
            let page = try #require(response)
            #expect(closed, "The connection stayed open after the answer to an HTTP/1.0 request.")
            #expect(page.status == 200)
            #expect(page.headers["connection"] == "close")
            #expect(page.headers["content-length"] == String(page.body.utf8.count))
            #expect(page.body.contains("<h1>First title</h1>"))
        }
    }

    @Test func anHTTP10ClientThatAsksToKeepTheConnectionIsToldItIsKept() async throws {
        try await Running.with { server in
            let connection = try LoopbackConnection(port: try #require(server.url.port))
            let request = "GET /style.css HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
            let body = "body { color: black }"
            try connection.send(request)
            let first = await connection.read(within: .seconds(5)) { $0.contains(body) }
            #expect(RawResponse(first)?.headers["connection"] == "keep-alive")
            try connection.send(request)
            let both = await connection.read(within: .seconds(5)) { $0.components(separatedBy: body).count == 3 }
            #expect(both.components(separatedBy: body).count == 3, "The second request on the kept connection was not answered.")
        }
    }

    @Test func aClientThatNeverFinishesItsHeadersIsLetGo() async throws {
        try await Running.with(configure: { $0.idleTimeout = .milliseconds(500) }) { server in
            let connection = try LoopbackConnection(port: try #require(server.url.port))
            try connection.send("GET /blog/post/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let started = ContinuousClock.now
            let (text, closed) = await connection.readToEnd(within: .seconds(5))
            #expect(closed, "The server still held the connection 5 s on.")
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(text.isEmpty)
            // The server itself is still there for others.
            #expect(try await server.get("blog/post/").status == 200)
        }
    }
}
