import Foundation

/// The shortcodes SiteGen knows without templates: Hugo's embeds (rendered statically, never
/// fetching anything), images, `highlight`, and the page links `ref` and `relref`.
public struct BuiltinShortcodes: ShortcodeRendering {
    /// A page's absolute permalink and site-relative URL.
    public typealias PageURLs = (permalink: String, url: String)

    private let resolvePage: @Sendable (String) -> PageURLs?

    /// `resolvePage` finds a page by the path written in `ref`/`relref` (`blog/post.md`,
    /// `/blog/post`), or returns nil.
    public init(resolvePage: @escaping @Sendable (String) -> PageURLs?) {
        self.resolvePage = resolvePage
    }

    private static let names: Set = ["youtube", "vimeo", "tweet", "x", "figure", "img", "iframe", "highlight", "ref", "relref"]

    public func has(_ name: String) -> Bool {
        Self.names.contains(name)
    }

    public var names: [String] { Self.names.sorted() }

    public func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        switch call.name {
        case "youtube": return try youtube(call)
        case "vimeo": return try vimeo(call)
        case "tweet", "x": return try post(call)
        case "figure": return try figure(call)
        case "img": return try img(call)
        case "iframe": return try iframe(call)
        case "highlight": return try highlight(call)
        case "ref": return try link(call, absolute: true)
        case "relref": return try link(call, absolute: false)
        default: throw Diagnostic(.error, call.location, "unknown shortcode '\(call.name)'")
        }
    }

    private func youtube(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        let id = try required(call, "id", at: 0)
        let start = call.argument("start").map { "?start=" + pathComponent($0) } ?? ""
        return embed("youtube", src: "https://www.youtube-nocookie.com/embed/\(pathComponent(id))\(start)",
                     title: call.argument("title") ?? "YouTube video")
    }

    private func vimeo(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        let id = try required(call, "id", at: 0)
        return embed("vimeo", src: "https://player.vimeo.com/video/\(pathComponent(id))?dnt=1",
                     title: call.argument("title") ?? "Vimeo video")
    }

    /// A responsive 16:9 frame that needs no stylesheet; the classes are for themes.
    private func embed(_ service: String, src: String, title: String) -> String {
        "<div class=\"embed embed-\(service)\"><iframe" + attributes([("src", src), ("title", title), ("loading", "lazy")])
            + " allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\""
            + " referrerpolicy=\"strict-origin-when-cross-origin\" allowfullscreen"
            + " style=\"aspect-ratio: 16 / 9; width: 100%; height: auto; border: 0;\"></iframe></div>"
    }

    /// `tweet` and `x`: a link to the post instead of X's script, which would track readers.
    private func post(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        let id = try required(call, "id", at: 0)
        let user = call.argument("user")
        let url = "https://x.com/\(pathComponent(user ?? "i"))/status/\(pathComponent(id))"
        let byline = user.map { "Post by @" + HTMLEscaping.escape($0) } ?? "Post on X"
        return "<blockquote class=\"tweet\"><p>\(byline)</p><a" + attributes([("href", url)]) + ">"
            + HTMLEscaping.escape(url) + "</a></blockquote>"
    }

    /// Hugo's `figure`, with the caption as text rather than Markdown.
    private func figure(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        let src = try required(call, "src", at: nil)
        let caption = call.argument("caption")
        let image = "<img" + attributes([("src", src), ("alt", call.argument("alt") ?? caption),
                                         ("width", call.argument("width")), ("height", call.argument("height")),
                                         ("loading", "lazy")]) + ">"
        var html = "<figure" + attributes([("class", call.argument("class"))]) + ">"
        if let link = call.argument("link") {
            html += "<a" + attributes([("href", link)]) + ">" + image + "</a>"
        } else {
            html += image
        }
        let title = call.argument("title").map { "<h4>" + HTMLEscaping.escape($0) + "</h4>" } ?? ""
        let text = caption.map { "<p>" + HTMLEscaping.escape($0) + "</p>" } ?? ""
        if !title.isEmpty || !text.isEmpty {
            html += "<figcaption>" + title + text + "</figcaption>"
        }
        return html + "</figure>"
    }

    private func img(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        let src = try required(call, "src", at: 0)
        return "<img" + attributes([("src", src), ("alt", call.argument("alt") ?? ""), ("width", call.argument("width")),
                                    ("height", call.argument("height")), ("class", call.argument("class")),
                                    ("title", call.argument("title")), ("loading", "lazy")]) + ">"
    }

    private func iframe(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        let src = try required(call, "src", at: 0)
        let lowercased = src.lowercased()
        guard lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") else {
            throw Diagnostic(.error, call.location, "iframe: only http and https URLs can be embedded, not '\(src)'")
        }
        return "<iframe" + attributes([("src", src), ("title", call.argument("title")), ("width", call.argument("width")),
                                       ("height", call.argument("height")), ("loading", "lazy")]) + "></iframe>"
    }

    /// Like a fenced code block from cmark; colouring is left to the theme's scripts, if any.
    private func highlight(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        guard var code = call.inner else {
            throw Diagnostic(.error, call.location, "highlight needs a closing {{< /highlight >}} around the code")
        }
        if code.first?.isNewline == true { code.removeFirst() }
        while let last = code.last, last.isWhitespace { code.removeLast() }
        let language = call.argument("lang", at: 0).map { attributes([("class", "language-" + $0)]) } ?? ""
        return "<pre><code\(language)>" + HTMLEscaping.escape(code) + (code.isEmpty ? "" : "\n") + "</code></pre>"
    }

    /// `ref` gives the permalink and `relref` the site-relative URL; a `#fragment` is kept.
    private func link(_ call: ShortcodeCall, absolute: Bool) throws(Diagnostic) -> String {
        let reference = try required(call, "path", at: 0)
        let path = reference.prefix { $0 != "#" }
        let fragment = reference.dropFirst(path.count)
        if path.isEmpty { return HTMLEscaping.escape(String(fragment)) }
        guard let page = resolvePage(String(path)) else {
            throw Diagnostic(.error, call.location, "no page '\(path)'")
        }
        return HTMLEscaping.escape((absolute ? page.permalink : page.url) + fragment)
    }

    private func required(_ call: ShortcodeCall, _ name: String, at position: Int?) throws(Diagnostic) -> String {
        guard let value = call.argument(name, at: position), !value.isEmpty else {
            throw Diagnostic(.error, call.location, "\(call.name): missing '\(name)'")
        }
        return value
    }

    /// ` name="value"` for each pair with a value, escaped.
    private func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(HTMLEscaping.escape($0))\"" } }.joined()
    }

    /// Keeps an argument inside the URL path segment it is meant for.
    private func pathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? text
    }
}
