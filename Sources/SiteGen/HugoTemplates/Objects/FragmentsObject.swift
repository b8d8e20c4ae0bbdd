import GoTemplates

/// `.Fragments`: a page's headings (`.Headings`, a tree), their ids (`.Identifiers`, sorted) and
/// `.HeadingsMap` by id, and `.ToHTML START STOP ORDERED`, which Hugo 0.111 returns as a string.
final class FragmentsObject: TemplateObject {
    let headings: [TOCEntry]

    init(_ headings: [TOCEntry]) {
        self.headings = headings
    }

    var typeName: String { "*tableofcontents.Fragments" }
    var printed: String { "&{" + HeadingObject.printed(headings) + "}" }

    /// Every heading with an id, depth first, as Hugo walks them.
    private var identified: [TOCEntry] {
        var found: [TOCEntry] = []
        func walk(_ list: [TOCEntry]) {
            for heading in list {
                if !heading.anchor.isEmpty { found.append(heading) }
                walk(heading.children)
            }
        }
        walk(headings)
        return found
    }

    static let members = MemberTable<FragmentsObject>([
        "Headings": { fragments, _, _ in .list(fragments.headings.map { .object(HeadingObject($0)) }) },
        "Identifiers": { fragments, _, _ in .object(SortedStringsObject(fragments.identified.map(\.anchor))) },
        "HeadingsMap": { fragments, _, _ in
            var map = ValueMap()
            for heading in fragments.identified { map[heading.anchor] = .object(HeadingObject(heading)) }
            return .map(map)
        },
        "ToHTML": { fragments, arguments, _ in
            let arguments = Arguments(arguments, "ToHTML")
            guard case .bool(let ordered) = try arguments.value(2) else {
                throw TemplateFailure("ToHTML: argument 3 must be a bool, not \(try arguments.value(2).goTypeName)")
            }
            return .string(TableOfContentsBuilder.hugoHTML(fragments.headings, startLevel: try GoCast.int(arguments.value(0)),
                                                           stopLevel: try GoCast.int(arguments.value(1)), ordered: ordered))
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// One heading of `.Fragments`: `.ID`, `.Title` (its inner HTML, a string as in Hugo) and
/// `.Headings`; a placeholder for a skipped level has all three empty.
final class HeadingObject: TemplateObject {
    let heading: TOCEntry

    init(_ heading: TOCEntry) {
        self.heading = heading
    }

    var typeName: String { "*tableofcontents.Heading" }
    var printed: String { "&{\(heading.anchor) \(heading.title) " + Self.printed(heading.children) + "}" }

    static func printed(_ headings: [TOCEntry]) -> String {
        "[" + headings.map { "&{\($0.anchor) \($0.title) " + printed($0.children) + "}" }.joined(separator: " ") + "]"
    }

    static let members = MemberTable<HeadingObject>([
        "ID": { heading, _, _ in .string(heading.heading.anchor) },
        "Title": { heading, _, _ in .string(heading.heading.title) },
        "Headings": { heading, _, _ in .list(heading.heading.children.map { .object(HeadingObject($0)) }) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// Hugo's `collections.SortedStringSlice`: a sorted list of strings with `.Contains` and `.Count`.
final class SortedStringsObject: TemplateObject {
    let strings: [String]

    init(_ strings: [String]) {
        self.strings = strings.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    var typeName: String { "collections.SortedStringSlice" }
    var printed: String { "[" + strings.joined(separator: " ") + "]" }
    var elements: Elements? { .list(strings.map { .string($0) }) }

    static let members = MemberTable<SortedStringsObject>([
        "Contains": { sorted, arguments, _ in
            let wanted = try Arguments(arguments, "Contains").string(0)
            return .bool(sorted.strings.contains(wanted))
        },
        "Count": { sorted, arguments, _ in
            let wanted = try Arguments(arguments, "Count").string(0)
            return .int(sorted.strings.count(where: { $0 == wanted }))
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
