import CGD
import Foundation

/// A truecolor libgd image being processed by one thread: each step replaces its pixels. libgd
/// is safe to use from many threads as long as each image is used by one.
final class GDImage {
    private var pointer: gdImagePtr
    /// The file in messages.
    private let label: String
    /// Whether some pixel may be transparent: decoded from a format with alpha, or rotated by an
    /// angle that uncovers corners. A JPEG made of it is flattened first.
    private(set) var mayHaveAlpha: Bool

    var size: PixelSize { PixelSize(width: Int(pointer.pointee.sx), height: Int(pointer.pointee.sy)) }

    init(decoding data: Data, format: HugoImageFormat, label: String) throws(ImageProcessingError) {
        _ = Self.quietLibgd
        let decoded: gdImagePtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count <= Int(Int32.max) else { return nil }
            let bytes = UnsafeMutableRawPointer(mutating: base), count = Int32(buffer.count)
            switch format {
            case .jpeg: return gdImageCreateFromJpegPtrEx(count, bytes, 1)
            case .png: return gdImageCreateFromPngPtr(count, bytes)
            case .gif: return gdImageCreateFromGifPtr(count, bytes)
            case .tiff: return gdImageCreateFromTiffPtr(count, bytes)
            case .bmp: return gdImageCreateFromBmpPtr(count, bytes)
            case .webp: return gdImageCreateFromWebpPtr(count, bytes)
            }
        }
        guard let decoded else { throw .processing(label, "libgd cannot decode it as \(format.mediaType)") }
        if decoded.pointee.trueColor == 0 && gdImagePaletteToTrueColor(decoded) == 0 {
            gdImageDestroy(decoded)
            throw .processing(label, "libgd cannot decode it as \(format.mediaType)")
        }
        pointer = decoded
        self.label = label
        mayHaveAlpha = format.supportsTransparency
        Self.keepAlpha(pointer)
    }

    deinit { gdImageDestroy(pointer) }

    func apply(_ step: PixelStep) throws(ImageProcessingError) {
        switch step {
        case .rotate(let degrees, let size):
            try replace(with: rotated(degrees: degrees, into: size))
            if degrees % 90 != 0 { mayHaveAlpha = true }
        case .scale(let size, let filter):
            gdImageSetInterpolationMethod(pointer, filter.interpolation)
            try replace(with: gdImageScale(pointer, UInt32(size.width), UInt32(size.height)))
        case .crop(let rect):
            let target = try Self.blank(PixelSize(width: rect.width, height: rect.height), label: label)
            gdImageCopy(target, pointer, 0, 0, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height))
            try replace(with: target)
        }
    }

    /// Puts the image over `color`: nothing is transparent afterwards.
    func flatten(onto color: HexColor) throws(ImageProcessingError) {
        let target = try Self.blank(size, label: label)
        gdImageFilledRectangle(target, 0, 0, Int32(size.width - 1), Int32(size.height - 1),
                               Int32(color.red) << 16 | Int32(color.green) << 8 | Int32(color.blue))
        gdImageAlphaBlending(target, 1)
        gdImageCopy(target, pointer, 0, 0, 0, 0, Int32(size.width), Int32(size.height))
        try replace(with: target)
        mayHaveAlpha = false
    }

    /// `quality` (1–100) is that of JPEG and WebP; zlib's default level for PNG.
    func encoded(as format: HugoImageFormat, quality: Int?) throws(ImageProcessingError) -> Data {
        let quality = Int32(min(100, max(1, quality ?? 75)))
        var count: Int32 = 0
        let bytes: UnsafeMutableRawPointer?
        switch format {
        case .jpeg: bytes = gdImageJpegPtr(pointer, &count, quality)
        case .png: bytes = gdImagePngPtrEx(pointer, &count, -1)
        case .gif: bytes = gdImageGifPtr(pointer, &count)
        case .tiff: bytes = gdImageTiffPtr(pointer, &count)
        case .bmp: bytes = gdImageBmpPtr(pointer, &count, 0)
        case .webp: bytes = gdImageWebpPtrEx(pointer, &count, quality)
        }
        guard let bytes else { throw .processing(label, "libgd cannot encode \(format.mediaType)") }
        defer { gdFree(bytes) }
        guard count > 0 else { throw .processing(label, "libgd cannot encode \(format.mediaType)") }
        return Data(bytes: bytes, count: Int(count))
    }

    /// gift's Rotate with nearest-neighbour sampling, as Hugo rotates: each target pixel takes the
    /// source pixel its centre turns back onto, or stays transparent.
    private func rotated(degrees: Int, into size: PixelSize) throws(ImageProcessingError) -> gdImagePtr {
        let target = try Self.blank(size, label: label)
        let source = self.size
        let (sine, cosine) = ImagePlan.sineAndCosine(degrees)
        let sourceX = Float(source.width) / 2 - 0.5, sourceY = Float(source.height) / 2 - 0.5
        let targetX = Float(size.width) / 2 - 0.5, targetY = Float(size.height) / 2 - 0.5
        for y in 0..<size.height {
            let row = target.pointee.tpixels[y]!
            let dy = Float(y) - targetY
            for x in 0..<size.width {
                let dx = Float(x) - targetX
                let fromX = Int((dx * cosine - dy * sine + sourceX + 0.5).rounded(.down))
                let fromY = Int((dx * sine + dy * cosine + sourceY + 0.5).rounded(.down))
                if fromX >= 0, fromY >= 0, fromX < source.width, fromY < source.height {
                    row[x] = pointer.pointee.tpixels[fromY]![fromX]
                }
            }
        }
        return target
    }

    private func replace(with next: gdImagePtr?) throws(ImageProcessingError) {
        guard let next else { throw .processing(label, "libgd cannot make a \(size) image") }
        Self.keepAlpha(next)
        gdImageDestroy(pointer)
        pointer = next
    }

    /// A transparent image: steps copy pixels into it, alpha and all.
    private static func blank(_ size: PixelSize, label: String) throws(ImageProcessingError) -> gdImagePtr {
        guard let image = gdImageCreateTrueColor(Int32(size.width), Int32(size.height)) else {
            throw .processing(label, "libgd cannot make a \(size) image")
        }
        keepAlpha(image)
        gdImageFilledRectangle(image, 0, 0, Int32(size.width - 1), Int32(size.height - 1), 0x7F00_0000)
        return image
    }

    /// Pixels are written as they are, alpha included, and saved with it.
    private static func keepAlpha(_ image: gdImagePtr) {
        gdImageAlphaBlending(image, 0)
        gdImageSaveAlpha(image, 1)
    }

    /// libgd reports decoding problems on standard error; they are thrown errors here.
    private static let quietLibgd: Void = {
        gdSetErrorMethod { _, _, _ in }
    }()
}

extension ResampleFilter {
    /// libgd's nearest kernel. Hugo's windowed sincs (Hann … Cosine) all have three lobes, as
    /// Lanczos does; libgd's kernels of those names are bare windows, so they map to Lanczos.
    var interpolation: gdInterpolationMethod {
        switch self {
        case .nearestneighbor: return GD_NEAREST_NEIGHBOUR
        case .box: return GD_BOX
        // libgd's GD_LINEAR samples without averaging when it shrinks; its triangle filter is the linear kernel, widened.
        case .linear: return GD_TRIANGLE
        case .hermite: return GD_HERMITE
        case .mitchellnetravali: return GD_MITCHELL
        case .catmullrom: return GD_CATMULLROM
        case .bspline: return GD_BSPLINE
        case .gaussian: return GD_GAUSSIAN
        case .lanczos, .hann, .hamming, .blackman, .bartlett, .welch, .cosine: return GD_LANCZOS3
        }
    }
}
