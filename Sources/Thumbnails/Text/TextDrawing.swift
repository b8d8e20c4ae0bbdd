import CGD
import Foundation

extension Image {
    /// Draws `layout` in the box whose top-left corner is (`x`, `y`) and which is `width` pixels wide,
    /// each line aligned within it. Draws into this image: use it on images you are building.
    public func draw(_ layout: TextLayout, x: Int, y: Int, width: Int, color: RGBColor,
                     alignment: TextAlignment = .natural, library: FontLibrary = .shared) {
        // Fetch (or rasterise) every bitmap under the lock once, then blend without it.
        let bitmaps: [[GlyphBitmap]] = library.withLock {
            layout.lines.map { line in
                line.glyphs.map { glyph in
                    library.face(id: glyph.face).map { library.bitmap(face: $0, glyph: glyph.glyph, size: layout.style.size) } ?? .empty
                }
            }
        }
        let resolved: TextAlignment
        switch alignment {
        case .natural: resolved = layout.direction == .rightToLeft ? .right : .left
        default: resolved = alignment
        }
        for (number, line) in layout.lines.enumerated() {
            let offset: Double
            switch resolved {
            case .right: offset = Double(width) - line.width
            case .center: offset = (Double(width) - line.width) / 2
            default: offset = 0
            }
            let baseline = Double(y) + layout.ascent + Double(number) * layout.lineHeight
            for (glyph, bitmap) in zip(line.glyphs, bitmaps[number]) where bitmap.width > 0 {
                let left = Int((Double(x) + offset + glyph.x).rounded()) + bitmap.left
                let top = Int((baseline + glyph.y).rounded()) - bitmap.top
                blend(bitmap, atX: left, y: top, color: color)
            }
        }
    }

    /// Composites a coverage bitmap in `color`, or a premultiplied BGRA one as it is, over the pixels.
    func blend(_ bitmap: GlyphBitmap, atX left: Int, y top: Int, color: RGBColor) {
        let x0 = max(0, left), x1 = min(width, left + bitmap.width)
        let y0 = max(0, top), y1 = min(height, top + bitmap.height)
        guard x0 < x1, y0 < y1 else { return }
        let red = Int(color.red), green = Int(color.green), blue = Int(color.blue)
        bitmap.pixels.withUnsafeBufferPointer { pixels in
            for y in y0..<y1 {
                let row = pointer.pointee.tpixels[y]!
                let sourceRow = (y - top) * bitmap.width
                for x in x0..<x1 {
                    let destination = Int(row[x])
                    let dr = (destination >> 16) & 0xFF, dg = (destination >> 8) & 0xFF, db = destination & 0xFF
                    let da = (destination >> 24) & 0x7F
                    let r, g, b, a: Int
                    if bitmap.isColor {
                        let index = (sourceRow + x - left) * 4
                        a = Int(pixels[index + 3])
                        if a == 0 { continue }
                        let keep = 255 - a
                        b = Int(pixels[index]) + (db * keep + 127) / 255
                        g = Int(pixels[index + 1]) + (dg * keep + 127) / 255
                        r = Int(pixels[index + 2]) + (dr * keep + 127) / 255
                    } else {
                        a = Int(pixels[sourceRow + x - left])
                        if a == 0 { continue }
                        let keep = 255 - a
                        r = (red * a + dr * keep + 127) / 255
                        g = (green * a + dg * keep + 127) / 255
                        b = (blue * a + db * keep + 127) / 255
                    }
                    let alpha = da * (255 - a) / 255
                    row[x] = Int32(alpha << 24 | min(255, r) << 16 | min(255, g) << 8 | min(255, b))
                }
            }
        }
    }
}
