import Foundation

/// One geometric operation, as Hugo's image methods.
public enum ImageOperation: Sendable, Hashable {
    /// Hugo's `Resize "400x"`: a missing side keeps the aspect ratio.
    case resize(width: Int?, height: Int?)
    /// Hugo's `Fit "300x300"`.
    case fit(width: Int, height: Int)
    /// Hugo's `Fill "1200x630 TopLeft"`.
    case fill(width: Int, height: Int, anchor: Anchor)
    /// Hugo's `Crop "400x400 Center"`: no scaling.
    case crop(width: Int, height: Int, anchor: Anchor)

    public func apply(to image: Image) throws(ImageError) -> Image {
        switch self {
        case .resize(let width, let height): return try image.resized(width: width, height: height)
        case .fit(let width, let height): return try image.fitted(width: width, height: height)
        case .fill(let width, let height, let anchor): return try image.filled(width: width, height: height, anchor: anchor)
        case .crop(let width, let height, let anchor): return try image.cropped(width: width, height: height, anchor: anchor)
        }
    }

    /// A stable text form, for cache keys and file names: `fill 1200x630 topLeft`.
    public var specification: String {
        func side(_ value: Int?) -> String { value.map(String.init) ?? "" }
        switch self {
        case .resize(let width, let height): return "resize \(side(width))x\(side(height))"
        case .fit(let width, let height): return "fit \(width)x\(height)"
        case .fill(let width, let height, let anchor): return "fill \(width)x\(height) \(anchor.rawValue)"
        case .crop(let width, let height, let anchor): return "crop \(width)x\(height) \(anchor.rawValue)"
        }
    }
}

/// An image to derive from a source: an operation, then an encoding.
public struct ImageVariant: Sendable, Hashable {
    public var operation: ImageOperation
    /// The source's format when nil (GIF becomes PNG: only the first frame is kept).
    public var format: ImageInfo.Format?
    public var quality: Int
    /// What transparent pixels become in a JPEG (Hugo's `#rrggbb` option).
    public var background: RGBColor

    public init(_ operation: ImageOperation, format: ImageInfo.Format? = nil, quality: Int = 85, background: RGBColor = .white) {
        self.operation = operation
        self.format = format
        self.quality = quality
        self.background = background
    }

    /// Hugo's resampling filters and encoding hints: accepted and ignored, as every scaling here
    /// averages the source pixels (the equivalent of Hugo's `Box`, without its aliasing-free cost).
    static let ignoredHugoOptions: Set<String> = [
        "nearestneighbor", "box", "linear", "hermite", "mitchellnetravali", "catmullrom", "bspline", "gaussian",
        "lanczos", "hann", "hamming", "blackman", "bartlett", "welch", "cosine",
        "picture", "photo", "drawing", "icon", "text", "default",
    ]

    /// Parses Hugo's options: `"1200x630 TopLeft q80 webp"` with the method it is given to
    /// (`resize`, `fit`, `fill`, `crop`).
    public init?(method: String, options: String) {
        var width: Int?, height: Int?, anchor = Anchor.center, format: ImageInfo.Format?, quality = 85, background = RGBColor.white
        var sawSize = false
        for token in options.split(separator: " ").map(String.init) {
            let lower = token.lowercased()
            if lower.contains("x"), !sawSize, lower.split(separator: "x", omittingEmptySubsequences: false).count == 2 {
                let sides = lower.split(separator: "x", omittingEmptySubsequences: false)
                width = Int(sides[0])
                height = Int(sides[1])
                guard width != nil || height != nil else { return nil }
                sawSize = true
            } else if lower.hasPrefix("q"), let value = Int(lower.dropFirst()), (1...100).contains(value) {
                quality = value
            } else if let value = Anchor(hugoName: lower) {
                anchor = value
            } else if let value = ImageInfo.Format(rawValue: lower == "jpg" ? "jpeg" : lower) {
                format = value
            } else if lower.hasPrefix("#"), let value = RGBColor(hex: lower) {
                background = value
            } else if ImageVariant.ignoredHugoOptions.contains(lower) {
                continue
            } else {
                return nil
            }
        }
        guard sawSize else { return nil }
        switch method.lowercased() {
        case "resize": operation = .resize(width: width, height: height)
        case "fit":
            guard let width, let height else { return nil }
            operation = .fit(width: width, height: height)
        case "fill":
            guard let width, let height else { return nil }
            operation = .fill(width: width, height: height, anchor: anchor)
        case "crop":
            guard let width, let height else { return nil }
            operation = .crop(width: width, height: height, anchor: anchor)
        default: return nil
        }
        self.format = format
        self.quality = quality
        self.background = background
    }

