import ArgumentParser
import Foundation
import SiteGen

struct CheckCommand: ParsableCommand {
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

    func run() throws {
        let check = SiteCheck(options: BuildOptions(source: URL(fileURLWithPath: source)))
        do {
            if fix {
                for file in try check.fix() { print("Repaired \(file)") }
            }
            let findings = try check.findings()
            print(SiteCheck.report(findings, format: format), terminator: "")
            if findings.contains(where: { $0.severity == .error || strict }) { throw ExitCode.failure }
        } catch let error as DiagnosticList {
            for diagnostic in error.diagnostics { printError(Terminal.line(for: diagnostic)) }
            throw ExitCode.failure
        }
    }
}

extension SiteCheck.Format: ExpressibleByArgument {}
