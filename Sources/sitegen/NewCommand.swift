import ArgumentParser
import Foundation
import SiteGen

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a site, or a page from the site's archetypes.",
        discussion: "sitegen new site DIR makes a new site; sitegen new PATH (blog/my-post.md, newsletter/weekly-02) makes a page.",
        subcommands: [NewSiteCommand.self, NewNewsletterCommand.self, NewContentCommand.self],
        defaultSubcommand: NewContentCommand.self)
}

struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Make a site that builds and serves at once: configuration, a newsletter issue, a post, archetypes, a README.")

    @Argument(help: "The folder to make it in: a new one, or an empty one.")
    var folder: String

    @Option(name: .long, help: "The site's title.")
    var title: String = "My Project"

    func run() throws {
        do {
            let files = try NewSite.create(at: URL(fileURLWithPath: folder), title: title)
            print("Created a site in \(folder) (\(files.count) files). Next: cd \(folder) && sitegen serve")
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}

struct NewContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Make a page from the site's archetypes, as hugo new does; never overwrites a file.")

    @Option(name: .long, help: "The site's folder.")
    var source: String = "."

    @Option(name: .long, help: "The archetype to use instead of the path's first folder (archetypes/KIND.md or archetypes/KIND/).")
    var kind: String?

    @Argument(help: "The page, from the content folder: blog/my-post.md for a file, newsletter/weekly-02 for a bundle.")
    var path: String

    func run() throws {
        do {
            for file in try NewContent(options: BuildOptions(source: URL(fileURLWithPath: source))).create(path, kind: kind) {
                print("Created \(file)")
            }
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}

struct NewNewsletterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Start the next newsletter issue: numbered, named, aliased and dated as the earlier ones, a draft bundle from the section's archetype.")

    @Option(name: .long, help: "The site's folder.")
    var source: String = "."

    @Option(name: .long, help: "The newsletter's section folder. Default: the configuration's newsletter.section, else newsletter.")
    var section: String?

    @Option(name: .long, help: "The issue's day (2026-12-04). Default: the next day on the weekday of the latest issues.")
    var date: String?

    @Option(name: .long, help: "Words for after the issue's number in its title.")
    var title: String?

    func run() throws {
        var day: Date?
        if let date {
            guard let parsed = ISO8601DateFormatter.date(fullDate: date) else {
                printError("--date \(date): give the day as YYYY-MM-DD")
                throw ExitCode.failure
            }
            day = parsed
        }
        do {
            for file in try NewsletterIssue(options: BuildOptions(source: URL(fileURLWithPath: source)), section: section).create(date: day, title: title) {
                print("Created \(file)")
            }
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}

extension ISO8601DateFormatter {
    /// `2026-12-04` as midnight UTC.
    static func date(fullDate text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
