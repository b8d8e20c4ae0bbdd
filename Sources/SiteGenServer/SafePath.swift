import Foundation

/// Maps a request path to a file of the built site, and to nothing outside it: `..` in any
/// spelling (`/../`, `%2e%2e`, `%2f`), absolute paths, NUL bytes and symbolic links that lead out of
/// the site are all refused.
public struct SafePath: Sendable {
    /// The built site's folder, with symbolic links resolved.
    public let root: URL

    public init(root: URL) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL
    }

    public enum Resolution: Equatable, Sendable {
        /// A file to send.
        case file(URL)
        /// A folder asked for without its trailing `/`: redirect there so relative links work.
        case redirect(String)
        case notFound
        /// The path tries to leave the site.
        case forbidden
    }

    public func resolve(_ requestPath: String) -> Resolution {
        let pathOnly = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? requestPath
        guard let decoded = pathOnly.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return .forbidden
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        let joined = segments.joined(separator: "/")
        var candidate = joined.isEmpty ? root : root.appendingPathComponent(joined)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
        if joined.isEmpty || decoded.hasSuffix("/") {
            candidate = candidate.appendingPathComponent("index.html")
        } else if exists && isDirectory.boolValue {
            return .redirect("/" + joined + "/")
        }
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL
        guard real.path.hasPrefix(root.path + "/") else { return .forbidden }
        guard FileManager.default.fileExists(atPath: real.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .notFound
        }
        return .file(real)
    }
}
