import CGD
import Foundation
import Testing
@testable import Thumbnails

/// Test pictures drawn with libgd.
enum TestPicture {
    /// Four quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right.
    static func quadrants(width: Int = 400, height: Int = 200) -> Image {
        let image = Image(width: width, height: height)
        let w = Int32(width), h = Int32(height)
        gdImageFilledRectangle(image.pointer, 0, 0, w / 2 - 1, h / 2 - 1, 0xFF0000)
        gdImageFilledRectangle(image.pointer, w / 2, 0, w - 1, h / 2 - 1, 0x00FF00)
        gdImageFilledRectangle(image.pointer, 0, h / 2, w / 2 - 1, h - 1, 0x0000FF)
        gdImageFilledRectangle(image.pointer, w / 2, h / 2, w - 1, h - 1, 0xFFFF00)
        return image
    }

    /// One-pixel vertical black and white stripes.
    static func stripes(width: Int = 400, height: Int = 100) -> Image {
        let image = Image(width: width, height: height, color: .white)
        for x in stride(from: 0, to: width, by: 2) {
            gdImageLine(image.pointer, Int32(x), 0, Int32(x), Int32(height - 1), 0x000000)
        }
        return image
    }
}

func near(_ a: (red: Int, green: Int, blue: Int, alpha: Int), _ r: Int, _ g: Int, _ b: Int, tolerance: Int = 40) -> Bool {
    abs(a.red - r) <= tolerance && abs(a.green - g) <= tolerance && abs(a.blue - b) <= tolerance
}

@Suite struct ImageOperationTests {
    @Test(arguments: ImageInfo.Format.allCases)
    func encodesAndDecodesEveryFormat(format: ImageInfo.Format) throws {
        let picture = TestPicture.quadrants(width: 64, height: 48)
        let data = try picture.encoded(as: format, quality: 90)
        let info = try ImageInfo.read(header: data, path: "x")
        #expect(info == ImageInfo(format: format, width: 64, height: 48))
        let decoded = try Image.decode(data, path: "x.\(format.rawValue)")
        #expect(decoded.width == 64 && decoded.height == 48)
        #expect(near(decoded.pixel(x: 8, y: 8), 255, 0, 0, tolerance: 60))
        #expect(near(decoded.pixel(x: 56, y: 40), 255, 255, 0, tolerance: 60))
    }

    @Test func resizeKeepsAspectRatio() throws {
        let picture = TestPicture.quadrants(width: 1600, height: 1067)
        let byWidth = try picture.resized(width: 400)
        #expect((byWidth.width, byWidth.height) == (400, 267))
        let byHeight = try picture.resized(height: 100)
        #expect((byHeight.width, byHeight.height) == (150, 100))
        let both = try picture.resized(width: 100, height: 100)
        #expect((both.width, both.height) == (100, 100))
    }

    @Test func fitStaysWithinTheBox() throws {
        let picture = TestPicture.quadrants(width: 1600, height: 1067)
        let fitted = try picture.fitted(width: 300, height: 300)
        #expect((fitted.width, fitted.height) == (300, 200))
        let tall = try TestPicture.quadrants(width: 100, height: 400).fitted(width: 300, height: 300)
        #expect((tall.width, tall.height) == (75, 300))
    }

