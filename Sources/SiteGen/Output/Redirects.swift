/// Hugo's alias pages (a meta refresh plus a canonical link, which search engines follow) and a
/// Netlify-style `_redirects` file for hosts that can answer with a real 301.
enum Redirects {
    static func aliasPage(to target: String) -> String {
        let escaped = HTMLEscaping.escape(target)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <title>\(escaped)</title>
        <link rel="canonical" href="\(escaped)">
        <meta name="robots" content="noindex">
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="0; url=\(escaped)">
        </head>
        <body><p>This page has moved to <a href="\(escaped)">\(escaped)</a>.</p></body>
        </html>

        """
    }

    /// One `from to 301` line per alias, in the order given.
    static func netlifyFile(_ redirects: [(from: String, to: String)]) -> String {
        redirects.map { "\($0.from) \($0.to) 301\n" }.joined()
    }
}
