import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium driven over the DevTools protocol on a pair of pipes
/// (`--remote-debugging-pipe`): it reads NUL-terminated JSON commands on its fd 3 and writes
/// NUL-terminated JSON replies and events on its fd 4, so no port or websocket is involved.
/// Only what the end-to-end tests need: open a tab, read its text, see its network responses.
final class HeadlessChromium: @unchecked Sendable {
    static let executable = "/usr/bin/chromium"

    enum Failure: Error, CustomStringConvertible {
        case missing
        case notStarted(errno: Int32)
        case exited(log: String)
        case timedOut(method: String)
        case refused(method: String, message: String)

        var description: String {
            switch self {
            case .missing: "Chromium is not installed at \(HeadlessChromium.executable); run ./scripts/install-dependencies."
            case .notStarted(let errno): "Chromium did not start: \(String(cString: strerror(errno)))."
            case .exited(let log): "Chromium closed its DevTools pipe. The end of its output:\n\(log)"
            case .timedOut(let method): "Chromium did not answer \(method) within \(HeadlessChromium.answerTimeout)."
            case .refused(let method, let message): "Chromium refused \(method): \(message)"
            }
        }
    }

    static let answerTimeout = Duration.seconds(10)

    /// A command sent and not yet answered.
    private struct Pending {
        let method: String
        /// Gets the whole reply, still encoded.
        let continuation: CheckedContinuation<Data, Error>
        let timeout: Task<Void, Never>
    }

    /// An event Chromium sent without being asked, such as `Network.responseReceived`.
    struct Event {
        let method: String
        let session: String?
        let params: [String: Any]
    }

