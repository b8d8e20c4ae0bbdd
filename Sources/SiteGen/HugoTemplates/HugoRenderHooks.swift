import GoTemplates

/// Hugo's render hooks: `layouts/TYPE/_markup/render-{link,image,heading,codeblock}.html` (a
/// theme's too), the page type's before `_default`'s, and `render-codeblock-LANG.html` before
/// `render-codeblock.html` in each folder. Each runs with Hugo 0.111's context object.
enum HugoRenderHooks {
    static func make(layouts: HugoLayouts, host: RenderHost, page: PageObject, problems: WarningLog) -> RenderHooks {
        let folders = [page.type, "_default"].map { "\($0)/_markup/" }
        @Sendable func template(_ names: [String]) -> String? {
            for folder in folders {
                for name in names where layouts.renderHooks.contains(folder + name) { return folder + name }
            }
            return nil
        }
        @Sendable func run(_ name: String, _ context: any TemplateObject) -> String {
            do throws(TemplateExecutionError) {
                return try layouts.html.execute(name, data: .object(context), host: host)
            } catch {
                // Said once at the template, however many pages use it.
                problems.add(HugoRenderer.diagnostic(error))
                return ""
            }
        }

        var hooks = RenderHooks()
        if let name = template(["render-link.html"]) {
            hooks.link = { run(name, LinkContextObject(link: $0, page: page)) }
        }
        if let name = template(["render-image.html"]) {
            hooks.image = { run(name, ImageContextObject(image: $0, page: page)) }
        }
        if let name = template(["render-heading.html"]) {
            hooks.heading = { run(name, HeadingContextObject(heading: $0, page: page)) }
        }
        let hasCodeBlockHooks = layouts.renderHooks.contains { name in folders.contains { name.hasPrefix($0 + "render-codeblock") } }
        if hasCodeBlockHooks, let model = page.model.source {
            let file = host.site.all.sourceFolder.appendingPathComponent(model.root).appendingPathComponent(model.path).path
            let firstLine = page.model.bodyStartLine
            hooks.codeBlock = { block in
                let names = (block.language.isEmpty ? [] : ["render-codeblock-\(block.language).html"]) + ["render-codeblock.html"]
                // A block no hook takes is written as any other.
                guard let name = template(names) else { return nil }
                let position = PositionObject(file: file, line: block.line + firstLine - 1, column: block.column)
                return run(name, CodeBlockContextObject(block: block, page: page, position: position))
            }
        }
        return hooks
    }
}

/// What `render-link.html` sees.
final class LinkContextObject: TemplateObject {
    let link: RenderHooks.Link
    let page: PageObject

    init(link: RenderHooks.Link, page: PageObject) {
        self.link = link
        self.page = page
    }

    var typeName: String { "goldmark.linkContext" }
    var printed: String { link.destination }

