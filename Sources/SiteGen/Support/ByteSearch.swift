extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `needle` first starts at or after `start`: a plain loop over the bytes, for the
    /// searches that run over every page's HTML (String's searches walk characters).
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= count {
            if self[i] == needle[0] {
                var j = 1
                while j < needle.count, self[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
