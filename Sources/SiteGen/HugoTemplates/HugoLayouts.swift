import Foundation
import GoTemplates
import Synchronization

/// A Hugo site's templates: `layouts/` over each theme's `layouts/` over the templates Hugo
/// embeds (`_internal/…`), parsed once. Templates for plain-text formats (`index.json`,
/// `robots.txt`) run unescaped under `_text/`; the others through html/template. A page template
/// that starts with `{{define}}` runs inside the `baseof` Hugo finds for the page, combined when
/// first asked for and kept.
final class HugoLayouts: Sendable {
    /// One template file.
    struct Source: Sendable {
        /// The template's name: its path in `layouts/` (`_default/single.html`).
        var name: String
        var text: String
        /// Its path from the site folder, for errors.
        var file: String
    }

    let html: GoTemplateSet
    let text: GoTemplateSet
    let functions: [String: FunctionReference]
    /// The `assets/` folders templates take resources from, and what they publish.
    let assets: Assets
    /// `data/` of the site and its themes (`.Site.Data`), read with the layouts so that the
    /// shortcodes Markdown runs see it as the page templates do.
    let data: TemplateValue
    /// The render hooks' names (`_default/_markup/render-link.html`).
    let renderHooks: Set<String>
    /// Page templates that run inside a base, by name.
    private let needsBase: [String: Source]
    /// `baseof` templates, by name.
    private let bases: [String: Source]
    private let combined = Mutex<[String: Result<GoTemplateSet, DiagnosticList>]>([:])
    /// The layout found for each kind of page and format: Hugo's lookup order makes dozens of
    /// candidate names, and most pages share the same few answers.
    private let found = Mutex<[FoundKey: (set: GoTemplateSet, name: String)?]>([:])

    private struct FoundKey: Hashable {
        let descriptor: LayoutDescriptor
        let format: OutputFormat
    }

    /// Go's builtins, Hugo's functions, and those that need the site.
    static var standardFunctions: [String: FunctionReference] {
        let functions = Builtins.functions.merging(HugoFunctions.pure) { $1 }.merging(HostFunctions.all) { $1 }
            .merging(ResourceFunctions.all) { $1 }
        return functions.merging(HostFunctions.keepingPages(functions)) { $1 }
    }

    /// The folders templates are read from, the site's first: `layouts/`, then each theme's.
    static func folders(site: URL, themes: [String]) -> [(url: URL, label: String)] {
        [(site.appendingPathComponent("layouts"), "layouts")]
            + themes.map { (site.appendingPathComponent("themes/\($0)/layouts"), "themes/\($0)/layouts") }
    }

    /// Whether the site has Hugo templates of its own or from a theme.
    static func exist(site: URL, themes: [String]) -> Bool {
        folders(site: site, themes: themes).contains { FileManager.default.fileExists(atPath: $0.url.path) }
    }

    /// Reads and parses every template; all the files that do not parse are reported together.
    /// `formats` tell plain-text templates by their names (`index.searchindex.json`).
    /// `keepsCSS2` is the site's `minify.tdewolff.css.keepCSS2`, for `minify`.
    init(site: URL, themes: [String], functions: [String: FunctionReference], formats: [OutputFormat] = OutputFormat.builtIn,
         keepsCSS2: Bool) throws(DiagnosticList) {
        self.functions = functions
        assets = Assets(site: site, themes: themes, keepsCSS2: keepsCSS2)
        var problems: [Diagnostic] = []
        do {
            data = try DataFolder.load(site: site, themes: themes)
        } catch {
            problems += error.diagnostics
            data = .null
        }
        var sources: [String: Source] = [:]
        let reader = SiteFolderReader(site: site)
        for (url, label) in Self.folders(site: site, themes: themes) {
            for path in reader.files(under: url).files where sources[path] == nil && !Self.isIgnored(path) {
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(path).path) else { continue }
                var text = String(decoding: data, as: UTF8.self)
                if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                sources[path] = Source(name: path, text: text, file: "\(label)/\(path)")
            }
        }
        for source in EmbeddedLayouts.all where sources[source.name] == nil { sources[source.name] = source }

