/// Render hooks from `templates/_markup/render-{image,link,heading,codeblock}.mustache`, each
/// rendered with what cmark found (`destination`, `text`, `title`, `plainText`, `level`,
/// `anchor`, `language`, `attributes`, `code`) and the `page` and `site` of the page. An image of
/// the page's bundle also comes as `resource`, with its size and variants for `srcset`.
enum TemplateRenderHooks {
    static func make(templates: TemplateSet, context: RenderContext, page: Site.PageID, problems: WarningLog) -> RenderHooks {
        func hook(_ name: String) -> (@Sendable (HookView.Values) -> String)? {
            guard templates.has("_markup/\(name)") else { return nil }
            return { values in
                do throws(DiagnosticList) {
                    return try templates.render("_markup/\(name)", HookView(values: values, context: context, page: page))
                } catch {
                    for problem in error.diagnostics { problems.add(problem) }
                    return ""
                }
            }
        }
        var hooks = RenderHooks()
        if let render = hook("render-image") {
            let page = context.site[page], urls = context.urls, images = context.images
            hooks.image = { image in
                var values: HookView.Values = ["destination": image.destination, "text": image.plainText, "title": image.title]
                if let resource = page.resources.first(where: { urls.relative($0.urlPath) == image.destination }) {
                    values["resource"] = ResourceView(resource, urls: urls, images: images)
                }
                return render(values)
            }
        }
        if let render = hook("render-link") {
            hooks.link = { link in
                render(["destination": link.destination, "text": link.text, "plainText": link.plainText, "title": link.title])
            }
        }
        if let render = hook("render-heading") {
            hooks.heading = { heading in
                render(["level": heading.level, "anchor": heading.anchor, "text": heading.text, "plainText": heading.plainText])
            }
        }
        if let render = hook("render-codeblock") {
            hooks.codeBlock = { block in render(["language": block.language, "attributes": block.attributes, "code": block.code + "\n"]) }
        }
        return hooks
    }
}

/// What a render-hook template sees: the hook's values, plus `page` and `site`.
struct HookView: TemplateView {
    typealias Values = [String: any Sendable]

    let values: Values
    let context: RenderContext
    let page: Site.PageID

    func lookup(_ key: String) -> Lookup {
        switch key {
        case "page": return .found(PageView(context, page, current: page))
        case "site": return .found(SiteView(context: context, current: page))
        case "i18n": return .found(I18nView(context: context))
        case "resource": return .found(values[key])
        default:
            guard let value = values[key] else { return .unknown }
            return .found(value)
        }
    }
}
