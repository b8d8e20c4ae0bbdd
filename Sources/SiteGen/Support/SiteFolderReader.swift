import Foundation

/// Lists a site's folders the way a build may read them. A symbolic link is followed only when
/// what it points to lies inside the site's folder (or a language's content folder): a link to
/// `/etc/passwd` in `content/` must never be published or served. Links that lead elsewhere, dangle
/// or loop are skipped with a warning naming them.
struct SiteFolderReader: Sendable {
    /// Real paths (links resolved) that links may lead into.
    let allowedRoots: [String]
    /// The site folder, to name files in warnings by their path from it.
    let site: URL

    init(site: URL, contentFolders: [String] = []) {
        self.site = site.standardizedFileURL
        allowedRoots = ([site] + contentFolders.map { site.appendingPathComponent($0) }).map(Self.realPath)
    }

    enum Kind: Equatable {
        case file
        /// With its real path, to notice a link that leads back into a folder being read.
        case folder(realPath: String)
    }

    /// A folder's entries that can be read, sorted by name, with warnings for the links skipped.
    func entries(of folder: URL) throws -> (entries: [(name: String, kind: Kind)], warnings: [Diagnostic]) {
        var entries: [(name: String, kind: Kind)] = [], warnings: [Diagnostic] = []
        let folderPath = folder.path
        for name in try FileManager.default.contentsOfDirectory(atPath: folderPath).sorted() {
            // By path: a URL made for each entry was most of a content scan.
            switch classify(path: folderPath + "/" + name) {
            case .success(let kind?): entries.append((name, kind))
            case .success(nil): continue
            case .failure(let warning): warnings.append(warning)
            }
        }
        return (entries, warnings)
    }

    /// Every regular file under `folder`, by path from it, links followed by the rule above and
    /// each real folder read once.
    func files(under folder: URL) -> (files: [String], warnings: [Diagnostic]) {
        var files: [String] = [], warnings: [Diagnostic] = []
        var reading: Set<String> = [Self.realPath(folder)]
        func walk(_ relative: String) {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            guard let (entries, skipped) = try? entries(of: url) else { return }
            warnings += skipped
            for (name, kind) in entries {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                switch kind {
                case .file: files.append(path)
                case .folder(let real):
                    guard reading.insert(real).inserted else {
                        warnings.append(.warning(label(url.appendingPathComponent(name)), "a symbolic link back into a folder that contains it; skipped"))
                        continue
                    }
                    walk(path)
                    reading.remove(real)
                }
            }
        }
        guard FileManager.default.fileExists(atPath: folder.path) else { return ([], []) }
        walk("")
        return (files, warnings)
    }

    /// A regular file or a folder (nil for anything else: sockets, devices), or the warning for a
    /// link that may not be followed.
    func classify(path: String) -> Result<Kind?, Diagnostic> {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .success(nil) }
        if info.st_mode & S_IFMT == S_IFLNK {
            let url = URL(fileURLWithPath: path)
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let real = realpath(path, nil) else {
                return .failure(.warning(label(url), "a symbolic link to \(target), which does not exist; skipped"))
            }
            let resolved = String(cString: real)
            free(real)
            guard allowedRoots.contains(where: { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
                return .failure(.warning(label(url), "a symbolic link to \(resolved), outside the site's folder; skipped"))
            }
            guard stat(path, &info) == 0 else { return .success(nil) }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.file)
        case S_IFDIR: return .success(.folder(realPath: Self.realPath(path)))
        default: return .success(nil)
        }
    }

    private func label(_ url: URL) -> String {
        let path = url.standardizedFileURL.path, root = site.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    static func realPath(_ url: URL) -> String {
        realPath(url.path)
    }

    static func realPath(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }
}
