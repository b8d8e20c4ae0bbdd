import Foundation

/// A Markdown file that becomes a page, with where it sits in Hugo's content model.
public struct ContentSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `content/_index.md`.
        case home
        /// `_index.md` of a section (a branch bundle).
        case section
        /// `index.md` of a leaf bundle: the page and the files beside it.
        case bundle
        /// Any other Markdown file.
        case single
    }

    public var kind: Kind
    /// The content folder it was found in, from the site folder: `content`, or a language's `contentDir`.
    public var root: String
    /// Path from the content folder, `newsletter/weekly-01/index.fr.md`.
    public var path: String
    /// From the file name (`index.fr.md`) or the language whose `contentDir` holds it.
    public var language: String
    /// The folder that identifies the page: the bundle or section folder, else the file's folder.
    public var directory: String
    /// The files of a bundle (leaf or branch), by path from `directory`.
    public var resources: [ResourceSource]

    /// `weekly-01` for a bundle, `why-mustache` for `why-mustache.md` and `why-mustache.fr.md`: Hugo's `:filename`.
    public var baseName: String

    /// The same for every translation of a page: the bundle or section folder, or the file's path
    /// without its language and extension; `list:` or `page:` first, so the section `blog/` and the
    /// page `blog.md` differ.
    public var translationKey: String {
        switch kind {
        case .home, .section: return "list:\(directory)"
        case .bundle: return "page:\(directory)"
        case .single: return "page:" + (directory.isEmpty ? baseName : "\(directory)/\(baseName)")
        }
    }

    /// Where errors about this file point: `content/blog/post.md`.
    public var label: String { "\(root)/\(path)" }
}

/// A non-Markdown file in a content folder.
public struct ResourceSource: Sendable, Hashable {
    /// Path from the bundle folder (`images/cover.jpg`), or from the content folder for a loose file.
    public var name: String
    /// Path from the site folder: `content/newsletter/news-25/cover.jpg`.
    public var path: String
    public var size: Int
}

/// What the content folder holds, in Hugo's terms.
public struct ContentInventory: Sendable {
    public var sources: [ContentSource]
    /// Section folders (`newsletter`, `blog/2020` when it has an `_index.md`), top-level ones always.
    public var sectionDirectories: Set<String>
    /// Files outside any bundle: copied to the output at their content path, as Hugo does.
    public var looseFiles: [ResourceSource]
    /// Symbolic links that were not followed (see `SiteFolderReader`).
    public var warnings: [Diagnostic] = []
}

extension ContentInventory {
    mutating func append(_ other: ContentInventory) {
        sources += other.sources
        sectionDirectories.formUnion(other.sectionDirectories)
        looseFiles += other.looseFiles
        warnings += other.warnings
    }
}

extension Set where Element == String {
    /// The nearest folder, at or above `directory`, that is one of these section folders; `""`
    /// (the content root) when none is.
    func nearestSection(to directory: String) -> String {
        var directory = directory
        while !directory.isEmpty && !contains(directory) {
            directory = directory.deletingLastPathSegment
        }
        return directory
    }
}

