import CGD
import Foundation

public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The header could not be read: not an image, a Git LFS pointer, truncated, absurd dimensions.
    case header(ImageInfoError)
    /// The header declares more pixels than the decoder is allowed to allocate.
    case tooLarge(String, width: Int, height: Int, limit: Int)
    /// libgd could not decode the pixels (a truncated or corrupt file).
    case undecodable(String, ImageInfo.Format)
    /// This libgd cannot encode or decode the format.
    case unsupportedFormat(ImageInfo.Format)
    /// An operation was given a size that is not positive or a crop outside the image.
    case invalidGeometry(String)
    case encodingFailed(ImageInfo.Format)

    public var path: String? {
        switch self {
        case .header(let error):
            switch error {
            case .unreadable(let path), .notAnImage(let path), .gitLFSPointer(let path),
                 .truncated(let path, _), .absurdDimensions(let path, _, _): return path
            }
        case .tooLarge(let path, _, _, _), .undecodable(let path, _): return path
        default: return nil
        }
    }

    public var description: String {
        let message: String
        switch self {
        case .header(let error): message = error.description
        case .tooLarge(_, let width, let height, let limit):
            message = "the image is \(width)×\(height) pixels, more than the \(limit / 1_000_000) megapixels allowed"
        case .undecodable(_, let format): message = "the \(format.rawValue.uppercased()) data is truncated or corrupt"
        case .unsupportedFormat(let format): message = "this libgd cannot handle \(format.rawValue.uppercased())"
        case .invalidGeometry(let detail): message = detail
        case .encodingFailed(let format): message = "encoding \(format.rawValue.uppercased()) failed"
        }
        return path.map { "\($0): \(message)" } ?? message
    }
}

extension Image {
    /// Decoding allocates 4 bytes a pixel: 100 megapixels is 400 MB.
    public static let defaultMaximumPixels = 100_000_000

    /// Decodes `data` (JPEG, PNG, GIF — its first frame —, WebP, AVIF). `path` names the file in errors.
    /// The header is checked before any pixel is allocated, so a hostile header costs nothing.
    public static func decode(_ data: Data, path: String, maximumPixels: Int = defaultMaximumPixels) throws(ImageError) -> Image {
        let info: ImageInfo
        do { info = try ImageInfo.read(header: data.prefix(256 * 1024), path: path) } catch { throw .header(error) }
        guard info.width * info.height <= maximumPixels else {
            throw .tooLarge(path, width: info.width, height: info.height, limit: maximumPixels)
        }
        Image.silenceLibgd
        let decoded: gdImagePtr? = data.withUnsafeBytes { buffer in
            let base = UnsafeMutableRawPointer(mutating: buffer.baseAddress!)
            let size = Int32(buffer.count)
            switch info.format {
            case .jpeg: return gdImageCreateFromJpegPtrEx(size, base, 1)
            case .png: return gdImageCreateFromPngPtr(size, base)
            case .gif: return gdImageCreateFromGifPtr(size, base)
            case .webp: return gdImageCreateFromWebpPtr(size, base)
            case .avif: return gdImageCreateFromAvifPtr(size, base)
            }
        }
        guard let pointer = decoded else { throw .undecodable(path, info.format) }
        if pointer.pointee.trueColor == 0 {
            guard gdImagePaletteToTrueColor(pointer) != 0 else {
                gdImageDestroy(pointer)
                throw .undecodable(path, info.format)
            }
        }
        gdImageAlphaBlending(pointer, 0)
        gdImageSaveAlpha(pointer, 1)
        return Image(taking: pointer, hasAlpha: info.format != .jpeg)
    }

    /// Decodes the file at `url`.
    public static func decode(contentsOf url: URL, maximumPixels: Int = defaultMaximumPixels) throws(ImageError) -> Image {
        // Read the header first so an absurd file is refused before it is read whole.
        do { _ = try ImageInfo.read(contentsOf: url) } catch { throw .header(error) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .header(.unreadable(url.path))
        }
        return try decode(data, path: url.path, maximumPixels: maximumPixels)
    }

    /// libgd reports decoding problems on standard error; they become thrown errors here instead.
    private static let silenceLibgd: Void = {
        gdSetErrorMethod { _, _, _ in }
    }()
}
