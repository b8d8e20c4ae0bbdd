import Foundation
import Testing
@testable import SiteGenServer

/// Stopping the preview server, as a test does by cancelling its task and `sitegen serve` does at
/// Ctrl-C: at once, whatever is open or still arriving, and never by a trap.
@Suite(.serialized) struct StoppingTests {
    typealias Running = PreviewServerTests.Running

    /// Connections accepted but not yet served when the stop comes: a server stopped by cancelling
    /// its accept loop dropped them, and NIO trapped on the dropped channels ("Deinited
    /// NIOAsyncWriter without calling finish()"), which killed the process, in nearly every
    /// round. The window is narrow, so it is opened again and again.
    @Test func connectionsArrivingWhileItStopsNeverCrashIt() async throws {
        for _ in 0..<20 {
            try await Running.with { server in
                let burst = ConnectionBurst(port: try #require(server.url.port), count: 256)
                await burst.started()
                let stopping = ContinuousClock.now
                await server.stop()
                #expect(ContinuousClock.now - stopping < .seconds(1))
                await burst.ended()
            }
        }
    }

    /// None of these end by themselves, and a graceful shutdown waits for answers under way: with
    /// a grace period that would show, the stop is still at once.
    @Test func openEventStreamsIdleConnectionsAndUnfinishedRequestsDoNotHoldItUp() async throws {
        try await Running.with(configure: { $0.gracePeriod = .seconds(30) }) { server in
            let port = try #require(server.url.port)
            let events = try LoopbackConnection(port: port)
            try events.send("GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            try #require(await events.read(within: .seconds(5)) { $0.contains(": connected") }.contains(": connected"))
            let idle = try LoopbackConnection(port: port)
            try idle.send("GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try #require(await idle.read(within: .seconds(5)) { $0.contains("color: black") }.contains("color: black"))
            let unfinished = try LoopbackConnection(port: port)
            try unfinished.send("GET /blog/post/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")

            let stopping = ContinuousClock.now
            await server.stop()
            #expect(ContinuousClock.now - stopping < .seconds(2))
            for connection in [events, idle, unfinished] {
                #expect(await connection.readToEnd(within: .seconds(1)).closed)
            }
        }
    }

    /// A client that sent a second request behind a large answer and reads neither holds the
    /// second answer up for good: the stop waits for it only so long.
    @Test(.timeLimit(.minutes(1)))
    func anAnswerAClientDoesNotReadIsCutOffAfterTheGracePeriod() async throws {
        try await Running.with(configure: { $0.gracePeriod = .milliseconds(200) }) { server in
            // More than the sockets of both ends hold, put where the server serves from at once.
            try Data(count: 32 << 20).write(to: server.site.root.appendingPathComponent("large.bin"))
            let client = try LoopbackConnection(port: try #require(server.url.port))
            let request = "GET /large.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            try client.send(request + request)
            try #require(await client.read(within: .seconds(5)) { $0.contains("\r\n\r\n") }.hasPrefix("HTTP/1.1 200"))

            let stopping = ContinuousClock.now
            await server.stop()
            #expect(ContinuousClock.now - stopping < .seconds(2))
        }
    }
}

/// Opens up to `count` connections to a port, one after another as fast as they go, on a thread of
/// its own (a blocked thread of the shared pool would be one fewer for the server), and keeps
/// them open until it is done; a refused connection, once the server has stopped, ends it.
final class ConnectionBurst: Sendable {
    private let events: AsyncStream<Void>.Iterator.Box

    init(port: Int, count: Int) {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        events = AsyncStream<Void>.Iterator.Box(stream.makeAsyncIterator())
        Thread {
            var connections: [LoopbackConnection] = []
            while connections.count < count, let connection = try? LoopbackConnection(port: port) {
                connections.append(connection)
                if connections.count == 8 { continuation.yield() }
            }
            continuation.finish()
        }.start()
    }

    /// Returns once a few connections are open and more are on their way.
    func started() async { _ = await events.next() }

    /// Returns once it is done and its connections are closed.
    func ended() async { while await events.next() != nil {} }
}
