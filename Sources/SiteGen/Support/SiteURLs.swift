/// Turns site-relative paths (`/newsletter/weekly-01/`) into the URLs a page links to, honouring a
/// base URL with a path (`https://example.org/docs/` serves the home page at `/docs/`).
public struct SiteURLs: Sendable {
    /// The configured base URL, ending with `/`.
    public let baseURL: String
    /// The base URL's path, `/` or `/docs/`.
    public let basePath: String

    public init(baseURL: String, basePath: String) {
        self.baseURL = baseURL
        self.basePath = basePath
    }

    /// `/a/b/` → `/docs/a/b/`. Absolute URLs (`https://…`, `mailto:`) and fragments are returned as given.
    public func relative(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return path }
        return basePath + path.dropFirst()
    }

    /// `/a/b/` → `https://example.org/docs/a/b/`; a site without a host in its base URL gets a root-relative URL.
    public func absolute(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return path }
        guard baseURL.contains("://") else { return relative(path) }
        return baseURL + path.dropFirst()
    }
}
