import CGD
import Foundation

/// A decoded truecolor image held by libgd. Every operation (`resized`, `filled`, …) returns a new
/// image and leaves its receiver alone, so an image can be read from several threads at once; only
/// `draw(_:x:y:width:color:)` writes into an image, for images being built by one thread.
public final class Image: @unchecked Sendable {
    let pointer: gdImagePtr

    /// Whether the pixels may be transparent (decoded from PNG, GIF, WebP or AVIF, or derived from such
    /// an image); JPEG output then flattens them onto white.
    public let hasAlpha: Bool

    public var width: Int { Int(pointer.pointee.sx) }
    public var height: Int { Int(pointer.pointee.sy) }

    init(taking pointer: gdImagePtr, hasAlpha: Bool) {
        self.pointer = pointer
        self.hasAlpha = hasAlpha
    }

    deinit { gdImageDestroy(pointer) }

    /// A new opaque image filled with `color`.
    public convenience init(width: Int, height: Int, color: RGBColor = .black) {
        precondition(width > 0 && height > 0, "an image needs a positive size")
        let pointer = gdImageCreateTrueColor(Int32(width), Int32(height))!
        self.init(taking: pointer, hasAlpha: false)
        fill(color)
    }

    /// Fills the whole image (used while building an image, before it is shared).
    func fill(_ color: RGBColor) {
        let value = color.gdValue
        for y in 0..<height {
            let row = pointer.pointee.tpixels[y]!
            for x in 0..<width { row[x] = value }
        }
    }

    /// The colour of one pixel (alpha 0 opaque … 127 transparent, as libgd stores it).
    public func pixel(x: Int, y: Int) -> (red: Int, green: Int, blue: Int, alpha: Int) {
        precondition(x >= 0 && y >= 0 && x < width && y < height, "pixel out of bounds")
        let value = pointer.pointee.tpixels[y]![x]
        return (Int((value >> 16) & 0xFF), Int((value >> 8) & 0xFF), Int(value & 0xFF), Int((value >> 24) & 0x7F))
    }

    /// A new truecolor image with transparent (or black when `alpha` is false) pixels.
    static func blank(width: Int, height: Int, alpha: Bool) -> gdImagePtr {
        let pointer = gdImageCreateTrueColor(Int32(max(1, width)), Int32(max(1, height)))!
        if alpha {
            gdImageAlphaBlending(pointer, 0)
            gdImageSaveAlpha(pointer, 1)
            let clear: Int32 = 0x7F00_0000
            for y in 0..<Int(pointer.pointee.sy) {
                let row = pointer.pointee.tpixels[y]!
                for x in 0..<Int(pointer.pointee.sx) { row[x] = clear }
            }
        }
        return pointer
    }
}

/// An opaque sRGB colour.
public struct RGBColor: Sendable, Hashable, Codable, CustomStringConvertible {
    public var red: UInt8, green: UInt8, blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#RGB` or `#RRGGBB` (the `#` is optional).
    public init?(hex: String) {
        var digits = hex.trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("#") { digits.removeFirst() }
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    public static let white = RGBColor(red: 255, green: 255, blue: 255)

    public var description: String { String(format: "#%02x%02x%02x", red, green, blue) }

    var gdValue: Int32 { Int32(red) << 16 | Int32(green) << 8 | Int32(blue) }
}
