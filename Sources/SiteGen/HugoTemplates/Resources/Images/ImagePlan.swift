import Foundation

struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    var width: Int
    var height: Int

    var description: String { "\(width)x\(height)" }
}

/// A rectangle of an image's pixels.
struct PixelRect: Sendable, Hashable {
    var x: Int, y: Int, width: Int, height: Int

    /// The part of the rectangle inside a `size` image (gift's `Intersect`).
    func clipped(to size: PixelSize) -> PixelRect {
        let left = max(0, x), top = max(0, y)
        let right = min(size.width, x + width), bottom = min(size.height, y + height)
        return PixelRect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }
}

/// One thing done to the pixels.
enum PixelStep: Sendable, Hashable {
    /// Degrees counter-clockwise, into an image of `size` (nearest neighbour, as Hugo rotates).
    case rotate(degrees: Int, size: PixelSize)
    case scale(to: PixelSize, filter: ResampleFilter)
    case crop(PixelRect)
}

/// What a spec does to an image of a given size: the steps, and the size they end at. The sizes
/// are computed as Hugo's imaging library (gift) and its smart crop compute them, rounding and
/// all, so that a processed image is exactly as large as Hugo makes it.
struct ImagePlan: Sendable, Hashable {
    private(set) var steps: [PixelStep] = []
    private(set) var size: PixelSize
    /// The pixels of the largest image a step makes.
    private(set) var largestPixelCount = 0

    init(_ spec: ImageSpec, source: PixelSize) {
        size = source
        if spec.rotation != 0 { append(.rotate(degrees: spec.rotation, size: Self.rotated(source, degrees: spec.rotation))) }
        let (width, height) = (spec.width, spec.height)
        switch spec.action {
        case .resize:
            scale(to: Self.resized(size, width: width, height: height), filter: spec.filter)
        case .fit:
            scale(to: Self.fitted(size, width: width, height: height), filter: spec.filter)
        case .fill:
            // gift's ResizeToFill: cover the box, then crop it at the anchor. Hugo's smart fill
            // crops a region of the box's shape and scales it to the box: the same size.
            let ratios = (Double(size.width) / Double(width), Double(size.height) / Double(height))
            let cover = ratios.0 < ratios.1
                ? PixelSize(width: width, height: max(Int(Double(size.height) / ratios.0 + 0.5), height))
                : PixelSize(width: max(Int(Double(size.width) / ratios.1 + 0.5), width), height: height)
            scale(to: cover, filter: spec.filter)
            crop(width: width, height: height, anchor: spec.anchor)
        case .crop where spec.anchor == .smart:
            // Hugo crops to the smart crop's region (found on the image before rotation), then
            // to the box around that region's centre.
            let region = Self.smartRegion(of: source, width: width, height: height)
            crop(width: min(region.width, size.width), height: min(region.height, size.height), anchor: .center)
            crop(width: width, height: height, anchor: .center)
        case .crop:
            crop(width: width, height: height, anchor: spec.anchor)
        }
    }

    private mutating func append(_ step: PixelStep) {
        steps.append(step)
        switch step {
        case .rotate(_, let size), .scale(let size, _): self.size = size
        case .crop(let rect): size = PixelSize(width: rect.width, height: rect.height)
        }
        largestPixelCount = max(largestPixelCount, size.width * size.height)
    }

    private mutating func scale(to target: PixelSize, filter: ResampleFilter) {
        if target != size { append(.scale(to: target, filter: filter)) }
    }

    /// gift's CropToSize: the box at the anchor, what of it lies inside the image.
    private mutating func crop(width: Int, height: Int, anchor: ImageAnchor) {
        let origin = anchor.origin(ofWidth: width, height: height, in: size)
        let rect = PixelRect(x: origin.x, y: origin.y, width: width, height: height).clipped(to: size)
        if PixelSize(width: rect.width, height: rect.height) != size || rect.x != 0 || rect.y != 0 { append(.crop(rect)) }
    }

