import Foundation
import Testing

/// `sitegen serve` as a process, the way a user starts and stops it.
@Suite struct ServeCommandTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsItWithinASecondWhileAPageListensForReloads(signal: Int32) async throws {
        try await ServeProcess.with(["--port", "0"]) { serve in
            let url = try #require(await serve.address(within: .seconds(60)), "sitegen serve never said where it serves:\n\(serve.standardError)")
            // An open page's event stream, kept open until the process ends.
            let events = try LoopbackConnection(port: try #require(url.port))
            try events.send("GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            try #require(await events.read(within: .seconds(5)) { $0.contains(": connected") }.contains(": connected"))
            try #require(serve.leftInTemporary.count == 1, "Where is the private folder? \(serve.leftInTemporary)")

            let signalled = ContinuousClock.now
            serve.send(signal)
            let status = await serve.exitStatus(within: .seconds(2))
            #expect(status == 0, "Still running 2 s after the signal, or failed:\n\(serve.standardError)")
            #expect(ContinuousClock.now - signalled < .seconds(2))
            #expect(serve.leftInTemporary.isEmpty, "Left behind: \(serve.leftInTemporary)")
            #expect(await events.readToEnd(within: .seconds(1)).closed)
        }
    }

    @Test func aTakenPortIsSaidAtOnceBeforeBuilding() async throws {
        let taken = try LoopbackListener()
        try await ServeProcess.with(["--port", "\(taken.port)"]) { serve in
            let started = ContinuousClock.now
            // Generous: the suite runs beside others that keep both cores busy. That the port comes
            // first is shown by the missing `Built` line and folder below.
            let status = await serve.exitStatus(within: .seconds(90))
            #expect(status != nil && status != 0)
            #expect(ContinuousClock.now - started < .seconds(60))
            #expect(serve.standardError.contains("Port \(taken.port) is already in use on 127.0.0.1"), "\(serve.standardError)")
            #expect(serve.standardError.contains("--port N"))
            #expect(!serve.standardError.contains("Built "), "It built the site before finding the port taken.")
            #expect(serve.leftInTemporary.isEmpty, "Left behind: \(serve.leftInTemporary)")
        }
    }
}
