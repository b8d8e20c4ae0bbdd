import CGD
import CRaqm
import Foundation
import Testing
@testable import Thumbnails

/// Where drawing changed the background.
struct Ink {
    let image: Image
    let background: RGBColor

    func isInk(_ x: Int, _ y: Int) -> Bool {
        let p = image.pixel(x: x, y: y)
        return abs(p.red - Int(background.red)) + abs(p.green - Int(background.green)) + abs(p.blue - Int(background.blue)) > 30
    }

    /// The smallest rectangle holding every changed pixel.
    var bounds: (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
        var result: (Int, Int, Int, Int)?
        for y in 0..<image.height {
            for x in 0..<image.width where isInk(x, y) {
                if let r = result { result = (min(r.0, x), min(r.1, y), max(r.2, x), max(r.3, y)) } else { result = (x, y, x, y) }
            }
        }
        return result
    }

    func count(in xs: Range<Int>, _ ys: Range<Int>) -> Int {
        ys.reduce(0) { total, y in total + xs.filter { isInk($0, y) }.count }
    }

    /// Pixels clearly coloured: one channel far from the others.
    var saturatedCount: Int {
        var count = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x: x, y: y)
                if max(p.red, p.green, p.blue) - min(p.red, p.green, p.blue) > 80 { count += 1 }
            }
        }
        return count
    }
}

func render(_ text: String, size: Double = 40, width: Int = 600, height: Int = 200, maxLines: Int? = nil,
            background: RGBColor = RGBColor(red: 128, green: 128, blue: 128), box: (x: Int, y: Int, width: Int)? = nil) -> (Image, TextLayout) {
    let box = box ?? (20, 20, width - 40)
    let layout = TextLayout(text, style: TextStyle(fonts: .noto(bold: true), size: size), maxWidth: Double(box.width), maxLines: maxLines)
    let image = Image(width: width, height: height, color: background)
    image.draw(layout, x: box.x, y: box.y, width: box.width, color: .white)
    return (image, layout)
}

@Suite struct TextTests {
    @Test func textIsDrawnInsideItsBox() throws {
        let (image, layout) = render("Hello, SiteGen", box: (100, 50, 400))
        let ink = Ink(image: image, background: RGBColor(red: 128, green: 128, blue: 128))
        let bounds = try #require(ink.bounds)
        #expect(layout.lines.count == 1)
        #expect(bounds.minX >= 98 && bounds.maxX <= 500)
        #expect(bounds.minY >= 48 && bounds.maxY <= 50 + Int(layout.height) + 2)
        // Left-aligned: ink starts at the box's left edge and ends where the layout says.
        #expect(bounds.minX <= 106)
        #expect(abs(Double(bounds.maxX - 100) - layout.lines[0].width) < 6)
        #expect(ink.count(in: 100..<500, 50..<(50 + Int(layout.height))) > 500)
    }

    @Test func latinTextHasLigaturesAndKerningFromHarfBuzz() {
        let ligature = TextLayout("ffi", style: TextStyle(fonts: .noto(), size: 40))
        #expect(ligature.lines[0].glyphs.count < 3, "ffi ligature")
    }

    /// "بيت": shaping must give the final, medial and initial forms (joined), placed right to left.
    @Test func arabicIsJoinedAndRunsRightToLeft() throws {
        let layout = TextLayout("بيت", style: TextStyle(fonts: .noto(), size: 60))
        #expect(layout.direction == .rightToLeft)
        let glyphs = layout.lines[0].glyphs
        #expect(glyphs.count == 3)
        // Visual order left to right is logical order reversed: clusters 2, 1, 0.
        #expect(glyphs.map(\.cluster) == [2, 1, 0])
        #expect(zip(glyphs, glyphs.dropFirst()).allSatisfy { $0.x < $1.x })
        // The glyphs are those of the presentation forms teh-final, yeh-medial, beh-initial.
        let library = FontLibrary.shared
        let expected: [UInt32] = library.withLock {
            let face = library.face(id: glyphs[0].face)!
            return [0xFE96, 0xFEF4, 0xFE91].map { FT_Get_Char_Index(face.face, $0) }
        }
        #expect(!expected.contains(0))
        #expect(glyphs.map(\.glyph) == expected)
        let isolated = TextLayout("ب", style: TextStyle(fonts: .noto(), size: 60)).lines[0].glyphs[0].glyph
        #expect(glyphs[2].glyph != isolated)
    }

