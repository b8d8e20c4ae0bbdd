import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `sitegen check --external`: every http(s) link and image out of the built site, requested once
/// per URL (without its fragment), a few at a time and at most `perHost` at once on one host.
/// HEAD first, GET where the server does not take HEAD; redirects followed; a 429 retried after
/// its `Retry-After` or a growing pause. A URL that answered well is not asked again for
/// `Options.cacheFor` (`resources/_gen/links.json`); one that failed is asked on every run.
public struct ExternalLinkCheck: Sendable {
    public struct Options: Sendable {
        /// How long a request may go without an answer, in whole seconds (rounded up): Linux's
        /// URLSession drops the fraction, and one under a second fails every request at once.
        public var timeout: TimeInterval = 10
        public var perHost = 2
        public var total = 8
        /// Requests of a URL that keeps answering 429, the first one included.
        public var attempts = 4
        /// The pause after the first 429 without `Retry-After`, doubled after each.
        public var backOff: TimeInterval = 1
        /// The longest `Retry-After` waited for: a server asking for more is reported as is.
        public var longestRetryAfter: TimeInterval = 30
        /// How long a URL that answered well is trusted without asking again.
        public var cacheFor: TimeInterval = 24 * 60 * 60

        public init(timeout: TimeInterval = 10) {
            self.timeout = timeout
        }

        var wholeSeconds: TimeInterval { max(1, timeout.rounded(.up)) }
    }

    /// A link of a content page: where its Markdown writes it, or only the page where a layout,
    /// shortcode or render hook does.
    struct Use: Hashable, Sendable {
        let url: String
        let file: String
        let line: Int?
        let column: Int?
    }

    let options: Options
    /// The results kept between runs.
    let cacheFile: URL

    /// What is wrong with the links of `uses`, at each place one is written.
    func findings(_ uses: [Use], now: Date) async -> [Diagnostic] {
        var cache = Cache(file: cacheFile, now: now, keptFor: options.cacheFor)
        let urls = Set(uses.map(\.url)).filter { !cache.isFresh($0) }
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let limits = ConnectionLimits(perHost: options.perHost, total: options.total)
        let problems = await withTaskGroup(of: (String, Problem?).self) { group in
            for url in urls {
                group.addTask { (url, await problem(of: url, session: session, limits: limits)) }
            }
            var problems: [String: Problem?] = [:]
            for await (url, problem) in group { problems[url] = problem }
            return problems
        }
        for (url, problem) in problems where problem == nil { cache.answeredWell(url) }
        cache.save()

        var findings: [Diagnostic] = []
        var fromLayouts: [String: (severity: Diagnostic.Severity, pages: [String])] = [:]
        for use in uses {
            guard let found = problems[use.url], let found else { continue }
            let problem = "links to \(use.url), \(found.what)"
            if use.line != nil {
                findings.append(Diagnostic(found.severity, SourceLocation(file: use.file, line: use.line, column: use.column), problem))
            } else {
                fromLayouts[problem, default: (found.severity, [])].pages.append(use.file)
            }
        }
        findings += fromLayouts.map { LinkCheck.fromLayout($0.value.severity, problem: $0.key, pages: $0.value.pages) }
        return findings
    }

