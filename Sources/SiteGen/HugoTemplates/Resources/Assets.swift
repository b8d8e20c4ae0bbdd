import Foundation
import GoTemplates
import Synchronization

/// The `assets/` folders a Hugo site's templates read resources from (the site's over each
/// theme's), and the resources templates publish while they run: a resource is written to the
/// output when a template asks for its `.RelPermalink` or `.Permalink`, as in Hugo.
final class Assets: Sendable {
    /// Path in `assets/` (`css/main.css`) → the file.
    let files: [String: URL]
    /// The site's `assets/`, then each theme's: where `@import`s in Sass are looked for.
    let folders: [URL]
    /// The images templates process (`.Resize`…), published here as they are asked for.
    let images = ProcessedImages()
    private let published = Mutex<[String: Data]>([:])
    private let minified = Mutex<[String: Data]>([:])
    private let transformed = Mutex<[String: any Sendable]>([:])
    /// Hugo's `minify.tdewolff.css.keepCSS2`.
    private let keepsCSS2: Bool

    init(site: URL, themes: [String], keepsCSS2: Bool) {
        self.keepsCSS2 = keepsCSS2
        let reader = SiteFolderReader(site: site)
        var files: [String: URL] = [:]
        folders = [site.appendingPathComponent("assets")] + themes.map { site.appendingPathComponent("themes/\($0)/assets") }
        for folder in folders {
            for path in reader.files(under: folder).files where files[path] == nil {
                files[path] = folder.appendingPathComponent(path)
            }
        }
        self.files = files
    }

    /// Notes that `resource` is to be written at its path.
    func publish(_ path: String, _ content: Data) {
        published.withLock { $0[path] = content }
    }

    /// What templates published, as output files.
    var publishedFiles: [OutputFile] {
        published.withLock { $0 }.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, content: .data($0.value)) }
    }

    /// What `make` gives for `key`, made once per build however many pages ask (Hugo caches
    /// resource transformations the same way).
    func transformation<Made: Sendable>(_ key: String, make: () throws -> Made) throws -> Made {
        if let known = transformed.withLock({ $0[key] }) as? Made { return known }
        let made = try make()
        transformed.withLock { $0[key] = made }
        return made
    }

    /// `content` minified by Debian's `minify` (tdewolff/minify, the library Hugo minifies with),
    /// for a media subtype it knows (`css`, `js`, `json`, `svg`, `xml`, `html`), CSS with Hugo's
    /// `keepCSS2`; each distinct input is minified once per build.
    func minify(_ content: Data, type: String) throws -> Data {
        let key = type + "\u{0}" + Hashing.sha256Hex(content)
        if let known = minified.withLock({ $0[key] }) { return known }
        var result = try ExternalCommand.run(["minify", "--type", type], input: content, package: "minify")
        if type == "css", keepsCSS2, let css = String(data: result, encoding: .utf8), let source = String(data: content, encoding: .utf8) {
            result = Data(KeepCSS2.undo(in: css, source: source).utf8)
        }
        minified.withLock { $0[key] = result }
        return result
    }
}
