/// The image formats Hugo 0.111 processes. A resource is an image Hugo's methods work on when its
/// name ends in one of their extensions; a spec names a target format the same way (`webp`, `jpg`).
enum HugoImageFormat: Sendable, Hashable {
    case jpeg, png, gif, tiff, bmp, webp

    /// `jpg`, `JPEG`, `tif`… (without the dot), as Hugo's media types know them.
    init?(extension name: String) {
        switch name.lowercased() {
        case "jpg", "jpeg", "jpe", "jif", "jfif": self = .jpeg
        case "png": self = .png
        case "gif": self = .gif
        case "tif", "tiff": self = .tiff
        case "bmp": self = .bmp
        case "webp": self = .webp
        default: return nil
        }
    }

    /// The format a file name's extension names.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        self.init(extension: String(fileName[fileName.index(after: dot)...]))
    }

    /// The extension of a converted image (Hugo's first suffix of the media type).
    var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .gif: return "gif"
        case .tiff: return "tif"
        case .bmp: return "bmp"
        case .webp: return "webp"
        }
    }

    var mediaType: String {
        switch self {
        case .jpeg: return "image/jpeg"
        case .png: return "image/png"
        case .gif: return "image/gif"
        case .tiff: return "image/tiff"
        case .bmp: return "image/bmp"
        case .webp: return "image/webp"
        }
    }

    /// JPEG alone has no transparency: what is transparent is filled with the background colour.
    var supportsTransparency: Bool { self != .jpeg }

    /// The formats whose key always names a quality (`_q75`), given or not.
    var requiresQuality: Bool { self == .jpeg || self == .webp }

    /// Hugo's `imageFormatsVersions`: what the key of an image made from this format ends with,
    /// bumped when Hugo changed how it processes the format (`_3` after a PNG's key).
    var keyVersion: Int? {
        switch self {
        case .png: return 3
        case .webp: return 2
        case .gif: return 1
        default: return nil
        }
    }
}
