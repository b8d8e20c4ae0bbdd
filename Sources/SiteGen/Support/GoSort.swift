/// Go's `sort.Stable`, step for step: insertion sorts of blocks of 20, then `symMerge`s.
///
/// Its exact steps matter when the ordering is not a strict one: `sort` over mixed kinds, and
/// Hugo's default page order, which calls each of two pages without a file (the home page, a
/// section or term with no `_index.md`) "less" than the other when all else ties.
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
