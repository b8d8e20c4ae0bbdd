/// Replaces the bytes and scalars of a string that need escaping, copying only when one does:
/// the loop the contextual escaper's escapers share (Go's `htmlReplacer` and `replace`).
struct ByteReplacer: Sendable {
    /// For each ASCII byte, 0 to keep it, else 1 + the index of its replacement.
    private var slots: [UInt8]
    private let replacements: [[UInt8]]
    /// The first byte of the UTF-8 of the non-ASCII scalars `other` replaces.
    private let otherLead: UInt8
    /// The replacement of a non-ASCII scalar, nil to keep it.
    private let other: (@Sendable (Unicode.Scalar) -> [UInt8]?)?

    /// Replaces ASCII characters, and the scalars whose UTF-8 starts with `otherLead` that `other`
    /// replaces.
    init(_ replacements: [Character: String], otherLead: UInt8 = 0, other: (@Sendable (Unicode.Scalar) -> [UInt8]?)? = nil) {
        var slots = [UInt8](repeating: 0, count: 128)
        var list: [[UInt8]] = []
        for (character, replacement) in replacements {
            list.append(Array(replacement.utf8))
            slots[Int(character.asciiValue!)] = UInt8(list.count)
        }
        self.slots = slots
        self.replacements = list
        self.otherLead = otherLead
        self.other = other
    }

    /// The same replacements, but for those of `characters`, which are kept.
    func keeping(_ characters: Set<Character>) -> ByteReplacer {
        var copy = self
        var slots = self.slots
        for character in characters { slots[Int(character.asciiValue!)] = 0 }
        copy.slots = slots
        return copy
    }

    func callAsFunction(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in slots.withUnsafeBufferPointer { slots in replace(bytes, slots) } } ?? text
    }

    /// The bytes replaced, or nil when none is.
    private func replace(_ bytes: UnsafeBufferPointer<UInt8>, _ slots: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        var written = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            var length = 1
            let replacement: [UInt8]
            if byte < 0x80 {
                let slot = slots[Int(byte)]
                if slot == 0 {
                    i += 1
                    continue
                }
                replacement = replacements[Int(slot) - 1]
            } else if byte == otherLead, let other {
                let scalar: Unicode.Scalar
                (scalar, length) = Self.scalar(in: bytes, at: i)
                guard let replaced = other(scalar) else {
                    i += length
                    continue
                }
                replacement = replaced
            } else {
                i += 1
                continue
            }
            if written == 0 { output.reserveCapacity(bytes.count + 16) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[written..<i]))
            output.append(contentsOf: replacement)
            i += length
            written = i
        }
        if written == 0 { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[written...]))
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalar of valid UTF-8 (a Swift string's) that starts at `i`, and its length.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[i])
        if lead < 0xE0 { return (Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!, 2) }
        if lead < 0xF0 {
            return (Unicode.Scalar((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))!, 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(value)!, 4)
    }
}