    private let pid: pid_t
    /// The profile folder, which also holds Chromium's output for error messages.
    private let folder: URL
    private static let logName = "chromium.log"
    private var log: URL { folder.appendingPathComponent(Self.logName) }
    /// Our end of Chromium's fd 3.
    private let commands: Int32
    private let lock = NSLock()
    private var lastID = 0
    private var pending: [Int: Pending] = [:]
    private var received: [Event] = []
    private var exited = false

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else { throw Failure.missing }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Writing to the pipe of a Chromium that has died must fail with EPIPE, not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        let toChromium = try Self.pipe(), fromChromium = try Self.pipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChromium.read, 3)
        posix_spawn_file_actions_adddup2(&actions, fromChromium.write, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, folder.appendingPathComponent(Self.logName).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Its own process group, so that `close` can end its helper processes with it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        // `--no-sandbox` because CI may run the tests as root, where Chromium's sandbox refuses to start.
        let arguments = [Self.executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                         "--no-first-run", "--no-default-browser-check", "--user-data-dir=\(folder.path)", "about:blank"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, Self.executable, &actions, &attributes, argv, environ)
        Glibc.close(toChromium.read)
        Glibc.close(fromChromium.write)
        guard status == 0 else {
            Glibc.close(toChromium.write)
            Glibc.close(fromChromium.read)
            try? FileManager.default.removeItem(at: folder)
            throw Failure.notStarted(errno: status)
        }
        self.pid = pid
        commands = toChromium.write
        let replies = fromChromium.read
        Thread { self.readMessages(from: replies) }.start()
    }

    /// A pipe whose ends no spawned process inherits, except as Chromium's file actions map them.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw Failure.notStarted(errno: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Sends a command (to a tab when `session` is given) and returns its result.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) async throws -> [String: Any] {
        let id = lock.withLock { lastID += 1; return lastID }
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        let data = try JSONSerialization.data(withJSONObject: message) + [0]
        let reply = try await withCheckedThrowingContinuation { continuation in
            let timeout = Task {
                try? await Task.sleep(for: Self.answerTimeout)
                if !Task.isCancelled { self.answer(id, with: .failure(Failure.timedOut(method: method))) }
            }
            let hasExited = lock.withLock {
                if !exited { pending[id] = Pending(method: method, continuation: continuation, timeout: timeout) }
                return exited
            }
            if hasExited {
                timeout.cancel()
                continuation.resume(throwing: exitFailure())
            } else if !write(data) {
                answer(id, with: .failure(exitFailure()))
            }
        }
        let json = try JSONSerialization.jsonObject(with: reply) as? [String: Any] ?? [:]
        if let error = json["error"] as? [String: Any] {
            throw Failure.refused(method: method, message: error["message"] as? String ?? "\(error)")
        }
        return json["result"] as? [String: Any] ?? [:]
    }

    /// The events received so far.
    var events: [Event] { lock.withLock { received } }

    /// Opens `url` in a new tab, with its network events on so that `Tab.responses` sees its requests.
    func open(_ url: URL) async throws -> Tab {
        let target = try await send("Target.createTarget", ["url": "about:blank"])
        let attached = try await send("Target.attachToTarget", ["targetId": target["targetId"] as? String ?? "", "flatten": true])
        let tab = Tab(browser: self, session: attached["sessionId"] as? String ?? "")
        try await send("Network.enable", session: tab.session)
        try await send("Page.navigate", ["url": url.absoluteString], session: tab.session)
        return tab
    }

    /// Asks Chromium to quit (so it ends its own helper processes), kills its whole process group
    /// if it has not within five seconds, and removes its profile.
    func close() {
        if lock.withLock({ !exited }) {
            _ = write(Data(#"{"id":0,"method":"Browser.close"}"#.utf8) + [0])
        }
        if !reap(within: 5) {
            kill(-pid, SIGKILL)
            _ = reap(within: 5)
        }
        Glibc.close(commands)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether Chromium has exited (now or before) within `seconds`.
    private func reap(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    private func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(commands, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// Runs on its own thread until Chromium closes the pipe, answering commands and keeping events.
    private func readMessages(from replies: Int32) {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(replies, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.append(contentsOf: chunk[0..<count])
            while let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[(end + 1)...])
                handle(Data(message))
            }
        }
        Glibc.close(replies)
        let unanswered = lock.withLock {
            exited = true
            defer { pending = [:] }
            return pending.values
        }
        let failure = exitFailure()
        for command in unanswered {
            command.timeout.cancel()
            command.continuation.resume(throwing: failure)
        }
    }

    private func handle(_ message: Data) {
        guard let json = (try? JSONSerialization.jsonObject(with: message)) as? [String: Any] else { return }
        if let id = json["id"] as? Int {
            answer(id, with: .success(message))
        } else if let method = json["method"] as? String {
            let event = Event(method: method, session: json["sessionId"] as? String, params: json["params"] as? [String: Any] ?? [:])
            lock.withLock { received.append(event) }
        }
    }

    private func answer(_ id: Int, with result: Result<Data, Error>) {
        guard let command = lock.withLock({ pending.removeValue(forKey: id) }) else { return }
        command.timeout.cancel()
        command.continuation.resume(with: result)
    }

    /// Why Chromium went away, in the end of its output.
    private func exitFailure() -> Failure {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return .exited(log: text.split(separator: "\n").suffix(20).joined(separator: "\n"))
    }

    /// One tab, attached with a flat session so its commands go straight to the page.
    struct Tab {
        let browser: HeadlessChromium
        let session: String

        /// The page's visible text; empty while a navigation has no document to read yet.
        func bodyText() async throws -> String {
            do {
                let reply = try await browser.send("Runtime.evaluate", [
                    "expression": "document.body ? document.body.innerText : ''", "returnByValue": true,
                ], session: session)
                return (reply["result"] as? [String: Any])?["value"] as? String ?? ""
            } catch Failure.refused {
                // The document went away under the evaluation, as it does when the page reloads.
                return ""
            }
        }

        /// The URLs of the responses the tab has received, including streams still open.
        func responses() -> [URL] {
            browser.events.filter { $0.method == "Network.responseReceived" && $0.session == session }
                .compactMap { (($0.params["response"] as? [String: Any])?["url"] as? String).flatMap(URL.init(string:)) }
        }
    }
}
