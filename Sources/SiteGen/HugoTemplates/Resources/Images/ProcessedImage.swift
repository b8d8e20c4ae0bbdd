import Foundation

/// An image and the methods applied to it in turn (`(.Resize "600x").Fill "300x300"`): what
/// Hugo names it, how large it is, and how to make its bytes. With no methods it is the source.
struct ProcessedImage: Sendable {
    /// One method: its spec, what it does to the pixels, and what it fills transparency with.
    struct Step: Sendable {
        let spec: ImageSpec
        let plan: ImagePlan
        let fill: HexColor?
    }

    /// SiteGen makes no image larger than this (400 MB of pixels while it is made).
    static let largestPixelCount = 100_000_000

    let source: OriginalImage
    private(set) var steps: [Step] = []
    /// Hugo's file name: the source's at first.
    private(set) var fileName: String
    private(set) var format: HugoImageFormat
    private(set) var size: PixelSize

    init(source: OriginalImage) {
        self.source = source
        fileName = String(source.path.split(separator: "/").last ?? "")
        format = source.format
        size = source.size
    }

    /// This image with one more method applied.
    func processed(by spec: ImageSpec, imaging: ImagingConfig) throws(ImageProcessingError) -> ProcessedImage {
        let plan = ImagePlan(spec, source: size)
        guard plan.largestPixelCount <= Self.largestPixelCount else {
            throw .spec(spec.text, "SiteGen makes no image over \(Self.largestPixelCount / 1_000_000) megapixels")
        }
        var next = self
        next.steps.append(Step(spec: spec, plan: plan, fill: spec.fillColor(imaging: imaging)))
        next.fileName = ProcessedImageName.name(processing: fileName, from: format, into: spec.format,
                                                fingerprint: source.fingerprint, key: spec.key(sourceFormat: format))
        next.format = spec.format
        next.size = plan.size
        return next
    }

    /// Where it is written, from the output folder: `post/cover_hu…_300x0_resize_q75_box.jpg`.
    var outputPath: String {
        String((folder + fileName).drop { $0 == "/" })
    }

    /// The site-relative URL path, escaped: `/post/my%20photo_hu….jpg`.
    var urlPath: String {
        let path = folder + fileName
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    private var folder: String {
        guard let slash = source.path.lastIndex(of: "/") else { return "/" }
        return String(source.path[...slash])
    }

    /// The bytes: the source decoded, every step applied in turn, encoded once at the end (Hugo
    /// encodes between steps too; the pixels differ, the sizes do not).
    func render() throws(ImageProcessingError) -> Data {
        guard source.size.width * source.size.height <= Self.largestPixelCount else {
            throw .processing(source.label, "the image is \(source.size) pixels: SiteGen decodes no image over \(Self.largestPixelCount / 1_000_000) megapixels")
        }
        let image = try GDImage(decoding: try source.bytes.all(), format: source.format, label: source.label)
        guard image.size == source.size else {
            throw .processing(source.label, "its header says \(source.size) pixels, libgd decodes \(image.size)")
        }
        for step in steps {
            for pixels in step.plan.steps { try image.apply(pixels) }
            if let fill = step.fill, image.mayHaveAlpha { try image.flatten(onto: fill) }
        }
        return try image.encoded(as: format, quality: steps.last?.spec.quality)
    }
}
