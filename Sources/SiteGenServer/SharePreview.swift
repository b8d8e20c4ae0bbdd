import Foundation
import SiteGen

/// `/_sitegen/share/PAGE/`: how the page's link unfurls — its share image and mock-ups of
/// Mastodon, X, Facebook, LinkedIn and Slack drawn from its real meta tags — and which of the tags
/// those services read are missing.
enum SharePreview {
    static let prefix = "/_sitegen/share"

    /// The tags the services above read, in the order they are listed.
    static let expected = ["og:title", "og:description", "og:image", "og:image:width", "og:image:height", "og:image:alt",
                           "og:url", "og:type", "og:site_name", "twitter:card"]

    /// `property`/`name` → `content` of every `<meta>` tag in the page's head.
    static func metaTags(in html: String) -> [(name: String, content: String)] {
        let head = html.range(of: "</head>", options: .caseInsensitive).map { String(html[..<$0.lowerBound]) } ?? html
        let tag = /<meta\s+[^>]*>/.ignoresCase()
        let attribute = /(property|name|content)\s*=\s*"([^"]*)"/.ignoresCase()
        return head.matches(of: tag).compactMap { match in
            var name: String?, content: String?
            for found in match.output.matches(of: attribute) {
                let value = unescape(String(found.output.2))
                if found.output.1.lowercased() == "content" { content = value } else { name = value }
            }
            guard let name, let content else { return nil }
            return (name, content)
        }
    }

    static func page(for pagePath: String, html: String) -> String {
        let tags = metaTags(in: html)
        func value(_ name: String) -> String? { tags.first { $0.name == name }?.content }
        let title = value("og:title") ?? value("twitter:title") ?? "(no title)"
        let description = value("og:description") ?? value("description") ?? ""
        let image = value("og:image") ?? value("twitter:image")
        let url = value("og:url") ?? pagePath
        let domain = URL(string: url)?.host ?? url
        let site = value("og:site_name") ?? domain
        let missing = expected.filter { value($0) == nil }
        // The tags hold the published site's absolute URLs; the preview shows this server's copy.
        let base = url.hasSuffix(pagePath) ? String(url.dropLast(pagePath.count)) : nil
        let local = image.map { image in base.map { image.hasPrefix($0 + "/") ? String(image.dropFirst($0.count)) : image } ?? image }
        let picture = local.map { #"<img src="\#(HTMLEscaping.escape($0))" alt="">"# } ?? #"<div class="none">no image</div>"#
        func card(_ service: String, _ layout: String) -> String {
            """
            <section class="service \(layout)"><h2>\(service)</h2><div class="card">\(picture)\
            <div class="text"><small>\(HTMLEscaping.escape(service == "Slack" ? site : domain))</small><strong>\(HTMLEscaping.escape(title))</strong>\
            <p>\(HTMLEscaping.escape(description))</p></div></div></section>
            """
        }
        let rows = tags.map { "<tr><td>\(HTMLEscaping.escape($0.name))</td><td>\(HTMLEscaping.escape($0.content))</td></tr>" }.joined()
        let missingList = missing.isEmpty ? "<p class=ok>Every tag the services read is there.</p>"
            : "<p class=missing>Missing: " + missing.map { "<code>\(HTMLEscaping.escape($0))</code>" }.joined(separator: ", ") + "</p>"
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Share preview: \(HTMLEscaping.escape(title))</title>
            <style>
            body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111;background:#f5f5f4}
            .service{margin:1.5rem 0}.service h2{font-size:.85rem;text-transform:uppercase;letter-spacing:.05em;color:#555}
            .card{background:#fff;border:1px solid #ddd;border-radius:12px;overflow:hidden;max-width:34rem}
            .card img,.none{display:block;width:100%;aspect-ratio:1200/630;object-fit:cover;background:#ddd}
            .none{display:grid;place-items:center;color:#777}.text{padding:.75rem 1rem}.text small{color:#666}
            .text strong{display:block}.text p{margin:.25rem 0 0;color:#444}
            .slack .card{border:0;border-left:4px solid #ccc;border-radius:0;background:none}
            .compact .card{display:grid;grid-template-columns:8rem 1fr}.compact .card img,.compact .none{aspect-ratio:1}
            table{border-collapse:collapse;width:100%;background:#fff}td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;word-break:break-all}
            .missing{color:#b91c1c}.ok{color:#15803d}
            </style></head><body>
            <h1>How <a href="\(HTMLEscaping.escape(pagePath))">\(HTMLEscaping.escape(pagePath))</a> unfurls</h1>
            \(missingList)
            \(card("Mastodon", "wide"))\(card("X", "wide"))\(card("Facebook", "wide"))\(card("LinkedIn", "compact"))\(card("Slack", "slack"))
            <h2>Meta tags</h2><table>\(rows)</table>
            </body></html>
            """
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
