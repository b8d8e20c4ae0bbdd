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
    /// Path from the content folder, `newsletter/weekly-01/index.md`.
    public var path: String
    /// The folder that identifies the page: the bundle or section folder, else the file's folder.
    public var directory: String
    /// The files of a bundle (leaf or branch), by path from `directory`.
    public var resources: [ResourceSource]

    /// `weekly-01` for a bundle, `why-mustache` for `why-mustache.md`: Hugo's `:filename`.
    public var baseName: String {
        switch kind {
        case .home: return ""
        case .section, .bundle: return directory.split(separator: "/").last.map(String.init) ?? ""
        case .single:
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return (file as NSString).deletingPathExtension
        }
    }
}

/// A non-Markdown file in the content folder.
public struct ResourceSource: Sendable, Hashable {
    /// Path from the bundle folder (`images/cover.jpg`), or from `content/` for a loose file.
    public var name: String
    /// Path from the content folder.
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
}

/// Walks `content/` once and sorts every file into pages, bundles, sections and resources.
public struct ContentScanner: Sendable {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]

    public let contentDirectory: URL

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory
    }

    public func scan() throws(Diagnostic) -> ContentInventory {
        var inventory = ContentInventory(sources: [], sectionDirectories: [], looseFiles: [])
        guard FileManager.default.fileExists(atPath: contentDirectory.path) else { return inventory }
        try scanDirectory("", depth: 0, into: &inventory)
        return inventory
    }

    private func entries(of relativeDirectory: String) throws(Diagnostic) -> (files: [String], directories: [String]) {
        let url = relativeDirectory.isEmpty ? contentDirectory : contentDirectory.appendingPathComponent(relativeDirectory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw .error("content/\(relativeDirectory)", "cannot read folder: \(error.localizedDescription)")
        }
        var files: [String] = [], directories: [String] = []
        for name in names.sorted() where !Self.isIgnored(name) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { directories.append(name) } else { files.append(name) }
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

    private static func isIndex(_ name: String, prefix: String) -> Bool {
        let url = name as NSString
        return url.deletingPathExtension.lowercased() == prefix && isMarkdown(name)
    }

    private static func isMarkdown(_ name: String) -> Bool {
        markdownExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    private func scanDirectory(_ directory: String, depth: Int, into inventory: inout ContentInventory) throws(Diagnostic) {
        let (files, directories) = try entries(of: directory)

        if !directory.isEmpty, let index = files.first(where: { Self.isIndex($0, prefix: "index") }) {
            try scanLeafBundle(directory, index: index, files: files, directories: directories, into: &inventory)
            return
        }

        let branchIndex = files.first { Self.isIndex($0, prefix: "_index") }
        if !directory.isEmpty && (branchIndex != nil || depth == 1) {
            inventory.sectionDirectories.insert(directory)
        }
        if let branchIndex {
            let resources = try files.filter { $0 != branchIndex && !Self.isMarkdown($0) }.map { name throws(Diagnostic) in
                try resource(name: name, path: Self.join(directory, name))
            }
            inventory.sources.append(ContentSource(
                kind: directory.isEmpty ? .home : .section,
                path: Self.join(directory, branchIndex),
                directory: directory,
                resources: resources))
        } else {
            for name in files where !Self.isMarkdown(name) {
                let path = Self.join(directory, name)
                inventory.looseFiles.append(try resource(name: path, path: path))
            }
        }
        for name in files where Self.isMarkdown(name) && name != branchIndex {
            inventory.sources.append(ContentSource(kind: .single, path: Self.join(directory, name), directory: directory, resources: []))
        }
        for name in directories {
            try scanDirectory(Self.join(directory, name), depth: depth + 1, into: &inventory)
        }
    }

    private func scanLeafBundle(_ directory: String, index: String, files: [String], directories: [String], into inventory: inout ContentInventory) throws(Diagnostic) {
        var resources: [ResourceSource] = []
        var pending = files.filter { $0 != index }.map { ($0, $0) }
        var folders = directories
        while !folders.isEmpty {
            let folder = folders.removeFirst()
            let (subFiles, subDirectories) = try entries(of: Self.join(directory, folder))
            pending += subFiles.map { (Self.join(folder, $0), Self.join(folder, $0)) }
            folders += subDirectories.map { Self.join(folder, $0) }
        }
        for (name, relative) in pending {
            resources.append(try resource(name: name, path: Self.join(directory, relative)))
        }
        inventory.sources.append(ContentSource(kind: .bundle, path: Self.join(directory, index), directory: directory, resources: resources))
    }

    private func resource(name: String, path: String) throws(Diagnostic) -> ResourceSource {
        let attributes = try? FileManager.default.attributesOfItem(atPath: contentDirectory.appendingPathComponent(path).path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        return ResourceSource(name: name, path: path, size: size)
    }
}