        var htmlNamespace = TemplateNamespace(functions: functions)
        var textNamespace = TemplateNamespace(functions: functions)
        var needsBase: [String: Source] = [:], bases: [String: Source] = [:]
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            let plain = OutputFormat.of(templateFile: source.name, among: formats)?.isPlainText ?? false
            let name = plain ? "_text/" + source.name : source.name
            if Self.isBase(source.name) {
                bases[name] = source
                continue
            }
            if Self.mayHaveBase(source.name), Self.needsBase(source.text) {
                needsBase[name] = source
                continue
            }
            do throws(TemplateSyntaxError) {
                if plain {
                    try textNamespace.add(source.text, name: name, file: source.file)
                } else {
                    try htmlNamespace.add(source.text, name: name, file: source.file)
                }
            } catch {
                problems.append(Self.diagnostic(error, in: source))
            }
        }
        // A base or page template that does not parse is reported now, not when a page needs it.
        for source in Array(bases.values) + Array(needsBase.values) {
            do throws(TemplateSyntaxError) {
                _ = try Parser.parse(source.text, name: source.name, file: source.file, functions: functions)
            } catch {
                problems.append(Self.diagnostic(error, in: source))
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(unique: problems) }
        html = htmlNamespace.prepared(escapingHTML: true)
        text = textNamespace.prepared(escapingHTML: false)
        self.needsBase = needsBase
        self.bases = bases
        renderHooks = Set(sources.keys.filter { $0.contains("_markup/render-") && !(OutputFormat.of(templateFile: $0, among: formats)?.isPlainText ?? false) })
    }

    static func diagnostic(_ error: TemplateSyntaxError, in source: Source) -> Diagnostic {
        .error(source.file, line: error.position.line, column: error.position.column, error.message)
    }

    /// Editors' backups and hidden files are not templates (Hugo skips them too).
    private static func isIgnored(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix(".") || name.hasSuffix("~")
    }

    private static func isBase(_ name: String) -> Bool {
        (name.split(separator: "/").last ?? "").contains("baseof")
    }

    /// Partials, shortcodes and render hooks never run inside a base.
    private static func mayHaveBase(_ name: String) -> Bool {
        !name.hasPrefix("partials/") && !name.hasPrefix("shortcodes/") && !name.contains("_markup/")
    }

    /// Hugo's rule: a template needs a base when the first thing in it, past white space and
    /// comments, is a `define`.
    static func needsBase(_ text: String) -> Bool {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("{{/*") || rest.hasPrefix("{{- /*") {
                guard let end = rest.range(of: "*/}}") ?? rest.range(of: "*/ -}}") else { return false }
                rest = rest[end.upperBound...]
                continue
            }
            guard rest.hasPrefix("{{") else { return false }
            var action = rest.dropFirst(2)
            if action.hasPrefix("-") { action = action.dropFirst() }
            return action.drop { $0.isWhitespace }.hasPrefix("define")
        }
    }

    /// The template for a page described by `descriptor` in `format`: the set to run and the
    /// name to run in it; nil when there is none.
    func layout(for descriptor: LayoutDescriptor, format: OutputFormat) throws(DiagnosticList) -> (set: GoTemplateSet, name: String)? {
        let key = FoundKey(descriptor: descriptor, format: format)
        if let known = found.withLock({ $0[key] }) { return known }
        let layout = try lookUp(descriptor, format: format)
        found.withLock { $0[key] = layout }
        return layout
    }

    private func lookUp(_ descriptor: LayoutDescriptor, format: OutputFormat) throws(DiagnosticList) -> (set: GoTemplateSet, name: String)? {
        let prefix = format.isPlainText ? "_text/" : ""
        let namespace = format.isPlainText ? text : html
        for candidate in descriptor.candidates(format: format.name, suffix: format.suffix) {
            let name = prefix + candidate
            if namespace.has(name) { return (namespace, name) }
            // A file whose suffix two formats share (`single.json` with a second JSON format) is
            // an HTML template; Hugo still renders the plain-text format with it.
            if format.isPlainText, html.has(candidate) { return (html, candidate) }
            guard let overlay = needsBase[name] else { continue }
            var baseDescriptor = descriptor
            baseDescriptor.baseof = true
            let base = baseDescriptor.candidates(format: format.name, suffix: format.suffix).lazy.compactMap { self.bases[prefix + $0] }.first
            return (try combination(overlay, base, name: name, plainText: format.isPlainText), name)
        }
        return nil
    }

    /// `overlay`'s `define`s over `base` (Hugo parses the base, then the overlay into a clone of it).
    private func combination(_ overlay: Source, _ base: Source?, name: String, plainText: Bool) throws(DiagnosticList) -> GoTemplateSet {
        let key = name + "\u{0}" + (base?.name ?? "")
        let result = combined.withLock { cache in
            if let known = cache[key] { return known }
            let made = Result { () throws(DiagnosticList) -> GoTemplateSet in
                var namespace = TemplateNamespace(functions: functions)
                if let base {
                    do throws(TemplateSyntaxError) {
                        try namespace.add(base.text, name: name, file: base.file)
                    } catch {
                        throw DiagnosticList([Self.diagnostic(error, in: base)])
                    }
                }
                do throws(TemplateSyntaxError) {
                    try namespace.add(overlay.text, name: name, file: overlay.file)
                } catch {
                    throw DiagnosticList([Self.diagnostic(error, in: overlay)])
                }
                return namespace.prepared(escapingHTML: !plainText, over: plainText ? text : html)
            }
            cache[key] = made
            return made
        }
        return try result.get()
    }
}
