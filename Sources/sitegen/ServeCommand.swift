import ArgumentParser
import Foundation
import SiteGen
import SiteGenServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it, rebuild and reload the page on every edit.")

    @Option(name: .long, help: "The site's folder.")
    var source: String = "."

    /// Without it, 1313 or the next free port after it, as Hugo does; with it, that port or an error.
    @Option(name: .long, help: "The port to listen on (default: 1313, or the next free one).")
    var port: Int?

    @Option(name: .long, help: "The address to listen on. Only this machine can connect to the default.")
    var bind: String = "127.0.0.1"

    @Flag(name: .long, inversion: .prefixedNo, help: "Show pages marked draft (shown by default in a preview).")
    var drafts = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Show pages dated in the future (shown by default in a preview).")
    var future = true

    @Flag(name: .long, help: "Do not reload open pages after a rebuild.")
    var noLiveReload = false

    @Flag(name: [.short, .long], help: "Print how long each phase of a rebuild took (classify, read, assemble, markdown, render, write, notify).")
    var verbose = false

    /// Hugo's port. When it is taken and no `--port` was given, the next ones are tried in turn.
    static let defaultPort = 1313
    static let portsTriedAfterTheDefault = 10

    func run() async throws {
        var options = BuildOptions(source: URL(fileURLWithPath: source))
        options.includeDrafts = drafts
        options.includeFuture = future
        let site = PreviewSite(options: options, verbose: verbose, log: { printError($0) })
        var configuration = PreviewServer.Configuration()
        configuration.host = bind
        configuration.port = port ?? Self.defaultPort
        configuration.nextPortsToTry = port == nil ? Self.portsTriedAfterTheDefault : 0
        configuration.liveReload = !noLiveReload
        let server = PreviewServer(site: site, configuration: configuration)
        let asked = configuration.port
        defer { site.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { url in
                    await Self.build(site)
                    if let port = url.port, asked != 0, port != asked {
                        printError("Port \(asked) is in use, so port \(port) is used instead (choose one with --port N).")
                    }
                    // Written at once, not buffered: scripts and editors wait for this line.
                    FileHandle.standardOutput.write(Data("Serving \(url.absoluteString) (Ctrl-C to stop)\n".utf8))
                }
            }
            group.addTask {
                await StopSignals().wait {
                    site.close()
                    printError("Stopped; the build under way was left unfinished.")
                }
            }
            // The server ends only by failing (a port in use), the signals' task at Ctrl-C.
            try await group.next()
            group.cancelAll()
        }
        printError("Stopped.")
    }

    /// The first build, reported in the terminal.
    private static func build(_ site: PreviewSite) async {
        switch await site.rebuild() {
        case .success(let report):
            for warning in report.warnings { printError(warning.description) }
            printError(report.summary)
        case .failure(let list):
            for diagnostic in list.diagnostics { printError(diagnostic.description) }
        }
    }
}