    private var configuration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.wholeSeconds
        configuration.httpMaximumConnectionsPerHost = options.perHost
        configuration.httpAdditionalHeaders = ["User-Agent": "\(Builder.generator) (sitegen check --external)"]
        return configuration
    }

    /// What is wrong with the URL, after the retries a 429 asks for; nil: it answers.
    private func problem(of link: String, session: URLSession, limits: ConnectionLimits) async -> Problem? {
        guard let url = URL(string: link), let host = url.host?.lowercased() else { return .broken("which is not a URL that can be requested") }
        var attempt = 1
        while true {
            await limits.acquire(host)
            let answer = await self.answer(url, session: session)
            await limits.release(host)
            guard case .status(429, let retryAfter) = answer, attempt < options.attempts else { return answer.problem(attempts: attempt, timeout: options.wholeSeconds) }
            let pause = retryAfter ?? options.backOff * Double(1 << (attempt - 1))
            guard pause <= options.longestRetryAfter else { return answer.problem(attempts: attempt, timeout: options.wholeSeconds) }
            try? await Task.sleep(for: .seconds(pause))
            attempt += 1
        }
    }

    /// One request of the URL: HEAD, then GET when the server answers that it does not take HEAD.
    private func answer(_ url: URL, session: URLSession) async -> Answer {
        let answer = await request(url, method: "HEAD", session: session)
        guard case .status(let code, _) = answer, code == 405 || code == 501 else { return answer }
        return await request(url, method: "GET", session: session)
    }

    private func request(_ url: URL, method: String, session: URLSession) async -> Answer {
        var request = URLRequest(url: url, timeoutInterval: options.wholeSeconds)
        request.httpMethod = method
        do {
            let (_, response) = try await session.data(for: request)
            guard let response = response as? HTTPURLResponse else { return .status(200, retryAfter: nil) }
            let retryAfter = (response.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces)).flatMap(TimeInterval.init)
            return .status(response.statusCode, retryAfter: retryAfter.map { max(0, $0) })
        } catch let error as URLError {
            return .failed(error.code)
        } catch {
            return .failed(.unknown)
        }
    }

    /// What a request got: a status (after redirects) or no answer.
    private enum Answer {
        case status(Int, retryAfter: TimeInterval?)
        case failed(URLError.Code)

        func problem(attempts: Int, timeout: TimeInterval) -> Problem? {
            switch self {
            case .status(let code, _) where code < 400:
                return nil
            case .status(let code, _) where code == 404 || code == 410:
                return .broken("which answers \(code) (\(HTTPURLResponse.localizedString(forStatusCode: code).lowercased()))")
            case .status(429, _):
                return .doubtful("which still answers 429 (too many requests) after \(attempts) attempt\(attempts == 1 ? "" : "s")")
            case .status(let code, _) where code >= 500:
                return .doubtful("which answers \(code) (\(HTTPURLResponse.localizedString(forStatusCode: code).lowercased())): a server error, perhaps for a while")
            case .status(let code, _):
                // 401, 403 and the like: often a server that turns away what is not a browser.
                return .doubtful("which answers \(code) (\(HTTPURLResponse.localizedString(forStatusCode: code).lowercased()))")
            case .failed(.timedOut):
                return .doubtful("which does not answer within \(String(format: "%g", timeout)) s")
            case .failed(.cannotFindHost), .failed(.dnsLookupFailed):
                return .broken("whose host is not found")
            case .failed(.cannotConnectToHost), .failed(.networkConnectionLost), .failed(.notConnectedToInternet):
                return .broken("whose server cannot be connected to")
            case .failed(.secureConnectionFailed), .failed(.serverCertificateUntrusted), .failed(.serverCertificateHasBadDate),
                 .failed(.serverCertificateNotYetValid), .failed(.serverCertificateHasUnknownRoot):
                return .broken("whose server's HTTPS connection fails (its certificate?)")
            case .failed(let code):
                return .doubtful("which cannot be requested (\(URLError(code).localizedDescription))")
            }
        }
    }

    /// What is wrong with a URL, for its links: an error (the link is broken for its readers) or
    /// a warning (it may pass, or be the server's dislike of robots).
    private struct Problem {
        let severity: Diagnostic.Severity
        /// After "links to URL, ".
        let what: String

        static func broken(_ what: String) -> Problem { Problem(severity: .error, what: what) }
        static func doubtful(_ what: String) -> Problem { Problem(severity: .warning, what: what) }
    }

    /// When each URL last answered well, kept between runs as JSON; unreadable, it is empty.
    private struct Cache {
        let file: URL
        let now: Date
        let keptFor: TimeInterval
        private var answered: [String: Date]

        init(file: URL, now: Date, keptFor: TimeInterval) {
            self.file = file
            self.now = now
            self.keptFor = keptFor
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let read = (try? Data(contentsOf: file)).flatMap { try? decoder.decode([String: Date].self, from: $0) } ?? [:]
            answered = read.filter { now.timeIntervalSince($0.value) < keptFor }
        }

        func isFresh(_ url: String) -> Bool { answered[url] != nil }

        mutating func answeredWell(_ url: String) { answered[url] = now }

        /// Written again with only the URLs still fresh; a cache that cannot be written costs
        /// requests next time, not this run's findings.
        func save() {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(answered) else { return }
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: file, options: .atomic)
        }
    }
}

/// At most `total` requests at once, and `perHost` on one host; the others wait, first come first
/// served among those that can go.
actor ConnectionLimits {
    let perHost: Int
    let total: Int
    private var running: [String: Int] = [:]
    private var runningTotal = 0
    private var waiting: [(host: String, resume: CheckedContinuation<Void, Never>)] = []

    init(perHost: Int, total: Int) {
        self.perHost = max(1, perHost)
        self.total = max(1, total)
    }

    func acquire(_ host: String) async {
        if canStart(host) {
            start(host)
        } else {
            await withCheckedContinuation { waiting.append((host, $0)) }
        }
    }

    func release(_ host: String) {
        running[host, default: 1] -= 1
        runningTotal -= 1
        // A finished request makes room for its host's next one and for one of any host.
        while let next = waiting.firstIndex(where: { canStart($0.host) }) {
            let (host, resume) = waiting.remove(at: next)
            start(host)
            resume.resume()
        }
    }

    private func canStart(_ host: String) -> Bool {
        runningTotal < total && running[host, default: 0] < perHost
    }

    private func start(_ host: String) {
        running[host, default: 0] += 1
        runningTotal += 1
    }
}
