import GoTemplates

/// Hugo's `safe` namespace: its argument marked as safe content of one kind (html/template's
/// `template.HTML` and its kin), which escaping then leaves as it is.
enum SafeFunctions {
    static let all: [HugoFunction] = [
        marking("safe.CSS", alias: "safeCSS", as: .css),
        marking("safe.HTML", alias: "safeHTML", as: .html),
        marking("safe.HTMLAttr", alias: "safeHTMLAttr", as: .htmlAttribute),
        marking("safe.JS", alias: "safeJS", as: .js),
        marking("safe.JSStr", alias: "safeJSStr", as: .jsString),
        marking("safe.URL", alias: "safeURL", as: .url),
    ]

    private static func marking(_ name: String, alias: String, as kind: ContentKind) -> HugoFunction {
        HugoFunction(name, aliases: [alias], arity: .exactly(1)) { arguments, _ in
            .safe(try GoCast.string(arguments[0]), kind)
        }
    }
}
