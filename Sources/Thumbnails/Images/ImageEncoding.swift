import CGD
import Foundation

extension Image {
    /// Encodes to `format`. `quality` is 1…100 for JPEG, WebP and AVIF (ignored for PNG and GIF, which are
    /// lossless; PNG uses zlib level 6). JPEG has no alpha: transparent pixels are flattened onto
    /// `background`.
    public func encoded(as format: ImageInfo.Format, quality: Int = 85, background: RGBColor = .white) throws(ImageError) -> Data {
        let quality = Int32(min(100, max(1, quality)))
        var source = pointer
        var flattened: gdImagePtr?
        if format == .jpeg && hasAlpha {
            flattened = flattenedCopy(onto: background)
            source = flattened!
        }
        defer { if let flattened { gdImageDestroy(flattened) } }
        var size: Int32 = 0
        let bytes: UnsafeMutableRawPointer?
        switch format {
        case .jpeg: bytes = gdImageJpegPtr(source, &size, quality)
        case .png: bytes = gdImagePngPtrEx(source, &size, 6)
        case .gif: bytes = gdImageGifPtr(source, &size)
        case .webp: bytes = gdImageWebpPtrEx(source, &size, quality)
        // Speed 6 of 0 (slowest) … 10: a fair balance for a build.
        case .avif: bytes = gdImageAvifPtrEx(source, &size, quality, 6)
        }
        guard let bytes, size > 0 else {
            if let bytes { gdFree(bytes) }
            throw format == .avif ? .unsupportedFormat(.avif) : .encodingFailed(format)
        }
        defer { gdFree(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    private func flattenedCopy(onto background: RGBColor) -> gdImagePtr {
        let copy = gdImageCreateTrueColor(Int32(width), Int32(height))!
        let value = background.gdValue
        for y in 0..<height {
            let row = copy.pointee.tpixels[y]!
            for x in 0..<width { row[x] = value }
        }
        gdImageAlphaBlending(copy, 1)
        gdImageCopy(copy, pointer, 0, 0, 0, 0, Int32(width), Int32(height))
        return copy
    }
}