    @Test func fillAnchorsKeepTheRightRegion() throws {
        let picture = TestPicture.quadrants(width: 400, height: 200)
        // A square from a 2:1 picture: the left anchor keeps red/blue, the right one green/yellow.
        let left = try picture.filled(width: 100, height: 100, anchor: .left)
        #expect((left.width, left.height) == (100, 100))
        #expect(near(left.pixel(x: 10, y: 10), 255, 0, 0))
        #expect(near(left.pixel(x: 90, y: 10), 255, 0, 0))
        #expect(near(left.pixel(x: 10, y: 90), 0, 0, 255))
        let right = try picture.filled(width: 100, height: 100, anchor: .right)
        #expect(near(right.pixel(x: 10, y: 10), 0, 255, 0))
        #expect(near(right.pixel(x: 90, y: 90), 255, 255, 0))
        let center = try picture.filled(width: 100, height: 100, anchor: .center)
        #expect(near(center.pixel(x: 10, y: 10), 255, 0, 0))
        #expect(near(center.pixel(x: 90, y: 10), 0, 255, 0))
        // A wide strip from a square picture: top keeps red/green, bottom keeps blue/yellow.
        let square = TestPicture.quadrants(width: 200, height: 200)
        let top = try square.filled(width: 200, height: 50, anchor: .top)
        #expect(near(top.pixel(x: 10, y: 40), 255, 0, 0) && near(top.pixel(x: 190, y: 40), 0, 255, 0))
        let bottom = try square.filled(width: 200, height: 50, anchor: .bottom)
        #expect(near(bottom.pixel(x: 10, y: 5), 0, 0, 255) && near(bottom.pixel(x: 190, y: 5), 255, 255, 0))
        // Hugo's "TopLeft" on a larger picture cropped without scaling much.
        let big = TestPicture.quadrants(width: 400, height: 400)
        let topLeft = try big.filled(width: 200, height: 100, anchor: Anchor(hugoName: "TopLeft")!)
        #expect(near(topLeft.pixel(x: 5, y: 5), 255, 0, 0))
        #expect(near(topLeft.pixel(x: 195, y: 5), 0, 255, 0))
        #expect(near(topLeft.pixel(x: 5, y: 95), 255, 0, 0))
        let bottomRight = try big.filled(width: 200, height: 100, anchor: .bottomRight)
        #expect(near(bottomRight.pixel(x: 5, y: 95), 0, 0, 255))
        #expect(near(bottomRight.pixel(x: 195, y: 95), 255, 255, 0))
    }

    @Test func cropTakesTheRectangle() throws {
        let picture = TestPicture.quadrants(width: 400, height: 200)
        let crop = try picture.cropped(x: 200, y: 100, width: 50, height: 40)
        #expect((crop.width, crop.height) == (50, 40))
        #expect(near(crop.pixel(x: 0, y: 0), 255, 255, 0, tolerance: 0))
        let anchored = try picture.cropped(width: 100, height: 50, anchor: .topRight)
        #expect(near(anchored.pixel(x: 99, y: 0), 0, 255, 0, tolerance: 0))
        #expect(throws: ImageError.self) { try picture.cropped(x: 390, y: 0, width: 50, height: 10) }
    }

    /// A 1-px stripe pattern reduced 4× (and by an uneven factor) must become uniform mid grey. gd's
    /// bilinear `gdImageScale` samples single stripes: all black at exactly 4×, a ramp of moiré otherwise.
    @Test(arguments: [400, 410])
    func downscalingDoesNotAlias(sourceWidth: Int) throws {
        let stripes = TestPicture.stripes(width: sourceWidth, height: 100)
        let small = try stripes.resized(width: 100, height: 25)
        let values = (0..<small.height).flatMap { y in (0..<small.width).map { x in small.pixel(x: x, y: y).red } }
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        #expect(abs(mean - 127.5) < 8)
        #expect(values.allSatisfy { abs(Double($0) - mean) <= 8 }, "every pixel near the mean")

        // The aliasing method, for contrast.
        gdImageSetInterpolationMethod(stripes.pointer, GD_BILINEAR_FIXED)
        let aliased = gdImageScale(stripes.pointer, 100, 25)!
        defer { gdImageDestroy(aliased) }
        let aliasedValues = (0..<25).flatMap { y in (0..<100).map { x in Int((aliased.pointee.tpixels[y]![x] >> 16) & 0xFF) } }
        #expect(aliasedValues.filter { abs(Double($0) - 127.5) > 40 }.count > aliasedValues.count / 4, "gdImageScale aliases")
    }

    /// The fixed-point area filter computes what `gdImageCopyResampled` computes.
    @Test(arguments: [(800, 534, 600, 315), (800, 534, 200, 133), (301, 199, 97, 61), (50, 40, 120, 90)])
    func areaResamplingMatchesGdCopyResampled(sw: Int, sh: Int, tw: Int, th: Int) throws {
        let source = Image(width: sw, height: sh)
        for y in 0..<sh {
            let row = source.pointer.pointee.tpixels[y]!
            for x in 0..<sw { row[x] = Int32((x * 255 / sw) << 16 | (y * 255 / sh) << 8 | ((x ^ y) & 0xFF)) }
        }
        let ours = source.resampled(x: 0, y: 0, width: sw, height: sh, toWidth: tw, toHeight: th, method: .area)
        let gd = source.resampled(x: 0, y: 0, width: sw, height: sh, toWidth: tw, toHeight: th, method: .gd)
        var worst = 0, total = 0
        for y in 0..<th {
            for x in 0..<tw {
                let a = ours.pixel(x: x, y: y), b = gd.pixel(x: x, y: y)
                let difference = max(abs(a.red - b.red), abs(a.green - b.green))
                worst = max(worst, difference)
                total += difference
            }
        }
        // Red and green are smooth ramps: equal up to rounding. (Blue, an XOR pattern, is noise.)
        #expect(worst <= 3)
        #expect(Double(total) / Double(tw * th) < 1.0)
    }

