/// The site's `imaging` settings: the defaults of every spec that does not say otherwise.
struct ImagingConfig: Sendable, Hashable {
    /// Of JPEG and WebP images.
    var quality = 75
    var filter = ResampleFilter.box
    var anchor = ImageAnchor.smart
    /// What transparent pixels become in a JPEG.
    var background = HexColor.white

    init() {}

    /// Reads `imaging` from the site configuration, with Hugo's checks. Hugo 0.111 reads no
    /// `hint` there (a WebP is a `photo` unless its spec says otherwise), and neither does SiteGen.
    init(site raw: [String: Value]) throws(ImageProcessingError) {
        guard let table = try Self.typed({ () throws(WrongTypeError) in try TypedTable(raw).table("imaging") }) else { return }
        if let quality = try Self.typed({ () throws(WrongTypeError) in try table.int("quality") }) {
            guard (0...100).contains(quality) else { throw .config("image quality must be a number between 1 and 100") }
            self.quality = quality
        }
        if let name = try Self.typed({ () throws(WrongTypeError) in try table.string("resampleFilter") }) {
            guard let filter = ResampleFilter(rawValue: name.lowercased()) else {
                throw .config("\(ImageProcessingError.quoted(name)) is not a valid resample filter")
            }
            self.filter = filter
        }
        if let name = try Self.typed({ () throws(WrongTypeError) in try table.string("anchor") }) {
            guard let anchor = ImageAnchor(rawValue: name.lowercased()) else {
                throw .config("invalid anchor value \(ImageProcessingError.quoted(name))")
            }
            self.anchor = anchor
        }
        if let written = try Self.typed({ () throws(WrongTypeError) in try table.string("bgColor") }) {
            do { background = try HexColor(parsing: written) } catch { throw .config(error.message) }
        }
    }

    private static func typed<T>(_ read: () throws(WrongTypeError) -> T?) throws(ImageProcessingError) -> T? {
        do { return try read() } catch { throw .config(error.message) }
    }
}