    /// gift's Resize: a missing side keeps the aspect ratio, rounded half up, at least 1.
    static func resized(_ source: PixelSize, width: Int, height: Int) -> PixelSize {
        if width == 0 {
            let computed = Double(height) * Double(source.width) / Double(source.height)
            return PixelSize(width: Int(max(1, (computed + 0.5).rounded(.down))), height: height)
        }
        if height == 0 {
            let computed = Double(width) * Double(source.height) / Double(source.width)
            return PixelSize(width: width, height: Int(max(1, (computed + 0.5).rounded(.down))))
        }
        return PixelSize(width: width, height: height)
    }

    /// gift's ResizeToFit: never larger than the source.
    static func fitted(_ source: PixelSize, width: Int, height: Int) -> PixelSize {
        if source.width <= width && source.height <= height { return source }
        let widthRatio = Double(source.width) / Double(width), heightRatio = Double(source.height) / Double(height)
        if widthRatio > heightRatio {
            return PixelSize(width: width, height: max(1, min(Int(Double(source.height) / widthRatio + 0.5), height)))
        }
        return PixelSize(width: max(1, min(Int(Double(source.width) / heightRatio + 0.5), width)), height: height)
    }

    /// gift's `calcRotatedSize`, in its `float32` arithmetic: 90° turns swap the sides, other
    /// angles grow the image to hold its corners.
    static func rotated(_ source: PixelSize, degrees: Int) -> PixelSize {
        let (sine, cosine) = sineAndCosine(degrees)
        let xOffset = Float(source.width) / 2 - 0.5, yOffset = Float(source.height) / 2 - 0.5
        let corners: [(Float, Float)] = [(0 - xOffset, 0 - yOffset), (Float(source.width - 1) - xOffset, 0 - yOffset),
                                         (Float(source.width - 1) - xOffset, Float(source.height - 1) - yOffset),
                                         (0 - xOffset, Float(source.height - 1) - yOffset)]
        let rotated = corners.map { x, y in (x * cosine - y * sine, x * sine + y * cosine) }
        func side(_ values: [Float]) -> Int {
            var length = values.max()! - values.min()! + 1
            if length - length.rounded(.down) > 0.01 { length += 2 }
            return Int(length)
        }
        return PixelSize(width: side(rotated.map(\.0)), height: side(rotated.map(\.1)))
    }

    /// gift's `sincosf32`: computed in double precision, kept in single.
    static func sineAndCosine(_ degrees: Int) -> (Float, Float) {
        let radians = Double.pi * Double(Float(degrees)) / 180
        return (Float(sin(radians)), Float(cos(radians)))
    }

    /// The size of the region smartcrop (muesli/smartcrop, in Hugo 0.111) picks for a
    /// `width`×`height` crop of a `source` image: the largest one of the box's shape. On an image
    /// whose shorter side is over 400 pixels smartcrop looks on a copy scaled down to 400 and
    /// scales the region back, truncating. Where it prefers a region 10% smaller, or one whose
    /// corners round differently, Hugo's crop can come out a pixel or so smaller than this.
    static func smartRegion(of source: PixelSize, width: Int, height: Int) -> PixelSize {
        if source.width == width && source.height == height { return source }
        let scale = min(Double(source.width) / Double(width), Double(source.height) / Double(height))
        let shorter = Double(min(source.width, source.height))
        let prescale = 400 / shorter < 1 ? 400 / shorter : 1
        let regionWidth = Int((Double(width) * scale * prescale).rounded(.down))
        let regionHeight = Int((Double(height) * scale * prescale).rounded(.down))
        let back = { (side: Int) in prescale == 1 ? side : Int((Double(side) / prescale).rounded(.down)) }
        return PixelSize(width: min(back(regionWidth), source.width), height: min(back(regionHeight), source.height))
    }
}
