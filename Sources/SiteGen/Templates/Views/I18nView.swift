import Mustache

/// `{{i18n.readMore}}`: the site's strings in the page's language. A key missing in that language
/// falls back to the default language's, with a warning; a key no language has is an unknown key,
/// and so a build error at the template line.
struct I18nView: TemplateView {
    let context: RenderContext

    func lookup(_ key: String) -> Lookup {
        guard let translation = context.translate(key) else { return .unknown }
        return .found(translation.text(count: nil, language: context.site.language.code))
    }
}

/// A number that renders as itself and, through a Mustache transform named after a string key,
/// as that string in the right plural form: `{{minutesRead(page.readingTime)}}` → `5 min de lecture`.
struct CountView: MustacheCustomRenderable, MustacheTransformable {
    let value: Int
    let context: RenderContext

    var renderText: String { String(value) }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        guard let translation = context.translate(name) else {
            KeyRecorder.current?.missed(name)
            return nil
        }
        KeyRecorder.current?.found(name)
        return translation.text(count: value, language: context.site.language.code)
    }
}
