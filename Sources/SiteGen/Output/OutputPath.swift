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
}
