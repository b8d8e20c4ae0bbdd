/// One call of `Resize`, `Fit`, `Fill` or `Crop` with its spec (`"300x200 TopLeft q80 webp"`),
/// read as Hugo 0.111's `DecodeImageConfig` reads it, defaults from `imaging` filled in.
///
/// Options are space-separated and case-insensitive; an option Hugo does not know is ignored,
/// as in Hugo. `key` is what Hugo writes of the spec into the processed image's file name.
struct ImageSpec: Sendable, Hashable {
    var action: ImageAction
    /// As written, for messages.
    var text: String
    /// 0 when not given (`x300`).
    var width = 0
    var height = 0
    var anchor: ImageAnchor
    var filter: ResampleFilter
    /// Of the output; nil for a PNG, GIF, TIFF or BMP whose spec names none.
    var quality: Int?
    /// Whether the spec named the quality (`q80`): the key then names it for any format.
    var qualityGiven = false
    /// Degrees counter-clockwise (`r90`), applied before the action.
    var rotation = 0
    /// The spec's colour (`#ff0000`), or `imaging.bgColor` when a transparent format becomes
    /// one without transparency.
    var background: HexColor?
    var hint = WebPHint.photo
    /// The source's format unless the spec names another.
    var format: HugoImageFormat

    /// The spec of `action` on an image of `sourceFormat`.
    init(_ action: ImageAction, _ text: String, imaging: ImagingConfig, sourceFormat: HugoImageFormat) throws(ImageProcessingError) {
        self.action = action
        self.text = text
        guard !text.isEmpty else { throw .spec(text, "image config cannot be empty") }
        var anchor: ImageAnchor?, filter: ResampleFilter?, format: HugoImageFormat?
        do throws(SpecError) {
            for option in text.split(whereSeparator: \.isWhitespace).map({ $0.lowercased() }) {
                if let value = ImageAnchor(rawValue: option) {
                    anchor = value
                } else if let value = ResampleFilter(rawValue: option) {
                    filter = value
                } else if let value = WebPHint(rawValue: option) {
                    hint = value
                } else if option.hasPrefix("#") {
                    do { background = try HexColor(parsing: String(option.dropFirst())) } catch { throw SpecError(error.message) }
                } else if option.hasPrefix("q") {
                    let quality = try Self.integer(option.dropFirst())
                    guard (1...100).contains(quality) else { throw SpecError("quality ranges from 1 to 100 inclusive") }
                    self.quality = quality
                    qualityGiven = true
                } else if option.hasPrefix("r") {
                    rotation = try Self.integer(option.dropFirst())
                } else if option.contains("x") {
                    let sides = option.split(separator: "x", omittingEmptySubsequences: false)
                    guard sides.count <= 2 else { throw SpecError("invalid image dimensions") }
                    if !sides[0].isEmpty { width = try Self.integer(sides[0]) }
                    if sides.count == 2, !sides[1].isEmpty { height = try Self.integer(sides[1]) }
                } else if let value = HugoImageFormat(extension: option) {
                    format = value
                }
            }
            switch action {
            case .resize:
                guard width != 0 || height != 0 else { throw SpecError("must provide Width or Height") }
            case .fit, .fill, .crop:
                guard width != 0 && height != 0 else { throw SpecError("must provide Width and Height") }
            }
            // Hugo lets a negative side through to an empty image; SiteGen stops there instead.
            guard width >= 0 && height >= 0 else { throw SpecError("invalid image dimensions") }
        } catch {
            throw .spec(text, error.message)
        }
        self.anchor = anchor ?? imaging.anchor
        self.filter = filter ?? imaging.filter
        self.format = format ?? sourceFormat
        if quality == nil && self.format.requiresQuality { quality = imaging.quality }
        if background == nil && self.format != sourceFormat && sourceFormat.supportsTransparency && !self.format.supportsTransparency {
            background = imaging.background
        }
    }

    /// Hugo's `GetKey`: `300x200_fill_q80_box_topleft`, then `_3` after a PNG's spec… `sourceFormat`
    /// is that of the image the spec applies to.
    func key(sourceFormat: HugoImageFormat) -> String {
        var key = "\(width)x\(height)_\(action.rawValue)"
        if let quality, qualityGiven || format.requiresQuality { key += "_q\(quality)" }
        if rotation != 0 { key += "_r\(rotation)" }
        if let background { key += "_bg" + background.text }
        if format == .webp { key += "_h\(hint.number)" }
        key += "_" + filter.rawValue
        if action == .fill || action == .crop { key += "_" + anchor.keyName }
        if let version = sourceFormat.keyVersion { key += "_\(version)" }
        return key
    }

    /// What the spec fills transparent pixels with: its colour, else `imaging.bgColor` for a
    /// JPEG, else nothing (transparency stays).
    func fillColor(imaging: ImagingConfig) -> HexColor? {
        background ?? (format.supportsTransparency ? nil : imaging.background)
    }

    private struct SpecError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Go's `strconv.Atoi`, whose messages Hugo passes on.
    private static func integer(_ text: Substring) throws(SpecError) -> Int {
        let digits = text.first == "+" || text.first == "-" ? text.dropFirst() : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw SpecError("strconv.Atoi: parsing \(ImageProcessingError.quoted(String(text))): invalid syntax")
        }
        guard let value = Int(text) else {
            throw SpecError("strconv.Atoi: parsing \(ImageProcessingError.quoted(String(text))): value out of range")
        }
        return value
    }
}
