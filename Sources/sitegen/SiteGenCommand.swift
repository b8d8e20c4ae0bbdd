import ArgumentParser

@main
struct SiteGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a Hugo-style content folder into a static website.",
        version: "0.1.0",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self)
}
