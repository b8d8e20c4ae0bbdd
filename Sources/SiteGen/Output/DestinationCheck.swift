import Foundation

/// Refuses a source or destination folder that would make a build read nothing or destroy the
/// site's own files: a build replaces its destination, so the destination must not be the site,
/// hold the site, or sit inside a folder the site is read from.
enum DestinationCheck {
    /// Folders of a Hugo site that a build reads (or keeps, like the image cache).
    static let inputFolders = ["content", "static", "templates", "layouts", "i18n", "assets", "data",
                               "archetypes", "themes", "resources"]

    /// The source must be an existing folder: a mistyped `--source` is not an empty site.
    static func checkSource(_ source: URL) throws(Diagnostic) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw .error(source.path, "the site folder does not exist")
        }
        guard isFolder.boolValue else { throw .error(source.path, "the site folder is a file, not a folder") }
    }

    /// `contentFolders` are the languages' `contentDir`s, from the site folder.
    static func checkDestination(_ destination: URL, source: URL, contentFolders: [String]) throws(Diagnostic) {
        let output = resolved(destination)
        let site = resolved(source)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .error(destination.path, "the destination is a file, not a folder")
        }
        if output == site {
            throw .error(destination.path, "the destination is the site's own folder; a build would replace it (choose another, e.g. public/)")
        }
        if contains(output, site) {
            throw .error(destination.path, "the destination holds the site's folder \(source.path); a build would replace it (choose a folder outside it, e.g. public/)")
        }
        for folder in inputFolders + contentFolders {
            let input = resolved(source.appendingPathComponent(folder))
            if output == input || contains(input, output) {
                throw .error(destination.path, "the destination is inside the site's \(folder)/ folder, which the build reads; choose a folder outside it, e.g. public/")
            }
        }
    }

    /// The path with symbolic links resolved as far as it exists, so `site/../site` or a link to
    /// the site is seen for what it is.
    private static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL, rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for component in rest { result.appendPathComponent(component) }
        return result.standardizedFileURL
    }

    private static func contains(_ folder: URL, _ inner: URL) -> Bool {
        let prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        return inner.path.hasPrefix(prefix)
    }
}