    /// Pixel-level: the joined word is one connected stroke along the baseline; with joining
    /// forbidden (ZWNJ) the letters stand apart, and the rendering differs beyond a tolerance.
    @Test func arabicRenderingIsJoined() throws {
        let background = RGBColor(red: 128, green: 128, blue: 128)
        func emptyColumns(_ text: String) throws -> (Int, Image) {
            let (image, _) = render(text, size: 80, width: 400, height: 160)
            let ink = Ink(image: image, background: background)
            let bounds = try #require(ink.bounds)
            let empty = (bounds.minX...bounds.maxX).filter { x in !(0..<image.height).contains { ink.isInk(x, $0) } }.count
            return (empty, image)
        }
        let (joinedGaps, joined) = try emptyColumns("بيت")
        let (isolatedGaps, isolated) = try emptyColumns("ب\u{200C}ي\u{200C}ت")
        #expect(joinedGaps == 0)
        #expect(isolatedGaps > 0)
        var different = 0
        for y in 0..<joined.height { for x in 0..<joined.width where !near(joined.pixel(x: x, y: y), isolated.pixel(x: x, y: y).red, isolated.pixel(x: x, y: y).green, isolated.pixel(x: x, y: y).blue, tolerance: 40) { different += 1 } }
        #expect(different > 200)
    }

    @Test func rightToLeftParagraphsAreRightAligned() throws {
        let (image, layout) = render("مرحبا بالعالم", box: (20, 20, 560))
        #expect(layout.direction == .rightToLeft)
        let bounds = try #require(Ink(image: image, background: RGBColor(red: 128, green: 128, blue: 128)).bounds)
        #expect(bounds.maxX >= 570 && bounds.maxX <= 581)
        #expect(bounds.minX > 200)
    }

    @Test func devanagariIsShapedIntoConjuncts() {
        // क्ष is one conjunct glyph (or fewer glyphs than its three scalars).
        let layout = TextLayout("क्ष", style: TextStyle(fonts: .noto(), size: 40))
        #expect(layout.lines[0].glyphs.count < 3)
        // ि (the vowel sign i) is drawn before the consonant it follows in memory.
        let reordered = TextLayout("कि", style: TextStyle(fonts: .noto(), size: 40)).lines[0].glyphs
        #expect(reordered.count == 2)
        #expect(reordered[0].cluster == reordered[1].cluster)
    }

    @Test func emojiAreDrawnInColour() throws {
        let (image, layout) = render("Launch 🎉🚀", size: 48)
        #expect(layout.lines[0].glyphs.contains { $0.isColor })
        #expect(Ink(image: image, background: RGBColor(red: 128, green: 128, blue: 128)).saturatedCount > 300)
        let (plain, _) = render("Launch", size: 48)
        #expect(Ink(image: plain, background: RGBColor(red: 128, green: 128, blue: 128)).saturatedCount == 0)
        // Scaled to the text size: an emoji is about as tall as the font size.
        let emoji = TextLayout("😀", style: TextStyle(fonts: .noto(), size: 48)).lines[0]
        #expect(emoji.width > 40 && emoji.width < 70)
    }

