import ArgumentParser
import Foundation
import GoTemplates
import SiteGen

@main
struct SiteGenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a Hugo-style content folder into a static website.",
        version: Builder.version,
        subcommands: [BuildCommand.self, ServeCommand.self, CardCommand.self, NewCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// A mistyped command (`sitegen biuld`) would go to `build` as an argument it does not take:
    /// said as the command it most likely is.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first),
           let meant = Suggestion.closest(to: first, among: commands) {
            FileHandle.standardError.write(Data("Error: unknown command '\(first)' (did you mean '\(meant)'?)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }
}
