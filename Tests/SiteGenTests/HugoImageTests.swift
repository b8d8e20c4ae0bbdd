import Foundation
import Testing
@testable import SiteGen
import Thumbnails

/// Hugo's image methods (`Resize`, `Fit`, `Fill`, `Crop`): specs, keys, file names and pixel
/// sizes as Hugo 0.111 makes them (every expected value is what Hugo wrote for a small site),
/// and the errors a template gets. `HugoSiteTests` builds the `images` fixture end to end.
@Suite struct HugoImageTests {
    static func spec(_ action: ImageAction, _ text: String, source: HugoImageFormat = .jpeg,
                     imaging: ImagingConfig = ImagingConfig()) throws -> ImageSpec {
        try ImageSpec(action, text, imaging: imaging, sourceFormat: source)
    }

    @Test func keysAreHugos() throws {
        let cases: [(ImageAction, String, HugoImageFormat, String)] = [
            (.resize, "100x", .jpeg, "100x0_resize_q75_box"),
            (.resize, "x77", .jpeg, "0x77_resize_q75_box"),
            (.fill, "50x50 TopLeft q80", .jpeg, "50x50_fill_q80_box_topleft"),
            (.fit, "80x80", .jpeg, "80x80_fit_q75_box"),
            (.crop, "40x30", .jpeg, "40x30_crop_q75_box_smart1"),
            (.resize, "100x png", .jpeg, "100x0_resize_box"),
            (.resize, "100x webp", .jpeg, "100x0_resize_q75_h2_box"),
            (.resize, "100x r90", .jpeg, "100x0_resize_q75_r90_box"),
            (.resize, "50x r-90", .jpeg, "50x0_resize_q75_r-90_box"),
            (.resize, "33x", .png, "33x0_resize_box_3"),
            (.resize, "60x jpg", .png, "60x0_resize_q75_bgffffff_box_3"),
            (.resize, "30x tiff", .png, "30x0_resize_box_3"),
            (.resize, "50X NearestNeighbor Q60 foo", .jpeg, "50x0_resize_q60_nearestneighbor"),
            (.fill, "30x30 BottomRight CatmullRom", .jpeg, "30x30_fill_q75_catmullrom_bottomright"),
            (.resize, "32x #ff0000", .jpeg, "32x0_resize_q75_bgff0000_box"),
            (.resize, "32x png #00f", .jpeg, "32x0_resize_bg00f_box"),
            (.resize, "40x q50 drawing", .webp, "40x0_resize_q50_h3_box_2"),
            (.resize, "40x jpg", .webp, "40x0_resize_q75_bgffffff_box_2"),
            (.resize, "32x", .gif, "32x0_resize_box_1"),
        ]
        for (action, text, source, key) in cases {
            #expect(try Self.spec(action, text, source: source).key(sourceFormat: source) == key, "\(action) \(text)")
        }
    }

    @Test func imagingConfigGivesTheDefaults() throws {
        let imaging = try ImagingConfig(site: ["imaging": .table(["quality": .int(60), "resampleFilter": .string("CatmullRom"),
                                                                  "anchor": .string("TopLeft"), "bgColor": .string("#000000")])])
        #expect(try Self.spec(.resize, "50x", imaging: imaging).key(sourceFormat: .jpeg) == "50x0_resize_q60_catmullrom")
        #expect(try Self.spec(.fill, "50x50", imaging: imaging).key(sourceFormat: .jpeg) == "50x50_fill_q60_catmullrom_topleft")
        #expect(try Self.spec(.resize, "50x webp", imaging: imaging).key(sourceFormat: .jpeg) == "50x0_resize_q60_h2_catmullrom")
        #expect(try Self.spec(.resize, "50x jpg", source: .png, imaging: imaging).key(sourceFormat: .png) == "50x0_resize_q60_bg000000_catmullrom_3")
        #expect(throws: ImageProcessingError.self) { try ImagingConfig(site: ["imaging": .table(["anchor": .string("bogus")])]) }
        #expect(throws: ImageProcessingError.self) { try ImagingConfig(site: ["imaging": .table(["quality": .int(101)])]) }
    }