    @Test func longTitlesEndWithAnEllipsisWithinTheLineLimit() {
        let title = "A very long title about static site generators, image processing, typography in every language and the many small details that make a link unfurl well"
        let layout = TextLayout(title, style: TextStyle(size: 48), maxWidth: 600, maxLines: 2)
        #expect(layout.isTruncated)
        #expect(layout.lines.count == 2)
        #expect(layout.lines.last!.text.hasSuffix("…"))
        #expect(layout.lines.allSatisfy { $0.width <= 600 })
        #expect(layout.lines[0].text.hasPrefix("A very long title"))
        let short = TextLayout("Short title", style: TextStyle(size: 48), maxWidth: 600, maxLines: 2)
        #expect(!short.isTruncated && short.lines.count == 1 && short.lines[0].text == "Short title")
    }

    @Test func truncationStopsAtANewline() {
        let layout = TextLayout("First line\nSecond line\nThird line", style: TextStyle(size: 40), maxWidth: 1000, maxLines: 2)
        #expect(layout.isTruncated)
        #expect(layout.lines.map(\.text) == ["First line", "Second line…"])
    }

    @Test func unknownFontsFallBackToInstalledOnes() {
        let layout = TextLayout("Hello مرحبا", style: TextStyle(fonts: FontStack(["No Such Font", "sans-serif"]), size: 40))
        #expect(layout.lines.count == 1)
        #expect(layout.width > 100)
        #expect(layout.lines[0].glyphs.allSatisfy { $0.glyph != 0 })
    }

    @Test func cjkTitlesWithoutSpacesWrap() {
        let title = "週刊ニュースレター第二十五号新しいリリースのお知らせと今後の予定について"
        let layout = TextLayout(title, style: TextStyle(fonts: .noto(language: "ja"), size: 48, language: "ja"), maxWidth: 500)
        #expect(layout.lines.count >= 3)
        #expect(layout.lines.allSatisfy { $0.width <= 500 })
        #expect(layout.lines.map(\.text).joined() == title)
        // Kinsoku: no line starts with a small kana or a long-vowel mark.
        #expect(layout.lines.dropFirst().allSatisfy { !"ーュッャョ".contains($0.text.first!) })
    }

    @Test func wordsWrapAtSpacesAndLongWordsBreak() {
        let layout = TextLayout("alpha beta gamma delta", style: TextStyle(size: 40), maxWidth: 250)
        #expect(layout.lines.count >= 2)
        #expect(layout.lines.allSatisfy { !$0.text.hasPrefix(" ") && !$0.text.hasSuffix(" ") })
        let long = TextLayout("Supercalifragilisticexpialidocious", style: TextStyle(size: 40), maxWidth: 200)
        #expect(long.lines.count > 1)
        #expect(long.lines.allSatisfy { $0.width <= 200 })
        let newline = TextLayout("one\ntwo", style: TextStyle(size: 40), maxWidth: 500)
        #expect(newline.lines.map(\.text) == ["one", "two"])
    }

    @Test func flagsAndZWJSequencesDoNotCrashLineBreaking() {
        let layout = TextLayout("Flags 🇫🇷🇩🇪 and family 👨‍👩‍👧", style: TextStyle(size: 40), maxWidth: 200)
        #expect(layout.lines.count >= 2)
        #expect(layout.lines.map(\.text).joined() .replacingOccurrences(of: " ", with: "") == "Flags🇫🇷🇩🇪andfamily👨‍👩‍👧")
        // Never inside a flag or a ZWJ sequence.
        #expect(layout.lines.allSatisfy { line in line.text.unicodeScalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }.count % 2 == 0 })
        #expect(layout.lines.contains { $0.text.contains("👨‍👩‍👧") })
    }

    @Test func layoutIsThreadSafe() async {
        let titles = ["Hello world", "مرحبا بالعالم", "नमस्ते दुनिया", "こんにちは世界", "🎉 Party"]
        let widths = await withTaskGroup(of: Double.self) { group in
            for i in 0..<40 {
                group.addTask { TextLayout(titles[i % titles.count], style: TextStyle(size: Double(30 + i % 4))).width }
            }
            return await group.reduce(into: [Double]()) { $0.append($1) }
        }
        #expect(widths.count == 40 && widths.allSatisfy { $0 > 0 })
    }
}