/// Walks a content folder once and sorts every file into pages, bundles, sections and resources,
/// telling translations apart by file name (`index.fr.md`, `_index.fr.md`, `about.fr.md`).
public struct ContentScanner: Sendable {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]

    /// The site folder.
    public let siteDirectory: URL
    /// The content folder, from the site folder.
    public let root: String
    /// Codes that name a language in a file name.
    public let languages: Set<String>
    /// The language of files whose names name none.
    public let defaultLanguage: String
    /// Folders (from the content folder) that are other languages' content folders.
    public let excluded: Set<String>
    private let reader: SiteFolderReader
    /// The content folder, made once: a URL appended to for each file was a fifth of the scan.
    private let contentDirectory: URL
    private let contentPath: String

    /// `contentFolders`: every language's content folder, where symbolic links may lead too.
    public init(siteDirectory: URL, root: String = "content", languages: Set<String> = ["en"], defaultLanguage: String = "en",
                excluding excluded: Set<String> = [], contentFolders: [String] = []) {
        self.siteDirectory = siteDirectory
        self.root = root
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.excluded = excluded
        self.reader = SiteFolderReader(site: siteDirectory, contentFolders: contentFolders + [root])
        self.contentDirectory = siteDirectory.appendingPathComponent(root)
        self.contentPath = contentDirectory.path
    }

    public func scan() throws(Diagnostic) -> ContentInventory {
        var inventory = ContentInventory(sources: [], sectionDirectories: [], looseFiles: [])
        guard FileManager.default.fileExists(atPath: contentDirectory.path) else { return inventory }
        try scanDirectory("", depth: 0, reading: [SiteFolderReader.realPath(contentDirectory)], into: &inventory)
        return inventory
    }

    /// The folder's files and subfolders, a subfolder that a link leads back into (one of the
    /// folders being read, `reading`) left out with a warning.
    private func entries(of relativeDirectory: String, reading: Set<String>,
                         into inventory: inout ContentInventory) throws(Diagnostic) -> (files: [String], directories: [(name: String, realPath: String)]) {
        let url = relativeDirectory.isEmpty ? contentDirectory : contentDirectory.appendingPathComponent(relativeDirectory)
        let listed: [(name: String, kind: SiteFolderReader.Kind)]
        do {
            let read = try reader.entries(of: url)
            listed = read.entries
            inventory.warnings += read.warnings
        } catch {
            throw .error(Self.join(root, relativeDirectory), "cannot read folder: \(error.localizedDescription)")
        }
        var files: [String] = [], directories: [(name: String, realPath: String)] = []
        for (name, kind) in listed where !Self.isIgnored(name) {
            switch kind {
            case .file: files.append(name)
            case .folder(let real) where reading.contains(real):
                inventory.warnings.append(.warning(Self.join(root, Self.join(relativeDirectory, name)),
                                                   "a symbolic link back into a folder that contains it; skipped"))
            case .folder(let real): directories.append((name, real))
            }
        }
        return (files, directories)
    }

    /// Editor and OS litter that Hugo skips too.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name == "Thumbs.db"
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : "\(directory)/\(name)"
    }

    /// `index.fr.md` → (`index`, `fr`); `my.notes.md` → (`my.notes`, default) unless `notes` is a language.
    func split(_ name: String) -> (base: String, language: String) {
        let base = (name as NSString).deletingPathExtension
        let suffix = (base as NSString).pathExtension.lowercased()
        if !suffix.isEmpty, languages.contains(suffix) {
            return ((base as NSString).deletingPathExtension, suffix)
        }
        return (base, defaultLanguage)
    }

    private func isIndex(_ name: String, _ base: String) -> Bool {
        Self.isMarkdown(name) && split(name).base.lowercased() == base
    }

    private func source(_ kind: ContentSource.Kind, file: String, directory: String, resources: [ResourceSource]) -> ContentSource {
        let (base, language) = split(file)
        let baseName = kind == .single ? base : (directory.split(separator: "/").last.map(String.init) ?? "")
        return ContentSource(kind: kind, root: root, path: Self.join(directory, file), language: language,
                             directory: directory, resources: resources, baseName: baseName)
    }

    /// What a file not yet written at `path` (from the content folder) will be read as.
    func source(forNewFile path: String) -> ContentSource {
        let directory = path.deletingLastPathSegment, file = (path as NSString).lastPathComponent
        let kind: ContentSource.Kind
        switch split(file).base.lowercased() {
        case "index" where !directory.isEmpty: kind = .bundle
        case "_index": kind = directory.isEmpty ? .home : .section
        default: kind = .single
        }
        return source(kind, file: file, directory: directory, resources: [])
    }

    private static func isMarkdown(_ name: String) -> Bool {
        markdownExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    private func scanDirectory(_ directory: String, depth: Int, reading: Set<String>,
                               into inventory: inout ContentInventory) throws(Diagnostic) {
        let (files, directories) = try entries(of: directory, reading: reading, into: &inventory)

        let leafIndexes = files.filter { isIndex($0, "index") }
        if !directory.isEmpty, !leafIndexes.isEmpty {
            try scanLeafBundle(directory, indexes: leafIndexes, files: files, directories: directories, reading: reading, into: &inventory)
            return
        }

        let branchIndexes = files.filter { isIndex($0, "_index") }
        if !directory.isEmpty && (!branchIndexes.isEmpty || depth == 1) {
            inventory.sectionDirectories.insert(directory)
        }
        if !branchIndexes.isEmpty {
            let resources = try files.filter { !Self.isMarkdown($0) }.map { name throws(Diagnostic) in
                try resource(name: name, path: Self.join(directory, name))
            }
            for index in branchIndexes {
                inventory.sources.append(source(directory.isEmpty ? .home : .section, file: index, directory: directory, resources: resources))
            }
        } else {
            for name in files where !Self.isMarkdown(name) {
                let path = Self.join(directory, name)
                inventory.looseFiles.append(try resource(name: path, path: path))
            }
        }
        for name in files where Self.isMarkdown(name) && !branchIndexes.contains(name) {
            inventory.sources.append(source(.single, file: name, directory: directory, resources: []))
        }
        // The subfolders on every core (a 3,000-page site is 3,000 folders to read), each into an
        // inventory of its own, joined in their order: the same inventory, and the same first error.
        let subfolders = directories.filter { !excluded.contains(Self.join(directory, $0.name)) }
        let scanned = subfolders.parallelMap { name, real in
            Result { () throws(Diagnostic) -> ContentInventory in
                var part = ContentInventory(sources: [], sectionDirectories: [], looseFiles: [])
                try scanDirectory(Self.join(directory, name), depth: depth + 1, reading: reading.union([real]), into: &part)
                return part
            }
        }
        for result in scanned { inventory.append(try result.get()) }
    }

    /// A leaf bundle: one page per language's `index` file, and every other file its resources,
    /// shared by the translations.
    private func scanLeafBundle(_ directory: String, indexes: [String], files: [String], directories: [(name: String, realPath: String)],
                                reading: Set<String>, into inventory: inout ContentInventory) throws(Diagnostic) {
        var resources: [ResourceSource] = []
        var pending = files.filter { !indexes.contains($0) }.map { ($0, $0) }
        var folders = directories.map { (name: $0.name, reading: reading.union([$0.realPath])) }
        while !folders.isEmpty {
            let folder = folders.removeFirst()
            let (subFiles, subDirectories) = try entries(of: Self.join(directory, folder.name), reading: folder.reading, into: &inventory)
            pending += subFiles.map { (Self.join(folder.name, $0), Self.join(folder.name, $0)) }
            folders += subDirectories.map { (Self.join(folder.name, $0.name), folder.reading.union([$0.realPath])) }
        }
        for (name, relative) in pending {
            resources.append(try resource(name: name, path: Self.join(directory, relative)))
        }
        for index in indexes {
            inventory.sources.append(source(.bundle, file: index, directory: directory, resources: resources))
        }
    }

    private func resource(name: String, path: String) throws(Diagnostic) -> ResourceSource {
        var info = stat()
        let size = stat(contentPath + "/" + path, &info) == 0 ? Int(info.st_size) : 0
        return ResourceSource(name: name, path: Self.join(root, path), size: size)
    }
}
