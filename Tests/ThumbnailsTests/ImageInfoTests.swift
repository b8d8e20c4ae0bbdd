import CGD
import Foundation
import Testing
@testable import Thumbnails

/// Images made by libgd's own encoders, so the headers are exactly what real tools write.
enum EncodedImage {
    static func make(width: Int32, height: Int32, _ encode: (gdImagePtr, UnsafeMutablePointer<Int32>) -> UnsafeMutableRawPointer?) -> Data {
        let image = gdImageCreateTrueColor(width, height)!
        defer { gdImageDestroy(image) }
        gdImageFilledRectangle(image, 0, 0, width / 2, height / 2, 0x3366CC)
        var size: Int32 = 0
        let bytes = encode(image, &size)!
        defer { gdFree(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    static func jpeg(_ width: Int32, _ height: Int32) -> Data { make(width: width, height: height) { gdImageJpegPtr($0, $1, 80) } }
    static func png(_ width: Int32, _ height: Int32) -> Data { make(width: width, height: height) { gdImagePngPtr($0, $1) } }
    static func gif(_ width: Int32, _ height: Int32) -> Data { make(width: width, height: height) { gdImageGifPtr($0, $1) } }
    static func webp(_ width: Int32, _ height: Int32) -> Data { make(width: width, height: height) { gdImageWebpPtrEx($0, $1, 80) } }
}

@Suite struct ImageInfoTests {
    @Test(arguments: [
        (ImageInfo.Format.jpeg, EncodedImage.jpeg(1600, 1067)),
        (.png, EncodedImage.png(1600, 1067)),
        (.gif, EncodedImage.gif(1600, 1067)),
        (.webp, EncodedImage.webp(1600, 1067)),
    ])
    func readsFormatAndSizeFromTheHeader(format: ImageInfo.Format, data: Data) throws {
        let info = try ImageInfo.read(header: data, path: "photo")
        #expect(info == ImageInfo(format: format, width: 1600, height: 1067))
    }

    @Test func readsAJPEGWhoseSizeComesAfterALargeSegment() throws {
        let jpeg = EncodedImage.jpeg(640, 480)
        // An APP1 (EXIF-like) segment of 60 KB between the start marker and the frame header.
        let payload = Data(repeating: 0x41, count: 60_000)
        var withExif = Data([0xFF, 0xD8, 0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)])
        withExif += payload
        withExif += jpeg.dropFirst(2)
        #expect(try ImageInfo.read(header: withExif, path: "exif.jpg") == ImageInfo(format: .jpeg, width: 640, height: 480))
    }

    @Test func aGitLFSPointerIsNamedAsSuch() {
        let pointer = Data("version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12345\n".utf8)
        #expect(throws: ImageInfoError.gitLFSPointer("cover.jpg")) { try ImageInfo.read(header: pointer, path: "cover.jpg") }
    }

    @Test func textWithAnImageExtensionIsNotAnImage() {
        #expect(throws: ImageInfoError.notAnImage("a.png")) { try ImageInfo.read(header: Data("hello".utf8), path: "a.png") }
    }

    @Test func aTruncatedHeaderIsAnErrorNotACrash() {
        let png = EncodedImage.png(10, 10)
        for length in [8, 12, 20] {
            #expect(throws: ImageInfoError.truncated("t.png", .png)) { try ImageInfo.read(header: png.prefix(length), path: "t.png") }
        }
        let jpeg = EncodedImage.jpeg(10, 10)
        #expect(throws: ImageInfoError.truncated("t.jpg", .jpeg)) { try ImageInfo.read(header: jpeg.prefix(40), path: "t.jpg") }
    }

    @Test func absurdDimensionsAreRejected() {
        var png = EncodedImage.png(10, 10)
        png.replaceSubrange(16..<20, with: [0x7F, 0xFF, 0xFF, 0xFF])
        #expect(throws: ImageInfoError.absurdDimensions("huge.png", 0x7FFF_FFFF, 10)) { try ImageInfo.read(header: png, path: "huge.png") }
    }

    @Test func readsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("imageinfo-\(UUID().uuidString).png")
        try EncodedImage.png(300, 200).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ImageInfo.read(contentsOf: url) == ImageInfo(format: .png, width: 300, height: 200))
    }
}
