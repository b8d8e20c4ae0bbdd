import Foundation

extension Array where Element: Sendable {
    /// Maps on every core. The stages SiteGen runs this way (Markdown rendering, template rendering,
    /// writing files) are CPU- or I/O-bound synchronous work, which `concurrentPerform` spreads
    /// over a thread per core without the overhead of a task per element.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.set(index, transform(elements[index]))
            }
        }
        return results.values()
    }
}

/// Fixed slots written once each from different threads; every index is written by exactly one
/// iteration, so no two threads touch the same slot.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [T] { slots.map { $0! } }
}