    public func outputFormat(for source: ImageInfo.Format) -> ImageInfo.Format {
        format ?? (source == .gif ? .png : source)
    }

    public var specification: String {
        "\(operation.specification) q\(quality) \(format?.rawValue ?? "same") \(background)"
    }
}

/// Derives variants of source images, decoding each source at most once and only when some variant
/// is not in the cache.
public struct ImageProcessor: Sendable {
    public var cache: ImageCache?
    public var maximumPixels: Int

    public init(cache: ImageCache? = nil, maximumPixels: Int = Image.defaultMaximumPixels) {
        self.cache = cache
        self.maximumPixels = maximumPixels
    }

    public struct Output: Sendable, Hashable {
        public var data: Data
        public var format: ImageInfo.Format
        public var width: Int
        public var height: Int
    }

    /// The variants of the image `data` (read from `path`, named in errors), in the order asked.
    public func variants(of data: Data, path: String, _ variants: [ImageVariant]) throws(ImageError) -> [Output] {
        let info: ImageInfo
        do { info = try ImageInfo.read(header: data.prefix(256 * 1024), path: path) } catch { throw .header(error) }
        var sourceKey = CacheKey("source")
        sourceKey.add(data)
        let sourceDigest = sourceKey.description

        var decoded: Image?
        var outputs: [Output] = []
        for variant in variants {
            let format = variant.outputFormat(for: info.format)
            var key = CacheKey("variant")
            key.add(sourceDigest)
            key.add(variant.specification)
            let fileExtension = format == .jpeg ? "jpg" : format.rawValue
            if let cached = cache?.data(for: key, fileExtension: fileExtension),
               let size = try? ImageInfo.read(header: cached, path: path) {
                outputs.append(Output(data: cached, format: format, width: size.width, height: size.height))
                continue
            }
            if decoded == nil { decoded = try Image.decode(data, path: path, maximumPixels: maximumPixels) }
            let image = try variant.operation.apply(to: decoded!)
            let encoded = try image.encoded(as: format, quality: variant.quality, background: variant.background)
            if let cache {
                _ = try? cache.data(for: key, fileExtension: fileExtension) { encoded }
            }
            outputs.append(Output(data: encoded, format: format, width: image.width, height: image.height))
        }
        return outputs
    }
}

extension CardRenderer {
    /// The cache key of a card: the style, the content, and the font files the style resolves to.
    public func cacheKey(for content: CardContent) -> CacheKey {
        var key = CacheKey("card")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        key.add((try? encoder.encode(style)) ?? Data())
        key.add(content.title)
        key.add(content.subtitle ?? "\u{0}")
        key.add(content.language ?? "\u{0}")
        key.add(content.backgroundImage?.data ?? Data())
        key.add(content.logo?.data ?? Data())
        let localized = style.localized(for: content.language)
        for file in library.files(for: localized.titleFonts) + library.files(for: localized.subtitleFonts) { key.add(file) }
        return key
    }

    /// `render(_:)` through `cache`: a card whose inputs did not change is read back, not drawn.
    public func render(_ content: CardContent, cache: ImageCache) throws -> Data {
        let fileExtension = style.format == .jpeg ? "jpg" : style.format.rawValue
        return try cache.data(for: cacheKey(for: content), fileExtension: fileExtension) { try render(content) }
    }
}
