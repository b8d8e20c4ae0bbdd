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

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 1313

    @Option(name: .long, help: "The address to listen on. Only this machine can connect to the default.")
    var bind: String = "127.0.0.1"

    @Flag(name: .long, inversion: .prefixedNo, help: "Show pages marked draft (shown by default in a preview).")
    var drafts = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Show pages dated in the future (shown by default in a preview).")
    var future = true

    @Flag(name: .long, help: "Do not reload open pages after a rebuild.")
    var noLiveReload = false

    func run() async throws {
        var options = BuildOptions(source: URL(fileURLWithPath: source))
        options.includeDrafts = drafts
        options.includeFuture = future
        let site = PreviewSite(options: options, log: { printError($0) })
        switch await site.rebuild() {
        case .success(let report):
            for warning in report.warnings { printError(warning.description) }
            printError(report.summary)
        case .failure(let list):
            for diagnostic in list.diagnostics { printError(diagnostic.description) }
        }
        var configuration = PreviewServer.Configuration()
        configuration.host = bind
        configuration.port = port
        configuration.liveReload = !noLiveReload
        configuration.stopsOnSignals = true
        defer { printError("Stopped.") }
        try await PreviewServer(site: site, configuration: configuration).run { url in
            // Written at once, not buffered: scripts and editors wait for this line.
            FileHandle.standardOutput.write(Data("Serving \(url.absoluteString) (Ctrl-C to stop)\n".utf8))
        }
        await site.close()
    }
}
