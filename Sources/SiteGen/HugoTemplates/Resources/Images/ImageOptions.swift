import Foundation

/// Hugo's four image methods.
enum ImageAction: String, Sendable, Hashable {
    case resize, fit, fill, crop
}

/// Where `Fill` and `Crop` keep the picture. `smart` is Hugo's default, its content-aware crop;
/// SiteGen places it as `center`, at the sizes Hugo's takes (see `ImagePlan`).
enum ImageAnchor: String, Sendable, Hashable, CaseIterable {
    case smart, center, topleft, top, topright, left, right, bottomleft, bottom, bottomright

    /// What the key of a smart crop names: Hugo's `smartCropVersionNumber` follows it.
    var keyName: String { self == .smart ? "smart1" : rawValue }

    /// The top-left corner of a `width`×`height` rectangle anchored in a `size` image, as gift's
    /// `anchorPt` places it (Go's division truncates, as Swift's does); the rectangle may overhang.
    func origin(ofWidth width: Int, height: Int, in size: PixelSize) -> (x: Int, y: Int) {
        let centerX = (size.width - width) / 2, centerY = (size.height - height) / 2
        let right = size.width - width, bottom = size.height - height
        switch self {
        case .topleft: return (0, 0)
        case .top: return (centerX, 0)
        case .topright: return (right, 0)
        case .left: return (0, centerY)
        case .right: return (right, centerY)
        case .bottomleft: return (0, bottom)
        case .bottom: return (centerX, bottom)
        case .bottomright: return (right, bottom)
        case .center, .smart: return (centerX, centerY)
        }
    }
}

/// Hugo's resampling filters, by the names a spec or `imaging.resampleFilter` gives them.
enum ResampleFilter: String, Sendable, Hashable, CaseIterable {
    case nearestneighbor, box, linear, hermite, mitchellnetravali, catmullrom, bspline, gaussian,
         lanczos, hann, hamming, blackman, bartlett, welch, cosine
}

/// The WebP encoding hints of a spec (`photo`, `drawing`…). libgd has no presets, so a hint
/// names the file (`_h2`, the hint's number in Hugo) and changes nothing else.
enum WebPHint: String, Sendable, Hashable, CaseIterable {
    case picture, photo, drawing, icon, text

    /// libwebp's preset number: 1 for `picture`…
    var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}

/// A background colour as Hugo reads one (`#fff`, `ffffff`), with the text it was written as:
/// that text, lower-cased and without `#`, goes into the key (`_bg00f`).
struct HexColor: Sendable, Hashable {
    let red: UInt8, green: UInt8, blue: UInt8
    let text: String

    static let white = HexColor(red: 255, green: 255, blue: 255, text: "ffffff")

    private init(red: UInt8, green: UInt8, blue: UInt8, text: String) {
        self.red = red
        self.green = green
        self.blue = blue
        self.text = text
    }

    /// Hugo's `hexStringToColor`, with its messages: three or six hex digits.
    init(parsing written: String) throws(HexColorError) {
        let text = (written.hasPrefix("#") ? String(written.dropFirst()) : written).lowercased()
        guard text.utf8.count == 3 || text.utf8.count == 6 else { throw HexColorError(message: "invalid color code: \(ImageProcessingError.quoted(text))") }
        let digits = text.utf8.count == 3 ? text.map { "\($0)\($0)" }.joined() : text
        var bytes: [UInt8] = []
        for (index, byte) in digits.utf8.enumerated() {
            guard let value = Self.hexValue(byte) else {
                throw HexColorError(message: "encoding/hex: invalid byte: U+\(String(format: "%04X", byte)) '\(Character(Unicode.Scalar(byte)))'")
            }
            if index % 2 == 0 { bytes.append(value << 4) } else { bytes[bytes.count - 1] |= value }
        }
        self.init(red: bytes[0], green: bytes[1], blue: bytes[2], text: text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

struct HexColorError: Error {
    let message: String
}
