extension StringProtocol {
    /// `a/b/c` → `a/b`, `a` → `` (and `/a` → `/`): what `NSString.deletingLastPathComponent` gives,
    /// without it, since Foundation on Linux crashes on a one-character string (`"b"`).
    var deletingLastPathSegment: String {
        var path = Substring(self)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        var parent = path[..<slash]
        while parent.count > 1 && parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }

    /// Without the slashes it starts and ends with (`/a/b/` → `a/b`): what
    /// `trimmingCharacters(in: CharacterSet(charactersIn: "/"))` gives, at a fraction of its cost.
    var trimmingSlashes: String {
        var path = Substring(self)
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
