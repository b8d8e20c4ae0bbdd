import Foundation
import GoTemplates
import Synchronization

/// The shortcodes of a site on Hugo templates: `layouts/shortcodes/NAME.html` (a theme's too),
/// run with Hugo's shortcode object, then SiteGen's built-ins (Hugo's `figure`, `ref`…).
struct HugoShortcodes: ShortcodeRendering {
    let layouts: HugoLayouts
    let host: RenderHost
    let page: PageObject
    let builtins: BuiltinShortcodes
    /// The page's inline shortcodes (`{{< name.inline >}}…{{< /name.inline >}}`) by name, when
    /// `enableInlineShortcodes` is set; a later `{{< name.inline />}}` runs the same template.
    let inline: InlineShortcodes?

    private func template(_ name: String) -> (set: GoTemplateSet, name: String)? {
        let language = page.site.language.code
        // The site's and its themes' first, then the ones Hugo has built in.
        for candidate in ["shortcodes/\(name).\(language).html", "shortcodes/\(name).html", "_internal/shortcodes/\(name).html"]
        where layouts.html.has(candidate) {
            return (layouts.html, candidate)
        }
        for candidate in ["_text/shortcodes/\(name).\(language).txt", "_text/shortcodes/\(name).txt"] where layouts.text.has(candidate) {
            return (layouts.text, candidate)
        }
        return nil
    }

    /// Hugo's own shortcodes that SiteGen draws in Swift, without the network Hugo's `tweet` uses; SiteGen's other built-ins are not Hugo's, so a Hugo site
    /// cannot use them (Hugo would fail on them).
    private static let builtInsOfHugo: Set<String> = ["ref", "relref", "highlight", "tweet"]

    func has(_ name: String) -> Bool {
        template(name) != nil || (Self.builtInsOfHugo.contains(name) && builtins.has(name)) || (inline != nil && name.hasSuffix(".inline"))
    }

    var names: [String] {
        let files = (layouts.html.names + layouts.text.names).compactMap { name -> String? in
            guard let file = ["shortcodes/", "_internal/shortcodes/", "_text/shortcodes/"].first(where: name.hasPrefix) else { return nil }
            return String((name.dropFirst(file.count) as Substring).prefix { $0 != "." })
        }
        return files + Self.builtInsOfHugo.filter(builtins.has)
    }

    func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        if let inline, call.name.hasSuffix(".inline") {
            let set = try inline.template(call, layouts: layouts)
            return try run(set, call.name, call)
        }
        guard let (set, name) = template(call.name) else {
            return call.name == "highlight" ? try highlight(call) : try builtins.render(call)
        }
        return try run(set, name, call)
    }

    /// Hugo's `highlight`: the code between the tags, trimmed of the newlines around it, coloured
    /// with the site's `markup.highlight` under the options (`"linenos=table,hl_lines=2 4-5"`).
    private func highlight(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        guard let inner = call.inner else {
            throw Diagnostic(.error, call.location, "highlight needs a closing {{< /highlight >}} around the code")
        }
        guard let language = call.argument("lang", at: 0) else {
            throw Diagnostic(.error, call.location, "highlight needs a language")
        }
        let code = inner.trimmingCharacters(in: .newlines)
        let options = CodeHighlighting.options(call.argument("options", at: 1) ?? "")
        return page.site.all.config.highlighting.html(of: code, language: language, attributes: options)
    }

    private func run(_ set: GoTemplateSet, _ name: String, _ call: ShortcodeCall) throws(Diagnostic) -> String {
        do throws(TemplateExecutionError) {
            return try set.execute(name, data: .object(ShortcodeObject(call: call, page: page)), host: host)
        } catch {
            // The template's own error, said where the shortcode is used.
            let inner = HugoRenderer.diagnostic(error)
            throw Diagnostic(.error, call.location, "in shortcode '\(call.name)': \(inner.location): \(inner.message)")
        }
    }
}

/// A page's inline shortcodes, parsed where they are first written.
final class InlineShortcodes: Sendable {
    private let templates = Mutex<[String: GoTemplateSet]>([:])

    func template(_ call: ShortcodeCall, layouts: HugoLayouts) throws(Diagnostic) -> GoTemplateSet {
        guard let text = call.inner else {
            guard let known = templates.withLock({ $0[call.name] }) else {
                throw Diagnostic(.error, call.location, "no earlier inline shortcode '\(call.name)' on this page")
            }
            return known
        }
        var namespace = TemplateNamespace(functions: layouts.functions)
        do {
            try namespace.add(text, name: call.name, file: call.location.file)
        } catch {
            throw Diagnostic(.error, call.location, "in inline shortcode '\(call.name)': \(error)")
        }
        // Hugo 0.111 runs inline shortcodes as text templates: nothing escaped, comments kept.
        let set = namespace.prepared(escapingHTML: false, over: layouts.html)
        templates.withLock { $0[call.name] = set }
        return set
    }
}

/// What a shortcode template sees as dot (`.Get`, `.Inner`, `.Params`, `.Page`…).
final class ShortcodeObject: TemplateObject {
    let call: ShortcodeCall
    let page: PageObject
    let scratch = ScratchObject()

    init(call: ShortcodeCall, page: PageObject) {
        self.call = call
        self.page = page
    }

    var typeName: String { "*hugolib.ShortcodeWithPage" }
    var printed: String { call.name }
    private var isNamed: Bool { !call.named.isEmpty }

    static let members = MemberTable<ShortcodeObject>([
        "Get": { shortcode, arguments, _ in
            guard let key = arguments.first else { return .null }
            switch key {
            case .int(let index):
                return shortcode.call.positional.indices.contains(index) ? .string(shortcode.call.positional[index]) : .null
            case .string(let name):
                return shortcode.call.named[name].map { .string($0) } ?? .null
            default:
                return .null
            }
        },
        "Params": { shortcode, _, _ in
            shortcode.isNamed
                ? .map(ValueMap(shortcode.call.named.mapValues { .string($0) }))
                : .list(shortcode.call.positional.map { .string($0) })
        },
        "IsNamedParams": { shortcode, _, _ in .bool(shortcode.isNamed) },
        "Inner": { shortcode, _, _ in .html(shortcode.call.inner ?? "") },
        "InnerDeindent": { shortcode, _, _ in .html(shortcode.call.inner ?? "") },
        "Ordinal": { shortcode, _, _ in .int(shortcode.call.ordinal) },
        "Name": { shortcode, _, _ in .string(shortcode.call.name) },
        "Page": { shortcode, _, _ in .object(shortcode.page) },
        "Site": { shortcode, _, _ in .object(shortcode.page.site) },
        "Parent": { _, _, _ in .null },
        "Scratch": { shortcode, _, _ in .object(shortcode.scratch) },
        "Position": { shortcode, _, _ in .string(shortcode.call.location.description) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
