import Foundation

/// An image file's format and pixel size, read from its header.
///
/// Decoding a 1600×1067 JPEG only to learn its size costs tens of milliseconds; the header holds the
/// answer in its first few hundred bytes, so a site with thousands of photos pays nothing for it.
public struct ImageInfo: Sendable, Hashable {
    public enum Format: String, Sendable, CaseIterable {
        case jpeg, png, gif, webp, avif
        public var mediaType: String { "image/\(rawValue)" }
    }

    public var format: Format
    public var width: Int
    public var height: Int

    public init(format: Format, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Larger than any real photo; a header claiming more is corrupt or hostile, and decoding it later
    /// would allocate gigabytes.
    public static let maximumDimension = 32_768

    /// Reads the header of the file at `url`.
    public static func read(contentsOf url: URL) throws(ImageInfoError) -> ImageInfo {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .unreadable(url.path)
        }
        defer { try? handle.close() }
        // JPEG keeps its size after the EXIF and colour-profile segments, which can be large.
        let prefix = (try? handle.read(upToCount: 256 * 1024)) ?? Data()
        return try read(header: prefix, path: url.path)
    }

    /// Reads `header`, the first bytes of an image file (the whole file is fine too).
    public static func read(header data: Data, path: String) throws(ImageInfoError) -> ImageInfo {
        let bytes = [UInt8](data)
        guard let format = Format(sniffing: bytes) else {
            if bytes.starts(with: Array("version https://git-lfs".utf8)) {
                throw .gitLFSPointer(path)
            }
            throw .notAnImage(path)
        }
        guard let size = HeaderReader(bytes: bytes).size(of: format) else {
            throw .truncated(path, format)
        }
        guard size.width > 0, size.height > 0,
              size.width <= maximumDimension, size.height <= maximumDimension else {
            throw .absurdDimensions(path, size.width, size.height)
        }
        return ImageInfo(format: format, width: size.width, height: size.height)
    }
}

public enum ImageInfoError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notAnImage(String)
    case gitLFSPointer(String)
    case truncated(String, ImageInfo.Format)
    case absurdDimensions(String, Int, Int)

    public var description: String {
        switch self {
        case .unreadable: return "cannot read the file"
        case .notAnImage: return "the file has an image extension but is not an image"
        case .gitLFSPointer: return "the file is a Git LFS pointer, not an image (was the repository cloned without `git lfs`?)"
        case .truncated(_, let format): return "the \(format.rawValue.uppercased()) header is truncated or corrupt"
        case .absurdDimensions(_, let width, let height): return "the header declares \(width)×\(height) pixels, which is not a real image"
        }
    }
}

extension ImageInfo.Format {
    init?(sniffing bytes: [UInt8]) {
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + signature.count && Array(bytes[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
        else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { self = .gif }
        else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { self = .webp }
        else if starts(Array("ftypavif".utf8), at: 4) || starts(Array("ftypavis".utf8), at: 4) { self = .avif }
        else { return nil }
    }
}
