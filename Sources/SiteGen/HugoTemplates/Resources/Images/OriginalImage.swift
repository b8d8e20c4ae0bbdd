import Foundation
import Thumbnails

/// An image Hugo's methods start from: a bundle file or an asset, with what Hugo names its
/// processed images after (its name, folder and fingerprint) and its pixel size.
struct OriginalImage: Sendable {
    /// Where the bytes are.
    enum Bytes: Sendable {
        case file(URL)
        case data(Data)

        func all() throws(ImageProcessingError) -> Data {
            switch self {
            case .data(let data): return data
            case .file(let url):
                guard let data = FileManager.default.contents(atPath: url.path) else { throw .processing(url.lastPathComponent, "cannot read the file") }
                return data
            }
        }

        func count() throws(ImageProcessingError) -> Int {
            switch self {
            case .data(let data): return data.count
            case .file(let url):
                guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else {
                    throw .processing(url.lastPathComponent, "cannot read the file")
                }
                return size
            }
        }

        /// Up to `count` bytes from `offset`; fewer (or none) past the end.
        func read(at offset: Int, count: Int) throws(ImageProcessingError) -> [UInt8] {
            switch self {
            case .data(let data):
                guard offset < data.count else { return [] }
                return Array(data[(data.startIndex + offset)..<(data.startIndex + min(data.count, offset + count))])
            case .file(let url):
                do {
                    let handle = try FileHandle(forReadingFrom: url)
                    defer { try? handle.close() }
                    try handle.seek(toOffset: UInt64(offset))
                    return Array(try handle.read(upToCount: count) ?? Data())
                } catch {
                    throw .processing(url.lastPathComponent, "cannot read the file")
                }
            }
        }
    }

    let bytes: Bytes
    /// `.Name`: `cover.jpg`, `images/cover.jpg` in a bundle, `images/x.jpg` in `assets/`.
    let name: String
    /// The file in messages: `content/post/cover.jpg`, `assets/images/x.jpg`.
    let label: String
    /// The site-relative path the source is published at (`/post/cover.jpg`): processed images
    /// are written beside it.
    let path: String
    let format: HugoImageFormat
    let size: PixelSize
    /// `_hu<hash>_<bytes>`, in the name of every image made from this one.
    let fingerprint: String

    /// `size` is read from the bytes when nil.
    init(bytes: Bytes, name: String, label: String, path: String, format: HugoImageFormat,
         fingerprint: String, size: PixelSize?) throws(ImageProcessingError) {
        self.bytes = bytes
        self.name = name
        self.label = label
        self.path = path
        self.format = format
        self.fingerprint = fingerprint
        if let size { self.size = size } else { self.size = try Self.pixelSize(of: bytes, format: format, label: label) }
    }

    /// The size in the file's header, or (TIFF, BMP: headers SiteGen does not read) of the decoded image.
    private static func pixelSize(of bytes: Bytes, format: HugoImageFormat, label: String) throws(ImageProcessingError) -> PixelSize {
        let data = try bytes.all()
        if let info = try? ImageInfo.read(header: data.prefix(256 * 1024), path: label) {
            return PixelSize(width: info.width, height: info.height)
        }
        return try GDImage(decoding: data, format: format, label: label).size
    }
}
