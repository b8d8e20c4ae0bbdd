/// The shortcodes a page can use: the site's `templates/shortcodes/NAME.mustache`, which override
/// the built-ins of the same name, then `BuiltinShortcodes`.
struct TemplateShortcodes: ShortcodeRendering {
    let templates: TemplateSet?
    let context: RenderContext
    let page: Site.PageID
    let builtins: BuiltinShortcodes
    /// Renders a call's inner content as Markdown, for `innerHTML`.
    let markdown: @Sendable (String) -> String
    /// Resolves an image `src` as Markdown images are: a bundle file becomes its published URL
    /// (which translations share), so `{{< figure src="photo.jpg" >}}` works in every language.
    let resolveImage: @Sendable (String) -> String

    func has(_ name: String) -> Bool {
        templates?.has("shortcodes/\(name)") == true || builtins.has(name)
    }

    var names: [String] {
        (templates?.names ?? []).filter { $0.hasPrefix("shortcodes/") }.map { String($0.dropFirst("shortcodes/".count)) } + builtins.names
    }

    func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        guard let templates, templates.has("shortcodes/\(call.name)") else {
            var call = call
            if let source = call.named["src"] { call.named["src"] = resolveImage(source) }
            return try builtins.render(call)
        }
        do throws(DiagnosticList) {
            return try templates.render("shortcodes/\(call.name)", ShortcodeView(call: call, context: context, page: page, markdown: markdown))
        } catch {
            // The template's own error, said where the shortcode is used.
            let first = error.diagnostics[0]
            throw Diagnostic(.error, call.location, "in shortcode '\(call.name)': \(first.location): \(first.message)")
        }
    }
}

/// What a shortcode template sees: `name`, `args` (positional, a list), `arg` (the same by
/// index: `{{arg.0}}`), `params` (named), `inner` (as written), `innerHTML` (rendered as
/// Markdown), `ordinal`, `isMarkdown`, and the `page`, `site` and `i18n`.
struct ShortcodeView: TemplateView {
    let call: ShortcodeCall
    let context: RenderContext
    let page: Site.PageID
    let markdown: @Sendable (String) -> String

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "name": return .found(call.name)
        case "args": return .found(call.positional)
        case "arg": return .found(ParamsView(values: Dictionary(uniqueKeysWithValues: call.positional.enumerated().map { (String($0.offset), Value.string($0.element)) })))
        case "params": return .found(ParamsView(values: call.named.mapValues(Value.string)))
        case "inner": return .found(call.inner)
        case "innerHTML": return .found(call.inner.map(markdown))
        case "ordinal": return .found(call.ordinal)
        case "isMarkdown": return .found(call.isMarkdown)
        case "page": return .found(PageView(context, page, current: page))
        case "site": return .found(SiteView(context: context, current: page))
        case "i18n": return .found(I18nView(context: context))
        default: return .unknown
        }
    }
}
