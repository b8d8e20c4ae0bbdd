/// How site-relative URL paths map to files in the output folder, and the guard that keeps every
/// URL inside it.
public enum OutputPath {
    /// `/` → `index.html`, `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`.
    public static func file(forURLPath path: String) -> String {
        var relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if relative.isEmpty || relative.hasSuffix("/") {
            relative += "index.html"
        }
        return relative
    }

    /// Makes `path` a clean absolute URL path: leading `/`, no `.`/`..` segments or doubled slashes,
    /// and a trailing `/` unless the last segment names a file (`feed.xml`). Returns nil when `..`
    /// would climb above the site root, so no page, alias or resource can be written outside the
    /// output folder.
    public static func normalize(_ path: String) -> String? {
        if path.contains("://") || path.hasPrefix("//") || path.contains("\\") || path.contains("\0") {
            return nil
        }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        if segments.isEmpty { return "/" }
        let joined = "/" + segments.joined(separator: "/")
        let last = segments.last!
        return last.contains(".") && !path.hasSuffix("/") ? joined : joined + "/"
    }

    /// Why a normalized URL path cannot be published, or nil when it can: a first segment starting
    /// with a dot (`/.git/`, the manifest) belongs to the destination's own files, and a segment
    /// longer than a file name may be (255 bytes) cannot be written.
    public static func refusal(of path: String) -> String? {
        let segments = path.split(separator: "/")
        if let first = segments.first, first.hasPrefix(".") {
            return "starts with the dot segment '\(first)': such paths belong to the output folder's own files (a deploy checkout's .git)"
        }
        if let long = segments.first(where: { $0.utf8.count > 255 }) {
            return "has a segment of \(long.utf8.count) bytes ('\(long.prefix(24))…'), longer than a file name may be (255 bytes)"
        }
        return nil
    }
}
