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

/// Go's `sort.Stable`: insertion sorts of blocks of 20, then `symMerge`s. Its exact steps matter
/// when the ordering is not a total one (mixed kinds).
enum GoSort {
    static func stable<Element>(_ elements: inout [Element], by less: @escaping (Element, Element) -> Bool) {
        var sorter = Sorter(elements: elements, less: less)
        sorter.stable()
        elements = sorter.elements
    }

    private struct Sorter<Element> {
        var elements: [Element]
        let less: (Element, Element) -> Bool

        private func isLess(_ i: Int, _ j: Int) -> Bool { less(elements[i], elements[j]) }

        mutating func stable() {
            let count = elements.count
            var blockSize = 20
            var (a, b) = (0, blockSize)
            while b <= count {
                insertionSort(a, b)
                (a, b) = (b, b + blockSize)
            }
            insertionSort(a, count)
            while blockSize < count {
                (a, b) = (0, 2 * blockSize)
                while b <= count {
                    symMerge(a, a + blockSize, b)
                    (a, b) = (b, b + 2 * blockSize)
                }
                if a + blockSize < count { symMerge(a, a + blockSize, count) }
                blockSize *= 2
            }
        }

        private mutating func insertionSort(_ a: Int, _ b: Int) {
            guard b > a + 1 else { return }
            for i in (a + 1)..<b {
                var j = i
                while j > a && isLess(j, j - 1) {
                    elements.swapAt(j, j - 1)
                    j -= 1
                }
            }
        }

        private mutating func symMerge(_ a: Int, _ m: Int, _ b: Int) {
            if m - a == 1 {
                var (i, j) = (m, b)
                while i < j {
                    let h = (i + j) / 2
                    if isLess(h, a) { i = h + 1 } else { j = h }
                }
                var k = a
                while k < i - 1 {
                    elements.swapAt(k, k + 1)
                    k += 1
                }
                return
            }
            if b - m == 1 {
                var (i, j) = (a, m)
                while i < j {
                    let h = (i + j) / 2
                    if !isLess(m, h) { i = h + 1 } else { j = h }
                }
                var k = m
                while k > i {
                    elements.swapAt(k, k - 1)
                    k -= 1
                }
                return
            }
            let mid = (a + b) / 2
            let n = mid + m
            var (start, r) = m > mid ? (n - b, mid) : (a, m)
            let p = n - 1
            while start < r {
                let c = (start + r) / 2
                if !isLess(p - c, c) { start = c + 1 } else { r = c }
            }
            let end = n - start
            if start < m && m < end { rotate(start, m, end) }
            if a < start && start < mid { symMerge(a, start, mid) }
            if mid < end && end < b { symMerge(mid, end, b) }
        }

        private mutating func rotate(_ a: Int, _ m: Int, _ b: Int) {
            var (i, j) = (m - a, b - m)
            while i != j {
                if i > j {
                    swapRange(m - i, m, j)
                    i -= j
                } else {
                    swapRange(m - i, m + j - i, i)
                    j -= i
                }
            }
            swapRange(m - i, m, i)
        }

        private mutating func swapRange(_ a: Int, _ b: Int, _ n: Int) {
            for i in 0..<n { elements.swapAt(a + i, b + i) }
        }
    }
}
