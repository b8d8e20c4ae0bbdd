import ArgumentParser
import Foundation
import SiteGen

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the destination folder.")

    @Option(name: .long, help: "The site's folder (holding content/, templates/, static/ and the configuration).")
    var source: String = "."

    @Option(name: .long, help: "Where to write the site. Default: public/ inside the source folder.")
    var destination: String?

    @Option(name: .long, help: "Override the configuration's baseURL.")
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft.")
    var drafts = false

    @Flag(name: .long, help: "Include pages whose publish date is in the future.")
    var future = false

    @Flag(name: .long, help: "Include pages whose expiry date has passed.")
    var expired = false

    @Flag(name: .long, help: "Skip drawing the Open Graph cards (a quicker build; pages then share their own image or the site's).")
    var noCards = false

    @Flag(name: .long, help: "Delete every file in the destination that this build does not write (by default only the files of SiteGen's previous build are deleted).")
    var cleanDestinationDir = false

    @Flag(name: .shortAndLong, help: "Print only errors: no warnings, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each stage's time as it ends.")
    var verbose = false

    func run() throws {
        let source = URL(fileURLWithPath: source)
        var options = BuildOptions(source: source, destination: destination.map { URL(fileURLWithPath: $0) })
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.includeFuture = future
        options.includeExpired = expired
        options.drawCards = !noCards
        options.cleansDestination = cleanDestinationDir
        options.progress = quiet ? nil : Terminal.progress(verbose: verbose)
        do {
            let report = try Builder(options: options).build()
            guard !quiet else { return }
            for warning in report.warnings { printError(Terminal.line(for: warning)) }
            print(report.summary)
        } catch {
            // The live line, cut short, is cleared first.
            if options.progress != nil && !verbose { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            for diagnostic in error.diagnostics { printError(Terminal.line(for: diagnostic)) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("Build failed with \(errors) error\(errors == 1 ? "" : "s"); \(options.destination.path) was left as it was.")
            throw ExitCode.failure
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
