import Foundation
import SiteGen

/// What the preview adds to every HTML page: a script that listens for rebuilds over server-sent
/// events (reloading the page, or only its stylesheets when only CSS changed), and an overlay
/// listing the errors of a broken edit.
enum LiveReload {
    static let eventsPath = "/_sitegen/events"

    static let script = """
        <script>
        (() => {
          const source = new EventSource("\(eventsPath)");
          // A rebuild names the pages it wrote, or "*" for all; only those reload.
          source.addEventListener("reload", (event) => {
            const pages = JSON.parse(event.data);
            const path = decodeURI(location.pathname);
            const here = path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
            if (pages === "*" || pages.includes(here)) location.reload();
          });
          source.addEventListener("css", () => {
            for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
              const url = new URL(link.href);
              url.searchParams.set("sitegen", Date.now());
              link.href = url.toString();
            }
          });
        })();
        </script>
        """

    /// `html` with the script (when live reload is on) and the error overlay (when the last build failed).
    static func inject(into html: String, liveReload: Bool, errors: [Diagnostic]) -> String {
        var addition = liveReload ? script : ""
        if !errors.isEmpty { addition += overlay(errors) }
        guard !addition.isEmpty else { return html }
        if let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: addition)
        }
        return html + addition
    }

    static func overlay(_ errors: [Diagnostic]) -> String {
        let items = errors.map { "<li>\(HTMLEscaping.escape($0.description))</li>" }.joined()
        return """
            <div id="sitegen-errors" role="alert" style="position:fixed;inset:auto 1rem 1rem 1rem;z-index:2147483647;\
            max-height:60vh;overflow:auto;background:#7f1d1d;color:#fff;font:14px/1.5 ui-monospace,monospace;\
            padding:1rem 1.25rem;border-radius:8px;box-shadow:0 10px 30px rgba(0,0,0,.4)">\
            <strong>The last edit does not build; this is the last good version.</strong><ul style="margin:.5rem 0 0;padding-left:1.25rem">\(items)</ul></div>
            """
    }
}
