import CGD
import Foundation

/// Where everything on a card goes.
public struct CardLayout: Sendable {
    public var title: TextLayout
    /// The title's lines occupy this box (left/right alignment within it follows the text direction).
    public var titleBox: Box
    public var subtitle: TextLayout?
    public var subtitleBox: Box?
    public var logoBox: Box?
}

/// Renders Open Graph cards (1200×630 by default).
public struct CardRenderer: Sendable {
    public var style: CardStyle
    public var library: FontLibrary

    public init(style: CardStyle = CardStyle(), library: FontLibrary = .shared) {
        self.style = style
        self.library = library
    }

    /// Lays the card out; `logoSize` is the logo's size once scaled, if there is one.
    public func layout(_ content: CardContent, logoSize: (width: Int, height: Int)? = nil) -> CardLayout {
        let style = self.style.localized(for: content.language)
        let contentWidth = style.width - 2 * style.padding
        var top = style.padding
        var bottom = style.height - style.padding
        let titleDirection = Typesetter.direction(of: content.title)

        var logoBox: Box?
        if let logoSize {
            let x = titleDirection == .rightToLeft ? style.width - style.padding - logoSize.width : style.padding
            logoBox = Box(x: x, y: top, width: logoSize.width, height: logoSize.height)
            top += logoSize.height + style.gap
        }

        var subtitle: TextLayout?
        var subtitleBox: Box?
        if let text = content.subtitle, !text.isEmpty {
            let layout = TextLayout(text, style: TextStyle(fonts: style.subtitleFonts, size: style.subtitleSize, language: content.language),
                                    maxWidth: Double(contentWidth), maxLines: 1, library: library)
            let height = Int(layout.height)
            subtitleBox = Box(x: style.padding, y: bottom - height, width: contentWidth, height: height)
            subtitle = layout
            bottom -= height + style.gap
        }

        // The largest size at which the title fits in its lines and the space left; at the minimum size,
        // as many lines as fit, the last ending with an ellipsis.
        let available = Double(max(0, bottom - top))
        var size = style.titleSize
        var title: TextLayout
        while true {
            let textStyle = TextStyle(fonts: style.titleFonts, size: size, lineSpacing: style.titleLineSpacing, language: content.language)
            let lineHeight = (size * style.titleLineSpacing).rounded()
            let lines = max(1, min(style.titleMaxLines, Int(available / lineHeight)))
            title = TextLayout(content.title, style: textStyle, maxWidth: Double(contentWidth), maxLines: lines, library: library)
            if (!title.isTruncated && title.height <= available) || size - style.titleSizeStep < style.minimumTitleSize { break }
            size -= style.titleSizeStep
        }
        let titleHeight = Int(title.height)
        let titleBox = Box(x: style.padding, y: top + max(0, (bottom - top - titleHeight) / 2), width: contentWidth, height: titleHeight)
        return CardLayout(title: title, titleBox: titleBox, subtitle: subtitle, subtitleBox: subtitleBox, logoBox: logoBox)
    }

    /// Renders the card's pixels.
    public func renderImage(_ content: CardContent) throws(ImageError) -> Image {
        let style = self.style
        let canvas: Image
        if let background = content.backgroundImage {
            canvas = try Image.decode(background.data, path: background.path)
                .filled(width: style.width, height: style.height, anchor: style.imageAnchor)
            if canvas.hasAlpha { canvas.flatten(onto: backgroundImage()) }
            canvas.darken(style.imageDarkening)
        } else {
            canvas = backgroundImage()
        }
        var logo: Image?
        if let source = content.logo {
            let decoded = try Image.decode(source.data, path: source.path)
            logo = try decoded.fitted(width: min(style.width / 3, decoded.width * style.logoHeight / max(1, decoded.height)),
                                      height: style.logoHeight)
        }
        let layout = layout(content, logoSize: logo.map { ($0.width, $0.height) })
        if let logo, let box = layout.logoBox {
            gdImageAlphaBlending(canvas.pointer, 1)
            gdImageCopy(canvas.pointer, logo.pointer, Int32(box.x), Int32(box.y), 0, 0, Int32(logo.width), Int32(logo.height))
            gdImageAlphaBlending(canvas.pointer, 0)
        }
        canvas.draw(layout.title, x: layout.titleBox.x, y: layout.titleBox.y, width: layout.titleBox.width,
                    color: style.titleColor, library: library)
        if let subtitle = layout.subtitle, let box = layout.subtitleBox {
            canvas.draw(subtitle, x: box.x, y: box.y, width: box.width, color: style.subtitleColor, library: library)
        }
        return canvas
    }

