import Foundation

/// How Open Graph cards look: a value, so two cards with equal styles and content are identical.
public struct CardStyle: Sendable, Hashable, Codable {
    public enum Background: Sendable, Hashable, Codable {
        case color(RGBColor)
        /// From `from` to `to` along `angle` degrees (0: left to right, 90: top to bottom).
        case gradient(from: RGBColor, to: RGBColor, angle: Double)
    }

    public var width = 1200
    public var height = 630
    /// Used when the card has no background image (and under a transparent one).
    public var background = Background.gradient(from: RGBColor(hex: "#1e3a8a")!, to: RGBColor(hex: "#6d28d9")!, angle: 35)
    /// How much black covers a background image so white text stays readable: 0 none … 1 black.
    public var imageDarkening = 0.55
    public var imageAnchor = Anchor.center

    public var titleColor = RGBColor.white
    public var titleFonts = FontStack.noto(bold: true)
    /// The title starts at `titleSize` pixels and shrinks by `titleSizeStep` down to
    /// `minimumTitleSize` until it fits in `titleMaxLines`; at the minimum it ends with an ellipsis.
    public var titleSize = 72.0
    public var minimumTitleSize = 44.0
    public var titleSizeStep = 4.0
    public var titleMaxLines = 3
    public var titleLineSpacing = 1.18

    public var subtitleColor = RGBColor(hex: "#e2e8f0")!
    public var subtitleFonts = FontStack.noto()
    public var subtitleSize = 30.0

    /// Space between the card's edges and its content, and between logo, title and subtitle.
    public var padding = 72
    public var gap = 36
    /// The logo is scaled to this height (and at most a third of the width), at the top on the side
    /// where the title starts.
    public var logoHeight = 64

    public var format = ImageInfo.Format.jpeg
    public var quality = 85
    /// JPEG and WebP output above this size is encoded again at lower quality (down to 50).
    public var maximumBytes = 300_000

    public init() {}

    /// The style with the CJK fonts for `language` (Japanese, Korean, traditional or simplified Chinese).
    public func localized(for language: String?) -> CardStyle {
        guard let language else { return self }
        var style = self
        if titleFonts == .noto(bold: true) { style.titleFonts = .noto(bold: true, language: language) }
        if subtitleFonts == .noto() { style.subtitleFonts = .noto(language: language) }
        return style
    }
}

/// Encoded image bytes and the path of the file they came from (named in errors).
public struct ImageSource: Sendable, Hashable {
    public var data: Data
    public var path: String

    public init(data: Data, path: String) {
        self.data = data
        self.path = path
    }

    public init(contentsOf url: URL) throws {
        self.init(data: try Data(contentsOf: url), path: url.path)
    }
}

/// What one card says.
public struct CardContent: Sendable, Hashable {
    public var title: String
    /// The second line, e.g. `Newsletter · 25 November 2026 · Ada Lovelace` (see `subtitle(_:)`).
    public var subtitle: String?
    /// Filled to the card's size and darkened (any format `Image.decode` reads).
    public var backgroundImage: ImageSource?
    public var logo: ImageSource?
    /// BCP 47 tag of the text, for shaping, line breaking and CJK glyph forms.
    public var language: String?

    public init(title: String, subtitle: String? = nil, backgroundImage: ImageSource? = nil,
                logo: ImageSource? = nil, language: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.backgroundImage = backgroundImage
        self.logo = logo
        self.language = language
    }

    /// Joins the parts that are present with ` · `.
    public static func subtitle(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: " · ")
    }
}

/// A rectangle in pixels.
public struct Box: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
extension ImageInfo.Format: Codable {}
