import Foundation
import GoTemplates

/// `sort COLLECTION [KEY] [ORDER]`: a list's elements, or a map's values, ordered by themselves
/// (KEY "" or "value"; a map's own keys when KEY is omitted) or by the value at KEY (a path such
/// as `Params.weight`), ascending unless ORDER is "desc". Elements compare as Hugo's `lt` does,
/// with strings in the collation order of English; the sort is Go's `sort.Stable`, so that equal
/// elements keep their order and mixed kinds end where Go leaves them.
extension CollectionsFunctions {
    static let sortFunction = HugoFunction("collections.Sort", aliases: ["sort"], arity: .atLeast(1)) { arguments, context in
        let collection = arguments[0]
        guard collection.goKind != .invalid else { throw TemplateFailure("sequence must be provided") }
        let field = arguments.count > 1 ? (try? GoCast.string(arguments[1])) ?? "" : ""
        let ascending = arguments.count > 2 ? (try? GoCast.string(arguments[2])) != "desc" : true
        var pairs: [(key: TemplateValue, value: TemplateValue)]
        switch collection {
        case .map(let map):
            // Go visits a map in no set order; byte order of the keys stands in for it.
            let entries = map.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            pairs = try entries.map { (try sortKey($0.value, field: field, mapKey: $0.key, context), $0.value) }
        default:
            guard let elements = collection.sliceElements else { throw TemplateFailure("can't sort \(collection.goType)") }
            pairs = try elements.map { (try sortKey($0, field: field, mapKey: nil, context), $0) }
        }
        let less: (TemplateValue, TemplateValue) -> Bool = { a, b in
            let (left, right) = CompareFunctions.operands(a, b, collate: collate)
            return left < right
        }
        GoSort.stable(&pairs) { ascending ? less($0.key, $1.key) : less($1.key, $0.key) }
        return .list(pairs.map(\.value))
    }

    /// What an element is sorted by: itself, its map key, or the value at the path `field`.
    static func sortKey(_ element: TemplateValue, field: String, mapKey: String?,
                                _ context: CallContext) throws -> TemplateValue {
        if field == "value" || (field.isEmpty && mapKey == nil) { return element }
        if field.isEmpty, let mapKey { return .string(mapKey) }
        let path = pathElements(field)
        var current = element
        for (index, name) in path.enumerated() {
            guard let next = try member(name, of: current, context) else {
                current = .null
                continue
            }
            // Hugo looks up the rest of the path in a `maps.Params` without regard to case.
            if case .map(let params) = next, params.caseInsensitive {
                return path[(index + 1)...].reduce(next) { value, name in
                    if case .map(let map) = value { return map[name] ?? .null }
                    return .null
                }
            }
            current = next
        }
        return current
    }

    /// Hugo sorts strings with the site language's collator (English here).
    static func collate(_ a: String, _ b: String) -> Int {
        switch a.compare(b, options: [], range: nil, locale: english) {
        case .orderedAscending: return -1
        case .orderedSame: return 0
        case .orderedDescending: return 1
        }
    }

    private static let english = Locale(identifier: "en")
}
