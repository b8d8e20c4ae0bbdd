import Foundation

/// Hugo's `relativeURLs`: root-relative links in HTML (`href="/blog/"`) are rewritten relative to
/// the page (`href="../../blog/"`), so the site works opened from disk or under any path.
enum RelativeURLs {
    static func rewrite(_ file: OutputFile, basePath: String) -> OutputFile {
        guard file.path.hasSuffix(".html"), case .text(let html) = file.content else { return file }
        let depth = file.path.split(separator: "/").count - 1
        let prefix = depth == 0 ? "./" : String(repeating: "../", count: depth)
        // `(?!/)` leaves protocol-relative URLs (`//cdn.example.org/…`) alone.
        let pattern = "\\b(href|src|srcset|action|poster)=([\"'])" + NSRegularExpression.escapedPattern(for: basePath) + "(?!/)"
        let expression = try! NSRegularExpression(pattern: pattern)
        let rewritten = expression.stringByReplacingMatches(
            in: html, range: NSRange(html.startIndex..., in: html),
            withTemplate: "$1=$2" + NSRegularExpression.escapedTemplate(for: prefix))
        return OutputFile(path: file.path, content: .text(rewritten))
    }
}
