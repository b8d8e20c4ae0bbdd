/// Finds the pixel size in the header of each supported format, never reading past the bytes given.
struct HeaderReader {
    let bytes: [UInt8]

    func size(of format: ImageInfo.Format) -> (width: Int, height: Int)? {
        switch format {
        case .png: return png()
        case .gif: return gif()
        case .jpeg: return jpeg()
        case .webp: return webp()
        case .avif: return avif()
        }
    }

    private func bigEndian16(_ at: Int) -> Int? {
        guard at >= 0, at + 2 <= bytes.count else { return nil }
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }

    private func bigEndian32(_ at: Int) -> Int? {
        guard let high = bigEndian16(at), let low = bigEndian16(at + 2) else { return nil }
        return high << 16 | low
    }

    private func littleEndian(_ at: Int, count: Int) -> Int? {
        guard at >= 0, at + count <= bytes.count else { return nil }
        return (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    /// The IHDR chunk always comes first.
    private func png() -> (Int, Int)? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8),
              let width = bigEndian32(16), let height = bigEndian32(20) else { return nil }
        return (width, height)
    }

    private func gif() -> (Int, Int)? {
        guard let width = littleEndian(6, count: 2), let height = littleEndian(8, count: 2) else { return nil }
        return (width, height)
    }

    /// Walks the marker segments up to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG, DAC).
    private func jpeg() -> (Int, Int)? {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { offset += 2; continue }
            guard let length = bigEndian16(offset + 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = bigEndian16(offset + 5), let width = bigEndian16(offset + 7) else { return nil }
                return (width, height)
            }
            offset += 2 + length
        }
        return nil
    }

    private func webp() -> (Int, Int)? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard let width = littleEndian(26, count: 2), let height = littleEndian(28, count: 2) else { return nil }
            return (width & 0x3FFF, height & 0x3FFF)
        case "VP8L":
            guard let bits = littleEndian(21, count: 4) else { return nil }
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            guard let width = littleEndian(24, count: 3), let height = littleEndian(27, count: 3) else { return nil }
            return (width + 1, height + 1)
        default:
            return nil
        }
    }

    /// AVIF (ISO-BMFF): the `ispe` property box holds the size; search for it within the header.
    private func avif() -> (Int, Int)? {
        let tag = Array("ispe".utf8)
        var index = 0
        while index + 16 <= bytes.count {
            if Array(bytes[index..<index + 4]) == tag,
               let width = bigEndian32(index + 8), let height = bigEndian32(index + 12) {
                return (width, height)
            }
            index += 1
        }
        return nil
    }
}