    @Test func badSpecsFailWithHugosMessages() {
        let cases: [(ImageAction, String, String)] = [
            (.resize, "abc", "must provide Width or Height"),
            (.resize, "100xabc", #"strconv.Atoi: parsing "abc": invalid syntax"#),
            (.resize, "1x2x3", "invalid image dimensions"),
            (.fill, "100x", "must provide Width and Height"),
            (.crop, "0x0", "must provide Width and Height"),
            (.resize, "100x q0", "quality ranges from 1 to 100 inclusive"),
            (.resize, "100x qq", #"strconv.Atoi: parsing "q": invalid syntax"#),
            (.resize, "100x rabc", #"strconv.Atoi: parsing "abc": invalid syntax"#),
            (.resize, "100x #ggg", "encoding/hex: invalid byte: U+0067 'g'"),
            (.resize, "", "image config cannot be empty"),
        ]
        for (action, text, message) in cases {
            do {
                _ = try Self.spec(action, text)
                Issue.record("\(action) \(text) was accepted")
            } catch {
                #expect("\(error)" == "image spec \"\(text)\": \(message)")
            }
        }
    }

    @Test func sizesAreHugos() throws {
        let cases: [(PixelSize, ImageAction, String, PixelSize)] = [
            (PixelSize(width: 300, height: 200), .resize, "100x", PixelSize(width: 100, height: 67)),
            (PixelSize(width: 300, height: 200), .resize, "x77", PixelSize(width: 116, height: 77)),
            (PixelSize(width: 300, height: 200), .resize, "600x", PixelSize(width: 600, height: 400)),
            (PixelSize(width: 300, height: 200), .resize, "10x10", PixelSize(width: 10, height: 10)),
            (PixelSize(width: 300, height: 200), .fit, "80x80", PixelSize(width: 80, height: 53)),
            (PixelSize(width: 300, height: 200), .fit, "1000x1000", PixelSize(width: 300, height: 200)),
            (PixelSize(width: 300, height: 200), .fill, "600x100", PixelSize(width: 600, height: 100)),
            (PixelSize(width: 300, height: 200), .crop, "400x100 TopRight", PixelSize(width: 300, height: 100)),
            // Rotation turns the image first; other angles than right ones grow it.
            (PixelSize(width: 300, height: 200), .resize, "100x r90", PixelSize(width: 100, height: 150)),
            (PixelSize(width: 300, height: 200), .resize, "50x r-90", PixelSize(width: 50, height: 75)),
            (PixelSize(width: 300, height: 200), .resize, "50x r45", PixelSize(width: 50, height: 50)),
            (PixelSize(width: 300, height: 200), .resize, "50x r30", PixelSize(width: 50, height: 45)),
            (PixelSize(width: 300, height: 200), .resize, "50x r360", PixelSize(width: 50, height: 33)),
            (PixelSize(width: 200, height: 100), .resize, "50x r30", PixelSize(width: 50, height: 42)),
            // Smart crops keep the region smartcrop finds, at most the box.
            (PixelSize(width: 300, height: 200), .crop, "40x30", PixelSize(width: 40, height: 30)),
            (PixelSize(width: 300, height: 200), .crop, "400x100", PixelSize(width: 300, height: 75)),
            (PixelSize(width: 300, height: 200), .crop, "700x300", PixelSize(width: 300, height: 128)),
            (PixelSize(width: 300, height: 200), .crop, "301x150", PixelSize(width: 300, height: 149)),
            (PixelSize(width: 300, height: 200), .crop, "100x250", PixelSize(width: 80, height: 200)),
            (PixelSize(width: 1203, height: 901), .crop, "1203x900", PixelSize(width: 1202, height: 898)),
            (PixelSize(width: 1203, height: 901), .crop, "1100x900", PixelSize(width: 1099, height: 900)),
            (PixelSize(width: 1203, height: 901), .crop, "1300x1000", PixelSize(width: 1171, height: 901)),
            (PixelSize(width: 1203, height: 901), .crop, "700x901", PixelSize(width: 698, height: 901)),
        ]
        for (source, action, text, size) in cases {
            #expect(ImagePlan(try Self.spec(action, text), source: source).size == size, "\(source) \(action) \(text)")
        }
    }

    @Test func namesAreHugos() {
        let fingerprint = "_hua2e808c895778b988e2ae9d9e2b8099a_5670"
        #expect(ProcessedImageName.name(processing: "cover.jpg", from: .jpeg, into: .png, fingerprint: fingerprint, key: "100x0_resize_box")
                == "cover\(fingerprint)_100x0_resize_box.png")
        // A chain's name would grow with each key: Hugo hashes the key and keeps the start of the name.
        #expect(ProcessedImageName.name(processing: "c\(fingerprint)_200x0_resize_q75_box.jpg", from: .jpeg, into: .jpeg,
                                        fingerprint: fingerprint, key: "50x50_fill_q75_box_center")
                == "c\(fingerprint)_e15003953e022d5b3c728d14e2bf94e0.jpg")
        // So does a long name, of which nothing is kept.
        #expect(ProcessedImageName.name(processing: "a-very-long-file-name-that-goes-on-and-on-and-on-forever-and-ever-x.jpg",
                                        from: .jpeg, into: .jpeg, fingerprint: "_hu94f3573aed0384da8d50d1dd4fc59194_3365",
                                        key: "20x0_resize_q75_box")
                == "_hu94f3573aed0384da8d50d1dd4fc59194_3365_9a5fa7dad196cdee010584640238124e.jpg")
    }

    /// Hugo's MD5 of a file's first bytes and of those at 2048, however long it is.
    @Test func fingerprintsAreHugos() throws {
        let cases: [(Int, String)] = [(5000, "c08dfe28e594d6172e04ad84670daf7e"), (2100, "08a5b57a54c1b0d7067ed8f7f0490812"),
                                      (100, "915fd13d335b44053a1db54db66a87bc"), (10, "f4ce5da05899a2acf8940ac85068ae0e")]
        for (count, hash) in cases {
            let data = Data((0..<count).map { UInt8(($0 * $0 + 3 * $0) % 251) })
            #expect(try ProcessedImageName.fingerprint(of: .data(data)) == "_hu\(hash)_\(count)")
        }
    }

    // MARK: In a site

    static func site(_ template: String) throws -> TestSite {
        let site = try TestSite([
            "config.toml": "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
            "content/post/index.md": "---\ntitle: Post\n---\n",
            "content/post/notes.txt": "notes",
            "content/post/broken.jpg": "not a JPEG",
            "layouts/_default/list.html": "home",
            "layouts/_default/single.html": template,
        ])
        try site.write("content/post/photo.jpg", try Image(width: 90, height: 60, color: RGBColor(red: 200, green: 40, blue: 90)).encoded(as: .jpeg))
        return site
    }

    @Test func aProcessedImageIsWrittenWhereHugoWritesIt() throws {
        let site = try Self.site(#"{{ with (.Resources.GetMatch "photo.jpg").Fill "30x20 webp" }}{{ .RelPermalink }} {{ .Width }}x{{ .Height }}{{ end }}"#)
        try site.build()
        let page = try site.read("post/index.html")
        let path = try #require(page.split(separator: " ").first.map(String.init))
        #expect(path.hasPrefix("/post/photo_hu") && path.hasSuffix("_30x20_fill_q75_h2_box_smart1.webp"))
        #expect(page.hasSuffix(" 30x20"))
        let written = try Data(contentsOf: site.output.appendingPathComponent(String(path.dropFirst())))
        #expect(try ImageInfo.read(header: written, path: path) == ImageInfo(format: .webp, width: 30, height: 20))
    }

    @Test func errorsNameTheSpecOrTheResource() throws {
        let cases = [
            (#"{{ (.Resources.GetMatch "photo.jpg").Fill "100x" }}"#, #"error calling Fill: image spec "100x": must provide Width and Height"#),
            (#"{{ (.Resources.GetMatch "notes.txt").Resize "10x" }}"#, #"error calling Resize: "notes.txt": this method is only available for image resources"#),
            (#"{{ ((.Resources.GetMatch "photo.jpg").Resize "10x").Content }}"#, #"error calling Content: "photo.jpg": SiteGen cannot give"#),
            (#"{{ (.Resources.GetMatch "broken.jpg").Resize "10x" }}"#, #"error calling Resize: image "content/post/broken.jpg": libgd cannot decode it as image/jpeg"#),
        ]
        for (template, message) in cases {
            let diagnostics = try Self.site(template).failedBuild()
            #expect(diagnostics.contains { $0.description.contains("layouts/_default/single.html:1:") && $0.description.contains(message) },
                    "\(diagnostics)")
        }
    }
}