    /// Renders and encodes the card in the style's format, under `maximumBytes` when the format is lossy.
    public func render(_ content: CardContent) throws(ImageError) -> Data {
        let image = try renderImage(content)
        var quality = style.quality
        var data = try image.encoded(as: style.format, quality: quality)
        while data.count > style.maximumBytes, [.jpeg, .webp, .avif].contains(style.format), quality > 50 {
            quality = max(50, quality - 10)
            data = try image.encoded(as: style.format, quality: quality)
        }
        return data
    }

    /// The style's colour or gradient, a fresh copy of one drawn once per style.
    func backgroundImage() -> Image {
        let template = BackgroundTemplates.shared.template(width: style.width, height: style.height, background: style.background)
        let image = Image(taking: Image.blank(width: style.width, height: style.height, alpha: false), hasAlpha: false)
        let rowBytes = style.width * MemoryLayout<Int32>.size
        for y in 0..<style.height {
            memcpy(image.pointer.pointee.tpixels[y]!, template.pointer.pointee.tpixels[y]!, rowBytes)
        }
        return image
    }
}

/// Backgrounds already drawn: a gradient costs a few milliseconds, a copy a fraction of one.
final class BackgroundTemplates: @unchecked Sendable {
    static let shared = BackgroundTemplates()

    struct Key: Hashable {
        let width: Int, height: Int
        let background: CardStyle.Background
    }

    private let lock = NSLock()
    private var templates: [Key: Image] = [:]

    func template(width: Int, height: Int, background: CardStyle.Background) -> Image {
        let key = Key(width: width, height: height, background: background)
        lock.lock()
        defer { lock.unlock() }
        if let template = templates[key] { return template }
        let image = Image(taking: Image.blank(width: width, height: height, alpha: false), hasAlpha: false)
        switch background {
        case .color(let color): image.fill(color)
        case .gradient(let from, let to, let angle): image.fillGradient(from: from, to: to, angle: angle)
        }
        if templates.count > 64 { templates.removeAll() }
        templates[key] = image
        return image
    }
}

extension Image {
    /// A linear gradient across the whole image.
    func fillGradient(from: RGBColor, to: RGBColor, angle: Double) {
        let radians = angle * .pi / 180
        let dx = cos(radians), dy = sin(radians)
        // Project the corners to find where the gradient starts and ends.
        let corners = [(0.0, 0.0), (Double(width), 0.0), (0.0, Double(height)), (Double(width), Double(height))].map { $0.0 * dx + $0.1 * dy }
        let low = corners.min()!, span = max(1e-9, corners.max()! - low)
        let steps = 1024
        let colors: [Int32] = (0...steps).map { step in
            let t = Double(step) / Double(steps)
            func mix(_ a: UInt8, _ b: UInt8) -> Int32 { Int32((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
            return mix(from.red, to.red) << 16 | mix(from.green, to.green) << 8 | mix(from.blue, to.blue)
        }
        let columnOffsets = (0..<width).map { (Double($0) + 0.5) * dx }
        for y in 0..<height {
            let row = pointer.pointee.tpixels[y]!
            let rowOffset = (Double(y) + 0.5) * dy - low
            for x in 0..<width {
                let t = (columnOffsets[x] + rowOffset) / span
                row[x] = colors[min(steps, max(0, Int(t * Double(steps))))]
            }
        }
    }

    /// Covers the image with black at `amount` opacity.
    func darken(_ amount: Double) {
        let keep = Int32((max(0, min(1, 1 - amount)) * 256).rounded())
        for y in 0..<height {
            let row = pointer.pointee.tpixels[y]!
            for x in 0..<width {
                let value = row[x]
                let r = (((value >> 16) & 0xFF) * keep) >> 8, g = (((value >> 8) & 0xFF) * keep) >> 8, b = ((value & 0xFF) * keep) >> 8
                row[x] = (value & 0x7F00_0000) | r << 16 | g << 8 | b
            }
        }
    }

    /// Puts the image over `background` (same size), leaving it opaque.
    func flatten(onto background: Image) {
        gdImageAlphaBlending(background.pointer, 1)
        gdImageCopy(background.pointer, pointer, 0, 0, 0, 0, Int32(width), Int32(height))
        gdImageCopy(pointer, background.pointer, 0, 0, 0, 0, Int32(width), Int32(height))
    }
}
