import ArgumentParser
import SiteGen

@main
struct SiteGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a Hugo-style content folder into a static website.",
        version: Builder.version,
        subcommands: [BuildCommand.self, CardCommand.self],
        defaultSubcommand: BuildCommand.self)
}