    static let members = MemberTable<LinkContextObject>([
        "Destination": { context, _, _ in .string(context.link.destination) },
        "Title": { context, _, _ in .string(context.link.title) },
        "Text": { context, _, _ in .string(context.link.text) },
        "PlainText": { context, _, _ in .string(context.link.plainText) },
        "Page": { context, _, _ in .object(context.page) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// What `render-image.html` sees. Hugo 0.111 wraps a lone image in a paragraph, so none is a block.
final class ImageContextObject: TemplateObject {
    let image: RenderHooks.Image
    let page: PageObject

    init(image: RenderHooks.Image, page: PageObject) {
        self.image = image
        self.page = page
    }

    var typeName: String { "goldmark.imageLinkContext" }
    var printed: String { image.destination }

    static let members = MemberTable<ImageContextObject>([
        "Destination": { context, _, _ in .string(context.image.destination) },
        "Title": { context, _, _ in .string(context.image.title) },
        "Text": { context, _, _ in .string(context.image.html) },
        "PlainText": { context, _, _ in .string(context.image.plainText) },
        "Ordinal": { context, _, _ in .int(context.image.ordinal) },
        "IsBlock": { _, _, _ in .bool(false) },
        "Attributes": { _, _, _ in .map(ValueMap()) },
        "Page": { context, _, _ in .object(context.page) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// What `render-heading.html` sees.
final class HeadingContextObject: TemplateObject {
    let heading: RenderHooks.Heading
    let page: PageObject

    init(heading: RenderHooks.Heading, page: PageObject) {
        self.heading = heading
        self.page = page
    }

    var typeName: String { "goldmark.headingContext" }
    var printed: String { heading.text }

    static let members = MemberTable<HeadingContextObject>([
        "Level": { context, _, _ in .int(context.heading.level) },
        "Anchor": { context, _, _ in .string(context.heading.anchor) },
        "Text": { context, _, _ in .string(context.heading.text) },
        "PlainText": { context, _, _ in .string(context.heading.plainText) },
        "Attributes": { context, _, _ in .map(CodeBlockAttributes.map(context.heading.attributes.entries)) },
        "Page": { context, _, _ in .object(context.page) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// What `render-codeblock.html` sees: `.Type` (the language), `.Inner`, and the attributes after
/// the language split as Hugo splits them: highlighting options in `.Options`, the rest in `.Attributes`.
final class CodeBlockContextObject: TemplateObject {
    let block: RenderHooks.CodeBlock
    let page: PageObject
    let position: PositionObject
    let attributes: CodeBlockAttributes

    init(block: RenderHooks.CodeBlock, page: PageObject, position: PositionObject) {
        self.block = block
        self.page = page
        self.position = position
        attributes = CodeBlockAttributes(block.attributes)
    }

    var typeName: String { "*codeblocks.codeBlockContext" }
    var printed: String { block.code }

    static let members = MemberTable<CodeBlockContextObject>([
        "Type": { context, _, _ in .string(context.block.language) },
        "Inner": { context, _, _ in .string(context.block.code) },
        "Options": { context, _, _ in .map(context.attributes.options) },
        "Attributes": { context, _, _ in .map(context.attributes.attributes) },
        "Ordinal": { context, _, _ in .int(context.block.ordinal) },
        "Position": { context, _, _ in .object(context.position) },
        "Page": { context, _, _ in .object(context.page) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// A code fence's `{…}` attributes, as Hugo hands them to hooks.
struct CodeBlockAttributes {
    var options = ValueMap(), attributes = ValueMap()

    /// Chroma's options (Hugo's `chromaHighlightProcessingAttributes`, lower-cased).
    private static let optionNames: Set<String> = [
        "anchorlinenos", "guesssyntax", "hl_lines", "hl_inline", "lineanchors", "linenos", "linenostart",
        "linenumbersintable", "noclasses", "style", "tabwidth",
    ]

    init(_ text: String) {
        guard text.hasPrefix("{"), let (parsed, _) = MarkdownAttributes.parse(Substring(text)) else { return }
        for entry in parsed.entries {
            let name = entry.name.lowercased()
            if Self.optionNames.contains(name) {
                options[name] = name == "hl_lines" ? Self.lineRanges(entry.value) : Self.value(entry.value)
            } else {
                attributes[entry.name] = Self.value(entry.value)
            }
        }
    }

    static func map(_ entries: [MarkdownAttributes.Entry]) -> ValueMap {
        ValueMap(Dictionary(entries.map { ($0.name, value($0.value)) }, uniquingKeysWith: { $1 }))
    }

    static func value(_ value: MarkdownAttributes.Value) -> TemplateValue {
        switch value {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        case .double(let number): .float(number)
        case .bool(let flag): .bool(flag)
        case .list(let values): .list(values.map(Self.value))
        }
    }

    /// `hl_lines=[2, "4-5"]` as Hugo passes it on: ranges of line indexes from 0 (`[[1 1] [3 4]]`).
    /// Written as one string (`hl_lines="2 4-5"`), it stays the string.
    private static func lineRanges(_ value: MarkdownAttributes.Value) -> TemplateValue {
        guard case .list(let elements) = value else { return Self.value(value) }
        return .list(elements.compactMap { element -> TemplateValue? in
            let bounds: [Int]
            switch element {
            case .int(let line): bounds = [line, line]
            case .string(let text):
                bounds = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            default: return nil
            }
            guard let first = bounds.first, let last = bounds.last, bounds.count <= 2 else { return nil }
            return .list([.int(first - 1), .int(last - 1)])
        })
    }
}

/// Go's `text.Position` of Hugo: where something is in a source file.
final class PositionObject: TemplateObject {
    let file: String
    let line: Int
    let column: Int

    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    var typeName: String { "text.Position" }
    var printed: String { "\"\(file):\(line):\(column)\"" }

    static let members = MemberTable<PositionObject>([
        "Filename": { position, _, _ in .string(position.file) },
        "LineNumber": { position, _, _ in .int(position.line) },
        "ColumnNumber": { position, _, _ in .int(position.column) },
        "IsValid": { position, _, _ in .bool(position.line > 0) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
