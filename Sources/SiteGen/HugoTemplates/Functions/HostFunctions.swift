import Foundation
import GoTemplates

/// The functions that depend on the site being rendered (Hugo's `partials`, `urls`, `lang`,
/// `transform.Markdownify`, `site`, `templates`, `os`…), reading it through `RenderHost`.
enum HostFunctions {
    static var all: [String: FunctionReference] {
        var functions: [String: FunctionReference] = [:]
        func add(_ names: [String], _ body: @escaping FunctionReference.Body) {
            for name in names { functions[name] = FunctionReference(name, body) }
        }
        add(["partial", "partials.Include"]) { arguments, context in try partial(arguments, context, cached: false) }
        add(["partialCached", "partials.IncludeCached"]) { arguments, context in try partial(arguments, context, cached: true) }
        add(["absURL", "urls.AbsURL"]) { arguments, context in
            .string(try RenderHost.of(context).absoluteURL(try Arguments(arguments, "absURL").string(0)))
        }
        add(["relURL", "urls.RelURL"]) { arguments, context in
            .string(try RenderHost.of(context).relativeURL(try Arguments(arguments, "relURL").string(0)))
        }
        add(["absLangURL", "urls.AbsLangURL"]) { arguments, context in
            .string(try RenderHost.of(context).absoluteURL(try Arguments(arguments, "absLangURL").string(0), language: true))
        }
        add(["relLangURL", "urls.RelLangURL"]) { arguments, context in
            .string(try RenderHost.of(context).relativeURL(try Arguments(arguments, "relLangURL").string(0), language: true))
        }
        add(["i18n", "T", "lang.Translate"]) { arguments, context in try translate(arguments, context) }
        add(["markdownify", "transform.Markdownify"]) { arguments, context in
            // Hugo casts its argument to a string: nil (an unset param) is "".
            switch arguments.first {
            case nil, .null?: return .html("")
            case let value?: return .html(try markdownify(value.text ?? GoFormat.printed(value), context))
            }
        }
        add(["highlight", "transform.Highlight"]) { arguments, context in
            let values = arguments, arguments = Arguments(arguments, "highlight")
            let code = try arguments.string(0), language = values.count > 1 ? try arguments.string(1) : ""
            // Options as Hugo's string (`"linenos=table"`) or as a map.
            var options: [(name: String, value: MarkdownAttributes.Value)] = []
            if values.count > 2 {
                if case .map(let map) = values[2] {
                    options = map.entries.map { ($0.key, .string($0.value.text ?? GoFormat.printed($0.value))) }
                } else {
                    options = CodeHighlighting.options(try arguments.string(2))
                }
            }
            return .html(try RenderHost.of(context).site.model.config.highlighting.html(of: code, language: language, attributes: options))
        }
        functions["urls.Parse"] = ParsedURLObject.function
        add(["newScratch", "collections.NewScratch"]) { _, _ in .object(ScratchObject()) }
        // The time functions speak the page's language: each call takes the host's own.
        for name in TimeFunctions.functions(language: "en").keys {
            add([name]) { arguments, context in
                let host = try RenderHost.of(context)
                guard let function = host.timeFunctions[name] else { throw TemplateFailure("function \(name) not found") }
                return try function.call(arguments, context)
            }
        }
        add(["return"]) { arguments, _ in throw TemplateReturn(arguments.first ?? .null) }
        add(["site"]) { _, context in .object(try RenderHost.of(context).site) }
        add(["hugo"]) { _, context in .object(try RenderHost.of(context).site.all.hugo) }
        add(["templates.Exists"]) { arguments, context in
            let name = try Arguments(arguments, "templates.Exists").string(0)
            let host = try RenderHost.of(context)
            return .bool(host.layouts.html.has(name) || host.layouts.text.has("_text/" + name))
        }
        add(["getenv", "os.Getenv"]) { arguments, _ in
            .string(ProcessInfo.processInfo.environment[try Arguments(arguments, "getenv").string(0)] ?? "")
        }
        add(["readFile", "os.ReadFile"]) { arguments, context in
            let url = try siteFile(try Arguments(arguments, "readFile").string(0), context)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw TemplateFailure("readFile: file \"\(url.lastPathComponent)\" does not exist")
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        add(["fileExists", "os.FileExists"]) { arguments, context in
            .bool(FileManager.default.fileExists(atPath: try siteFile(try Arguments(arguments, "fileExists").string(0), context).path))
        }
        add(["readDir", "os.ReadDir"]) { arguments, context in
            let url = try siteFile(try Arguments(arguments, "readDir").string(0), context)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return .list(names.sorted().map { name in .object(FileInfoObject(url.appendingPathComponent(name))) })
        }
        add(["os.Stat"]) { arguments, context in
            let url = try siteFile(try Arguments(arguments, "os.Stat").string(0), context)
            guard FileManager.default.fileExists(atPath: url.path) else { throw TemplateFailure("os.Stat: \(url.lastPathComponent) does not exist") }
            return .object(FileInfoObject(url))
        }
        return functions
    }

    /// The collection functions of `functions` that give Pages back when given Pages (`where
    /// .Pages …` has `.ByDate`, `.Next`…), as Hugo's do.
    static func keepingPages(_ functions: [String: FunctionReference]) -> [String: FunctionReference] {
        let names = ["where", "first", "last", "after", "sort", "uniq", "union", "intersect", "complement", "symdiff",
                     "collections.Where", "collections.First", "collections.Last", "collections.After", "collections.Sort",
                     "collections.Uniq", "collections.Union", "collections.Intersect", "collections.Complement", "collections.SymDiff"]
        var wrapped: [String: FunctionReference] = [:]
        for name in names {
            guard let function = functions[name] else { continue }
            wrapped[name] = FunctionReference(name) { arguments, context in
                let result = try function.call(arguments, context)
                guard arguments.contains(where: { if case .object(is PagesObject) = $0 { return true } else { return false } }),
                      case .list(let values) = result else { return result }
                let pages = values.compactMap { value -> PageObject? in
                    if case .object(let page as PageObject) = value { return page }
                    return nil
                }
                return pages.count == values.count ? .object(PagesObject(pages)) : result
            }
        }
        return wrapped
    }

    /// `partial "name" context`: the partial's output, as HTML (safe) in HTML templates. A
    /// partial that ends in `return` gives what it returns instead.
    private static func partial(_ arguments: [TemplateValue], _ context: CallContext, cached: Bool) throws -> TemplateValue {
        let host = try RenderHost.of(context)
        let name = try Arguments(arguments, "partial").string(0)
        let data = arguments.count > 1 ? arguments[1] : .null
        if cached {
            let variants = arguments.dropFirst(2).map(variantKey).joined(separator: "\u{0}")
            let key = name + "\u{1}" + variants
            if let cached = host.partialCache.withLock({ $0[key] }) {
                if let reads = cached.reads { ReadRecorder.current?.read(reads) }
                return cached.value
            }
            let (value, reads) = try ReadRecorder.apart { try render(name, data: data, host: host, context: context) }
            host.partialCache.withLock { $0[key] = (value, reads) }
            return value
        }
        return try render(name, data: data, host: host, context: context)
    }

    /// A `partialCached` variant as Hugo keys it: a page by which page it is, except that Hugo
    /// 0.111 takes a language's 404 page for its home page there (both are pages without a file
    /// at the root), so the 404 page gets what the home page cached; another object by its
    /// identity, a value by its text.
    private static func variantKey(_ value: TemplateValue) -> String {
        switch value {
        case .object(let page as PageObject):
            return "page \(page.site.index) \(page.model.kind == .notFound ? page.site.home.id : page.id)"
        case .object(let object): return "object \(ObjectIdentifier(object).hashValue)"
        default: return GoFormat.printed(value)
        }
    }

    private static func render(_ name: String, data: TemplateValue, host: RenderHost, context: CallContext) throws -> TemplateValue {
        let path = name.hasPrefix("partials/") ? name : "partials/" + name
        for (set, candidate, escaped) in [(host.layouts.html, path, true), (host.layouts.html, path + ".html", true),
                                         (host.layouts.text, "_text/" + path, false)] {
            guard let tree = set.tree(named: candidate) else { continue }
            let output = try context.render(tree, data: data, in: set)
            if let returned = output.returned { return returned }
            return escaped ? .html(output.text) : .string(output.text)
        }
        throw TemplateFailure("partial \"\(name)\" not found")
    }

    private static func translate(_ arguments: [TemplateValue], _ context: CallContext) throws -> TemplateValue {
        let host = try RenderHost.of(context)
        let key = try Arguments(arguments, "i18n").string(0)
        guard let strings = host.strings else { return .string("") }
        let translation: Translation
        switch strings.lookup(key, language: host.site.language.code) {
        case .found(let found), .fallback(let found): translation = found
        case .missing: return .string("")
        }
        var count: Int?
        let data = arguments.count > 1 ? arguments[1] : .null
        switch data {
        case .int(let number): count = number
        case .float(let number): count = Int(number)
        case .map(let map):
            if case .int(let number)? = map["Count"] ?? map["count"] { count = number }
        default: break
        }
        let text = translation.text(count: count, language: host.site.language.code)
        guard text.contains("{{") else { return .string(text) }
        // Translations are templates of their own (`{{ .Count }} minutes`).
        var namespace = TemplateNamespace(functions: host.layouts.functions)
        try namespace.add(text, name: "i18n/" + key)
        let dot: TemplateValue = count.map { count in
            if case .map = data { return data }
            return .map(ValueMap(["Count": .int(count)]))
        } ?? data
        return .string(try namespace.prepared(escapingHTML: false).execute("i18n/" + key, data: dot, host: host))
    }

    /// Hugo's `markdownify`: the home page's `.RenderString`.
    private static func markdownify(_ markdown: String, _ context: CallContext) throws -> String {
        let host = try RenderHost.of(context)
        return try renderString(markdown, on: host.site.home, inline: true, context)
    }

    /// Hugo's `.RenderString`: Markdown rendered as the page's content is, its render hooks too;
    /// `inline`, a single paragraph loses its `<p>`.
    static func renderString(_ markdown: String, on page: PageObject, inline: Bool, _ context: CallContext) throws -> String {
        let host = try RenderHost.of(context)
        let problems = WarningLog()
        let hooks = HugoRenderHooks.make(layouts: host.layouts, host: host, page: page, problems: problems)
        var html = host.site.all.markdown.render(markdown, hooks: hooks) { destination, _ in destination }.html
        if let problem = problems.all.first { throw TemplateFailure(problem.description) }
        guard inline else { return html }
        if html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// A path templates name, inside the site folder (Hugo reads from the project's working dir).
    private static func siteFile(_ path: String, _ context: CallContext) throws -> URL {
        let host = try RenderHost.of(context)
        let root = host.site.all.sourceFolder.standardizedFileURL
        let url = root.appendingPathComponent(path).standardizedFileURL
        guard url.path.hasPrefix(root.path) else { throw TemplateFailure("\(path) is outside the site folder") }
        return url
    }
}

/// `readDir` and `os.Stat` entries: `.Name`, `.Size`, `.IsDir`, `.ModTime`.
final class FileInfoObject: TemplateObject {
    let url: URL

    init(_ url: URL) {
        self.url = url
    }

    var typeName: String { "*os.fileStat" }
    var printed: String { url.lastPathComponent }

    static let members = MemberTable<FileInfoObject>([
        "Name": { file, _, _ in .string(file.url.lastPathComponent) },
        "Size": { file, _, _ in .int((try? file.url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) },
        "IsDir": { file, _, _ in .bool((try? file.url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false) },
        "ModTime": { file, _, _ in .time((try? file.url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? nil) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
