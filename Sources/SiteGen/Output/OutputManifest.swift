import Foundation

/// The list of files a build wrote, kept in the destination beside them: the next build deletes
/// only these (when it no longer writes them) and leaves every other file of the folder alone.
struct OutputManifest: Sendable, Codable {
    /// In the destination's root. No page, alias or resource can claim it: URLs never start with
    /// a dot segment (`OutputPath.normalize`).
    static let fileName = ".sitegen-manifest.json"

    var generator = Builder.generator
    var files: [String]

    var paths: Set<String> { Set(files) }

    init(paths: Set<String>) {
        files = paths.sorted()
    }

    /// The manifest of the folder's last build; nil when there is none (a folder SiteGen never
    /// wrote, or a manifest that is not one, which then protects every file).
    static func read(in folder: URL) -> OutputManifest? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(OutputManifest.self, from: data)
    }

    func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: file)
    }
}
