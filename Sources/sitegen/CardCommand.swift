import ArgumentParser
import Foundation
import SiteGen

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Draw one page's Open Graph card to a file, for a quick look.")

    @Option(name: .long, help: "The site's folder.")
    var source: String = "."

    @Argument(help: "The page, by its content path: newsletter/news-25, blog/post.md, about.fr.md, or / for the home page.")
    var page: String

    @Option(name: .long, help: "Where to write the card. Default: the page's name with the card's extension, in the current folder.")
    var output: String?

    func run() throws {
        var options = BuildOptions(source: URL(fileURLWithPath: source))
        options.includeDrafts = true
        options.includeFuture = true
        // The file is what its name says.
        var format: String?
        if let output {
            switch (output as NSString).pathExtension.lowercased() {
            case "jpg", "jpeg": format = "jpeg"
            case "png": format = "png"
            case "webp": format = "webp"
            default:
                printError("\(output): name the card .jpg, .png or .webp, the formats it can be written in")
                throw ExitCode.failure
            }
        }
        do {
            let card = try ShareCard.draw(page, format: format, options: options)
            let name = output ?? card.suggestedName
            try card.data.write(to: URL(fileURLWithPath: name))
            print("Wrote \(name) (\(card.width)×\(card.height), \(card.data.count / 1024) KB)")
        } catch let error as DiagnosticList {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}
