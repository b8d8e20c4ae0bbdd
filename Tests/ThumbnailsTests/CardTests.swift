import CGD
import Foundation
import Testing
@testable import Thumbnails

@Suite struct CardTests {
    let flat: CardStyle = {
        var style = CardStyle()
        style.background = .color(RGBColor(hex: "#102030")!)
        return style
    }()

    @Test func cardIsA1200x630JPEGUnder300KB() throws {
        let photo = try TestPicture.quadrants(width: 1600, height: 1067).encoded(as: .jpeg)
        let content = CardContent(title: "Why we rewrote our static site generator", subtitle: "Blog · 25 November 2026 · Ada",
                                  backgroundImage: ImageSource(data: photo, path: "photo.jpg"))
        let data = try CardRenderer().render(content)
        #expect(try ImageInfo.read(header: data, path: "card") == ImageInfo(format: .jpeg, width: 1200, height: 630))
        #expect(data.count < 300_000)
        for format in [ImageInfo.Format.png, .webp] {
            var style = CardStyle()
            style.format = format
            let other = try CardRenderer(style: style).render(content)
            #expect(try ImageInfo.read(header: other, path: "card").format == format)
        }
    }

    @Test func titleIsDrawnInTheTitleBox() throws {
        let renderer = CardRenderer(style: flat)
        let content = CardContent(title: "Release notes for version 2.0", subtitle: "News · 1 March 2026")
        let layout = renderer.layout(content)
        let image = try renderer.renderImage(content)
        let ink = Ink(image: image, background: RGBColor(hex: "#102030")!)
        let box = layout.titleBox
        #expect(box.width == 1200 - 2 * 72)
        #expect(ink.count(in: box.x..<(box.x + box.width), box.y..<(box.y + box.height)) > 2000)
        // Nothing between the title box and the subtitle box, and the subtitle is drawn in its box.
        let subtitle = try #require(layout.subtitleBox)
        #expect(ink.count(in: 0..<1200, (box.y + box.height + 4)..<(subtitle.y - 4)) == 0)
        #expect(ink.count(in: subtitle.x..<(subtitle.x + subtitle.width), subtitle.y..<(subtitle.y + subtitle.height)) > 300)
        // The largest size fits a short title.
        #expect(layout.title.style.size == 72)
    }

    @Test func longTitlesShrinkThenEndWithAnEllipsis() throws {
        let renderer = CardRenderer(style: flat)
        let medium = renderer.layout(CardContent(title: String(repeating: "Static sites and image processing ", count: 3)))
        #expect(medium.title.style.size < 72 && medium.title.style.size >= 44)
        #expect(!medium.title.isTruncated)
        let long = renderer.layout(CardContent(title: String(repeating: "A title that goes on and on and on ", count: 10), subtitle: "Blog"))
        #expect(long.title.style.size == 44)
        #expect(long.title.isTruncated)
        #expect(long.title.lines.count <= 3)
        #expect(long.title.lines.last!.text.hasSuffix("…"))
        #expect(long.titleBox.y + long.titleBox.height <= long.subtitleBox!.y)
    }

    @Test func rightToLeftCardsAreRightAligned() throws {
        let renderer = CardRenderer(style: flat)
        let content = CardContent(title: "مرحبا بالعالم")
        let image = try renderer.renderImage(content)
        let bounds = try #require(Ink(image: image, background: RGBColor(hex: "#102030")!).bounds)
        #expect(bounds.maxX > 1200 - 72 - 6 && bounds.maxX <= 1200 - 72 + 2)
        #expect(bounds.minX > 400)
    }

    @Test func cjkAndEmojiTitlesRender() throws {
        let renderer = CardRenderer(style: flat)
        let cjk = renderer.layout(CardContent(title: "週刊ニュースレター第二十五号：新しいリリースのお知らせと今後の予定について", language: "ja"))
        #expect(cjk.title.lines.count >= 2)
        let emoji = try renderer.renderImage(CardContent(title: "Launch day 🚀🎉"))
        #expect(Ink(image: emoji, background: RGBColor(hex: "#102030")!).saturatedCount > 500)
    }

    @Test func logoIsPlacedAtTheTopStart() throws {
        let logo = try TestPicture.quadrants(width: 200, height: 100).encoded(as: .png)
        let renderer = CardRenderer(style: flat)
        let content = CardContent(title: "With a logo", logo: ImageSource(data: logo, path: "logo.png"))
        let image = try renderer.renderImage(content)
        let layout = renderer.layout(content, logoSize: (128, 64))
        #expect(layout.logoBox == Box(x: 72, y: 72, width: 128, height: 64))
        #expect(near(image.pixel(x: 80, y: 80), 255, 0, 0))
        #expect(near(image.pixel(x: 190, y: 130), 255, 255, 0))
        #expect(layout.titleBox.y >= 72 + 64)
    }

    @Test func backgroundImagesAreDarkened() throws {
        let white = try Image(width: 800, height: 600, color: .white).encoded(as: .png)
        var style = flat
        style.imageDarkening = 0.5
        let image = try CardRenderer(style: style).renderImage(CardContent(title: "", backgroundImage: ImageSource(data: white, path: "white.png")))
        #expect(near(image.pixel(x: 5, y: 5), 128, 128, 128, tolerance: 2))
        #expect(throws: ImageError.self) {
            try CardRenderer(style: style).renderImage(CardContent(title: "x", backgroundImage: ImageSource(data: Data("not an image".utf8), path: "bad.jpg")))
        }
    }

    @Test func sameInputsGiveByteIdenticalOutput() throws {
        let photo = try TestPicture.quadrants(width: 900, height: 700).encoded(as: .jpeg)
        let content = CardContent(title: "Deterministic مرحبا 週刊 🎉", subtitle: "Blog · Ada", backgroundImage: ImageSource(data: photo, path: "p.jpg"))
        for format in [ImageInfo.Format.jpeg, .png, .webp] {
            var style = CardStyle()
            style.format = format
            let first = try CardRenderer(style: style).render(content)
            // A fresh font library too: nothing cached may change the pixels.
            let second = try CardRenderer(style: style, library: FontLibrary()).render(content)
            #expect(first == second, "\(format)")
        }
    }

    @Test func subtitleJoinsThePartsPresent() {
        #expect(CardContent.subtitle("Blog", nil, " 25 November 2026 ", "", "Ada") == "Blog · 25 November 2026 · Ada")
        #expect(CardContent.subtitle(nil, "") == nil)
    }
}
