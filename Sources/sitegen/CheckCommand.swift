import ArgumentParser
import Foundation
import SiteGen

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site's sources and print what is wrong, file by file; exits non-zero on errors.")

    @Option(name: .long, help: "The site's folder.")
    var source: String = "."

    @Flag(name: .long, help: "Exit non-zero on warnings too.")
    var strict = false

    @Option(name: .long, help: "text (for a terminal) or json (for CI).")
    var format: SiteCheck.Format = .text

    @Flag(name: .long, help: "Repair what repairs without loss (mojibake, byte-order marks), keeping each file's old copy in .sitegen-backups/.")
    var fix = false

    @Flag(name: .long, help: "Request every link and image out of the site too (answers that were good are kept a day in resources/_gen/links.json).")
    var external = false

    @Option(name: .long, help: "With --external: how many seconds a server may take to answer (rounded up to whole seconds).")
    var timeout: Double = 10

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a number of seconds above 0.") }
    }

    func run() async throws {
        let check = SiteCheck(options: BuildOptions(source: URL(fileURLWithPath: source)))
        do {
            if fix {
                for file in try check.fix() { print("Repaired \(file)") }
            }
            let findings = external ? try await check.findings(external: ExternalLinkCheck.Options(timeout: timeout)) : try check.findings()
            print(SiteCheck.report(findings, format: format), terminator: "")
            if findings.contains(where: { $0.severity == .error || strict }) { throw ExitCode.failure }
        } catch let error as DiagnosticList {
            for diagnostic in error.diagnostics { printError(Terminal.line(for: diagnostic)) }
            throw ExitCode.failure
        }
    }
}

extension SiteCheck.Format: ExpressibleByArgument {}
