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

/// Lets `value` go on another thread, where it is freed if this was its last reference: freeing a
/// whole site's objects takes as long as rendering dozens of pages, and nothing needs to wait for
/// it (`sitegen build` exits before it is done).
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let last = value
    DispatchQueue.global(qos: .utility).async { _ = last }
}

/// Fixed slots, each written once, by exactly one iteration. The memory is allocated up front and
/// never moves: an `Array` would not do, since mutating it from several threads races on its
/// storage even when the indices differ.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    func set(_ index: Int, _ value: T) {
        (slots + index).initialize(to: value)
    }

    /// Every slot must have been set.
    func values() -> [T] {
        Array(UnsafeBufferPointer(start: slots, count: count))
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
