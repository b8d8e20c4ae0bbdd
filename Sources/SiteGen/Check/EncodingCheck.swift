import Foundation

/// `sitegen check`'s encodings: every text file of the content folders (Markdown and the other
/// text files of bundles) must be UTF-8 without a byte-order mark, and without mojibake, which
/// the check shows with its exact repair and `fix` repairs.
struct EncodingCheck {
    let site: URL
    /// The content folders, from the site folder.
    let contentFolders: [String]

    static let textExtensions: Set<String> = ["md", "markdown", "html", "htm", "txt", "yaml", "yml", "toml", "json", "csv", "xml", "svg"]

    /// What is wrong, file by file, in the order of their paths.
    func findings() -> [Diagnostic] {
        files().flatMap { check($0).findings }
    }

    /// Repairs each file whose only encoding problems are a byte-order mark and mojibake that
    /// repairs without loss, after copying it into `backups` (by its path from the site folder);
    /// returns the files rewritten.
    func fix(backups: URL) throws(Diagnostic) -> [String] {
        var fixed: [String] = []
        for path in files() {
            guard let repaired = check(path).repaired else { continue }
            let url = site.appendingPathComponent(path), backup = backups.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: backup.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: url, to: backup)
                try Data(repaired.utf8).write(to: url, options: .atomic)
            } catch {
                throw .error(path, "cannot repair the file: \(error.localizedDescription)")
            }
            fixed.append(path)
        }
        return fixed
    }

    private func files() -> [String] {
        let reader = SiteFolderReader(site: site)
        return contentFolders.flatMap { folder in
            reader.files(under: site.appendingPathComponent(folder)).files
                .filter { Self.textExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .map { folder + "/" + $0 }
        }.sorted()
    }

    /// The file's problems, and its repaired text when every problem repairs without loss.
    private func check(_ path: String) -> (findings: [Diagnostic], repaired: String?) {
        guard let data = try? Data(contentsOf: site.appendingPathComponent(path)) else { return ([.error(path, "cannot read the file")], nil) }
        var bytes = Array(data)
        var findings: [Diagnostic] = []
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasMark {
            findings.append(.warning(path, line: 1, column: 1, "starts with a byte-order mark, which some tools show as text; sitegen check --fix removes it"))
            bytes.removeFirst(3)
        }
        let text: String
        do {
            text = try TextFile.decode(bytes, label: path)
        } catch {
            return (findings + [error], nil)
        }
        let damaged = Mojibake.findings(in: text)
        findings += damaged.map { finding in
            .warning(path, line: finding.line, column: finding.column + (hasMark && finding.line == 1 ? 1 : 0),
                     "mojibake: \(finding.found) is \(finding.repaired) with its UTF-8 read as Windows-1252; repair: \(finding.found) → \(finding.repaired) (sitegen check --fix)")
        }
        guard !findings.isEmpty else { return ([], nil) }
        let repaired = Mojibake.repaired(text)
        // Only a repair that gives the damaged text back when damaged again is made.
        let lossless = damaged.allSatisfy { Mojibake.damaged($0.repaired) == $0.found }
        return (findings, lossless ? repaired : nil)
    }
}
