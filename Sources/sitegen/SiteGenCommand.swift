import ArgumentParser
import SiteGen

@main
struct SiteGenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a Hugo-style content folder into a static website.",
        version: Builder.version,
        subcommands: [BuildCommand.self, ServeCommand.self, CardCommand.self, NewCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)
}
