import Mustache

/// swift-mustache escapes values through a content type; its built-in HTML one is slow (see
/// `HTMLEscaping`). Templates select ours with a pragma SiteGen puts before each template's first
/// line: the default content type cannot be replaced, and each partial starts from the default.
struct TemplateContentType: MustacheContentType {
    static let name = "SITEGEN_HTML"
    static let pragma: String = {
        MustacheContentTypes.register(TemplateContentType(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}"
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