    @Test func transparentPixelsStayTransparentWhenResampled() throws {
        let image = Image(taking: Image.blank(width: 100, height: 100, alpha: true), hasAlpha: true)
        gdImageFilledRectangle(image.pointer, 0, 0, 49, 99, 0x00FF0000)  // opaque red left half
        let small = try image.resized(width: 10)
        #expect(small.pixel(x: 2, y: 5).alpha == 0 && near(small.pixel(x: 2, y: 5), 255, 0, 0, tolerance: 1))
        #expect(small.pixel(x: 8, y: 5).alpha == 127)
        // The edge column mixes red with transparency, not with black.
        #expect(near(small.pixel(x: 4, y: 5), 255, 0, 0, tolerance: 1))
    }

    @Test func transparentPNGFlattensOntoWhiteForJPEG() throws {
        let pointer = Image.blank(width: 20, height: 20, alpha: true)
        let image = Image(taking: pointer, hasAlpha: true)
        let png = try image.encoded(as: .png)
        let jpeg = try Image.decode(png, path: "t.png").encoded(as: .jpeg)
        let back = try Image.decode(jpeg, path: "t.jpg")
        #expect(near(back.pixel(x: 10, y: 10), 255, 255, 255, tolerance: 3))
    }

    @Test func gifFirstFrameIsRead() throws {
        let data = EncodedImage.gif(30, 20)
        let image = try Image.decode(data, path: "a.gif")
        #expect((image.width, image.height) == (30, 20))
        #expect(near(image.pixel(x: 2, y: 2), 0x33, 0x66, 0xCC, tolerance: 8))
    }

    @Test func brokenFilesAreErrorsNamingTheFile() throws {
        let jpeg = EncodedImage.jpeg(300, 200)
        for cut in [10, 200, jpeg.count / 2] {
            do {
                let image = try Image.decode(jpeg.prefix(cut), path: "photos/cut.jpg")
                // libjpeg may fill a truncated scan with grey: that is a picture, not a crash.
                #expect(image.width == 300)
            } catch {
                #expect(error.description.contains("photos/cut.jpg"))
            }
        }
        let png = EncodedImage.png(300, 200)
        #expect(throws: ImageError.self) { try Image.decode(png.prefix(png.count / 2), path: "half.png") }
        #expect(throws: ImageError.self) { try Image.decode(Data("version https://git-lfs.github.com/spec/v1\n".utf8), path: "lfs.jpg") }
        #expect(throws: ImageError.self) { try Image.decode(Data(repeating: 7, count: 1000), path: "noise.png") }
        #expect(throws: ImageError.self) { try Image.decode(Data(), path: "empty.webp") }
    }

    /// Damaged files (bytes changed, tails cut) decode to a picture or throw; they never crash.
    @Test(arguments: ImageInfo.Format.allCases)
    func corruptFilesNeverCrash(format: ImageInfo.Format) throws {
        let original = [UInt8](try TestPicture.quadrants(width: 120, height: 80).encoded(as: format, quality: 80))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<120 {
            var bytes = original
            for _ in 0...(round % 8) { bytes[random(bytes.count)] = UInt8(random(256)) }
            if round % 3 == 0 { bytes = Array(bytes.prefix(1 + random(bytes.count - 1))) }
            do {
                let image = try Image.decode(Data(bytes), path: "damaged.\(format.rawValue)")
                _ = try image.resized(width: 30).encoded(as: .png)
            } catch {
                #expect(error.description.contains("damaged.\(format.rawValue)") || error.path == nil)
            }
        }
    }

    @Test func hugeHeadersAreRefusedBeforeDecoding() throws {
        // A PNG header declaring 20000×20000 (400 megapixels) and no pixel data.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array("IHDR".utf8) + [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        do {
            _ = try Image.decode(Data(png), path: "static/huge.png")
            Issue.record("decoded a 400-megapixel header")
        } catch {
            guard case .tooLarge(let path, 20000, 20000, _) = error else { Issue.record("\(error)"); return }
            #expect(path == "static/huge.png")
            #expect(error.description.hasPrefix("static/huge.png: "))
        }
    }
}
