import Foundation
import Testing

/// `sitegen serve` run as a user runs it: the built binary, beside this test bundle, on the small
/// site of `PreviewServerTests.Running`, in a folder of its own that is also its `TMPDIR`, so
/// that the private folder it builds into can be looked for.
final class ServeProcess: @unchecked Sendable {
    let folder: URL
    var temporary: URL { folder.appendingPathComponent("tmp") }
    private let process = Process()
    private let stdout = Pipe(), stderr = Pipe()
    private let lock = NSLock()
    private var output = ""
    private var errors = ""

    /// Starts `sitegen serve` with `arguments` after `--source`.
    init(_ arguments: [String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-process-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("site")
        try PreviewServerTests.Running.write(PreviewServerTests.Running.files.merging(["config.yaml": "cards:\n  enable: false\n"]) { $1 },
                                             into: site)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        process.executableURL = try Self.executable()
        process.arguments = ["serve", "--source", site.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        process.standardOutput = stdout
        process.standardError = stderr
        stdout.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { output += String(decoding: data, as: UTF8.self) }
        }
        stderr.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { errors += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The `sitegen` built with the tests (`swift build` puts both in the same folder).
    static func executable() throws -> URL {
        let folder = try #require(Bundle.main.executableURL, "No test executable to find sitegen beside.").deletingLastPathComponent()
        let binary = folder.appendingPathComponent("sitegen")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "No sitegen at \(binary.path): run `swift build` first.")
        return binary
    }

    /// What it wrote to the terminal so far.
    var standardError: String { lock.withLock { errors } }

    /// The address from its `Serving http://…/` line, once written within `timeout`.
    func address(within timeout: Duration) async -> URL? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline && process.isRunning {
            let line = lock.withLock { output.split(separator: "\n").first { $0.hasPrefix("Serving ") } }
            if let line, let url = line.split(separator: " ").dropFirst().first.flatMap({ URL(string: String($0)) }) { return url }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Its exit status, if it exits within `timeout`.
    func exitStatus(within timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// What is left in its `TMPDIR`: the private folder while it runs, and nothing after.
    var leftInTemporary: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    }

    /// Kills it if it is still running, and removes its folder.
    func stop() {
        if process.isRunning {
            send(SIGKILL)
            process.waitUntilExit()
        }
        stdout.fileHandleForReading.readabilityHandler = nil
        stderr.fileHandleForReading.readabilityHandler = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` with `sitegen serve`, and stops it after, however `body` ends.
    static func with(_ arguments: [String], _ body: (ServeProcess) async throws -> Void) async throws {
        let serve = try ServeProcess(arguments)
        defer { serve.stop() }
        try await body(serve)
    }
}
