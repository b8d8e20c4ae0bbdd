#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `needle` first starts at or after `start`: `memchr` to its first byte and `memcmp`
    /// for the rest, for the searches that run over every page's HTML (String's searches walk
    /// characters).
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let base = baseAddress, let first = needle.first, start >= 0 else { return nil }
        let last = count - needle.count
        var i = start
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.withUnsafeBufferPointer({ memcmp(base + at, $0.baseAddress!, needle.count) == 0 }) { return at }
            i = at + 1
        }
        return nil
    }
}
