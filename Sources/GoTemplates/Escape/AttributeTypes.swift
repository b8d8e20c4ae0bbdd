/// The kind of content an HTML attribute's value holds (attr.go's use of `contentType`).
enum AttributeType {
    case plain
    /// Values that change how embedded content and network messages are formed, vetted or
    /// interpreted, or which credentials messages carry.
    case unsafe
    case html, css, js, url, srcset

    /// The type of the attribute `name` (lower-cased).
    init(name: String) {
        var name = Substring(name)
        if name.hasPrefix("data-") {
            // Custom data attributes are typed by the rest of the name (`data-action` is a URL).
            name = name.dropFirst(5)
        } else if let colon = name.firstIndex(of: ":") {
            if name[..<colon] == "xmlns" {
                self = .url
                return
            }
            // `svg:href` and `xlink:href` are `href`.
            name = name[name.index(after: colon)...]
        }
        if let known = Self.known[String(name)] {
            self = known
        } else if name.hasPrefix("on") {
            // Event handlers, including partial names.
            self = .js
        } else if name.contains("src") || name.contains("uri") || name.contains("url") {
            // Custom attributes (`data-*`, `g:tweetUrl`) that hold URLs usually say so.
            self = .url
        } else {
            self = .plain
        }
    }

    private static let known: [String: AttributeType] = {
        var types: [String: AttributeType] = ["srcdoc": .html, "srcset": .srcset, "style": .css]
        for name in [
            "accept", "alt", "autocomplete", "autofocus", "autoplay", "border", "checked", "class", "cols", "colspan",
            "contenteditable", "contextmenu", "controls", "coords", "datetime", "default", "dir", "dirname", "disabled",
            "draggable", "dropzone", "for", "formtarget", "headers", "height", "hidden", "high", "hreflang", "id",
            "ismap", "kind", "label", "lang", "list", "loop", "low", "max", "maxlength", "media", "mediagroup", "min",
            "multiple", "name", "open", "optimum", "placeholder", "preload", "pubdate", "radiogroup", "readonly",
            "required", "reversed", "rows", "rowspan", "spellcheck", "scope", "scoped", "seamless", "selected", "shape",
            "size", "sizes", "span", "srclang", "start", "step", "tabindex", "target", "title", "width", "wrap",
        ] {
            types[name] = .plain
        }
        for name in [
            "accept-charset", "async", "challenge", "charset", "content", "crossorigin", "defer", "enctype", "form",
            "formenctype", "formmethod", "formnovalidate", "http-equiv", "keytype", "language", "method", "novalidate",
            "pattern", "rel", "sandbox", "type", "value",
        ] {
            types[name] = .unsafe
        }
        for name in [
            "action", "archive", "background", "cite", "classid", "codebase", "data", "formaction", "href", "icon",
            "longdesc", "manifest", "poster", "profile", "src", "usemap", "xmlns",
        ] {
            types[name] = .url
        }
        return types
    }()
}
