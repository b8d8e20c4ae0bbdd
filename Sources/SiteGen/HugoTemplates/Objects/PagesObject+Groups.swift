import GoTemplates

/// Hugo's `.GroupBy`, `.GroupByParam`, `.GroupByParamDate` and `.GroupByExpiryDate`: groups of
/// pages (`.Key`, `.Pages`), the pages in each in the list's order.
extension PagesObject {
    /// `.GroupBy "Section"`: by the value of a field or method (a path such as `Params.series`),
    /// keys ascending unless "desc".
    func grouped(byField arguments: [TemplateValue], context: CallContext) throws -> TemplateValue {
        let field = try Arguments(arguments, "GroupBy").string(0)
        return try Self.groups(pages.map { page in
            (try CollectionsFunctions.sortKey(.object(page), field: field, mapKey: nil, context), page)
        }, descending: Self.isDescending(arguments.dropFirst().first))
    }

    /// `.GroupByParam "series"`: by a front-matter param, without regard to its case; pages
    /// without it are left out.
    func grouped(byParam arguments: [TemplateValue]) throws -> TemplateValue {
        let name = try Arguments(arguments, "GroupByParam").string(0).lowercased()
        noteEveryPage()
        let keyed = pages.compactMap { page -> (TemplateValue, PageObject)? in
            guard let value = page.params.first(where: { $0.key.lowercased() == name })?.value else { return nil }
            return (TemplateValue(value), page)
        }
        guard !keyed.isEmpty else { throw TemplateFailure("there is no such param") }
        return try Self.groups(keyed, descending: Self.isDescending(arguments.dropFirst().first))
    }

    private static func isDescending(_ order: TemplateValue?) -> Bool {
        guard let order = order?.text?.lowercased() else { return false }
        return order == "desc" || order == "rev" || order == "reverse"
    }

    /// The pages in groups of equal keys, ordered as Hugo's `lt` orders the keys.
    private static func groups(_ keyed: [(key: TemplateValue, page: PageObject)], descending: Bool) throws -> TemplateValue {
        var groups: [(key: TemplateValue, pages: [PageObject])] = []
        var index: [String: Int] = [:]
        for (key, page) in keyed {
            let identity = "\(key.goKind)\u{0}\(GoFormat.printed(key))"
            if let known = index[identity] {
                groups[known].pages.append(page)
            } else {
                index[identity] = groups.count
                groups.append((key, [page]))
            }
        }
        let less: (TemplateValue, TemplateValue) -> Bool = { a, b in
            let (left, right) = CompareFunctions.operands(a, b, collate: CollectionsFunctions.collate)
            return left < right
        }
        GoSort.stable(&groups) { descending ? less($1.key, $0.key) : less($0.key, $1.key) }
        return .list(groups.map { .object(PageGroupObject(key: $0.key, pages: $0.pages)) })
    }
}
