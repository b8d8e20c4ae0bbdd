import CRaqm
import Foundation

public enum TextDirection: String, Sendable, Hashable, Codable {
    case leftToRight, rightToLeft
}

public enum TextAlignment: String, Sendable, Hashable, Codable {
    /// Left for left-to-right paragraphs, right for right-to-left ones.
    case natural, left, center, right
}

/// How to set a piece of text.
public struct TextStyle: Sendable, Hashable, Codable {
    public var fonts: FontStack
    /// The font size in pixels (the em square).
    public var size: Double
    /// Distance between baselines, as a multiple of `size`.
    public var lineSpacing: Double
    /// BCP 47 language tag, for shaping (and line breaking) rules that depend on it.
    public var language: String?

    public init(fonts: FontStack = .noto(), size: Double, lineSpacing: Double = 1.2, language: String? = nil) {
        self.fonts = fonts
        self.size = size
        self.lineSpacing = lineSpacing
        self.language = language
    }
}

/// One glyph placed on a line: `x` from the line's left edge, `y` from its baseline (down), in pixels.
public struct PositionedGlyph: Sendable, Hashable {
    public var glyph: UInt32
    /// Which face (an index into the font library) draws it.
    public var face: Int
    public var x: Double
    public var y: Double
    public var advance: Double
    /// Index of the first Unicode scalar of the line's text that this glyph draws.
    public var cluster: Int
    public var isColor: Bool
}

public struct TextLine: Sendable, Hashable {
    /// The text of the line as drawn (with the ellipsis, without the spaces at the break).
    public var text: String
    public var width: Double
    /// In visual order, left to right.
    public var glyphs: [PositionedGlyph]
}

/// Text broken into lines that fit a width, shaped and ready to draw.
public struct TextLayout: Sendable {
    public var style: TextStyle
    public var lines: [TextLine]
    public var direction: TextDirection
    /// The text did not fit in the lines allowed and the last line ends with `…`.
    public var isTruncated: Bool
    /// Baseline-to-baseline distance, in pixels.
    public var lineHeight: Double
    /// From the top of a line box to its baseline.
    public var ascent: Double

    public var width: Double { lines.map(\.width).max() ?? 0 }
    public var height: Double { Double(lines.count) * lineHeight }

    /// Lays `text` out in lines at most `maxWidth` pixels wide (no limit when nil), breaking where
    /// Unicode's line-breaking rules (UAX #14) allow, and at most `maxLines` lines: the last one then
    /// ends with an ellipsis.
    public init(_ text: String, style: TextStyle, maxWidth: Double? = nil, maxLines: Int? = nil,
                library: FontLibrary = .shared) {
        self = library.withLock { Typesetter(library: library, style: style).layout(text, maxWidth: maxWidth, maxLines: maxLines) }
    }

    init(style: TextStyle, lines: [TextLine], direction: TextDirection, isTruncated: Bool, lineHeight: Double, ascent: Double) {
        self.style = style
        self.lines = lines
        self.direction = direction
        self.isTruncated = isTruncated
        self.lineHeight = lineHeight
        self.ascent = ascent
    }
}

/// Does the work of `TextLayout` with the library's lock held.
struct Typesetter {
    let library: FontLibrary
    let style: TextStyle

    static let lineBreaking: Void = { init_linebreak() }()

    func layout(_ text: String, maxWidth: Double?, maxLines: Int?) -> TextLayout {
        let scalars = text.unicodeScalars.map(\.value)
        let direction = Typesetter.direction(of: text)
        let faces = assignFaces(text)
        let primary = style.fonts.fonts.lazy.compactMap { library.face(forEntry: $0) }.first
        let (ascent, descent) = metrics(primary)
        let lineHeight = (style.size * style.lineSpacing).rounded()
        let top = ((lineHeight - ascent - descent) / 2 + ascent).rounded()
        func finish(_ lines: [TextLine], truncated: Bool) -> TextLayout {
            TextLayout(style: style, lines: lines, direction: direction, isTruncated: truncated, lineHeight: lineHeight, ascent: top)
        }
        guard !scalars.isEmpty else { return finish([], truncated: false) }

        // Advances per scalar, from shaping the whole paragraph once.
        let whole = shape(scalars, faces: faces, direction: direction)
        var advances = [Double](repeating: 0, count: scalars.count)
        for glyph in whole { advances[min(glyph.cluster, scalars.count - 1)] += glyph.advance }

        Typesetter.lineBreaking
        var breaks = [CChar](repeating: 0, count: scalars.count)
        Typesetter.breakableProxy(scalars).withUnsafeBufferPointer { buffer in
            set_linebreaks_utf32(buffer.baseAddress, buffer.count, style.language, &breaks)
        }
        // Grapheme boundaries, for breaking a word too long for a line.
        var graphemeEnds: [Int] = []
        var position = 0
        for character in text { position += character.unicodeScalars.count; graphemeEnds.append(position) }

        func isSpace(_ index: Int) -> Bool {
            let value = scalars[index]
            return value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x3000 || value == 0x2028 || value == 0x2029 || value == 0x85 || value == 0x0B || value == 0x0C
        }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound, end = range.upperBound
            while end > start, isSpace(end - 1) { end -= 1 }
            while start < end, isSpace(start) { start += 1 }
            return start..<end
        }
        func width(_ range: Range<Int>) -> Double {
            trimmed(range).reduce(0) { $0 + advances[$1] }
        }
        let limit = maxWidth ?? .infinity

        // Greedy filling, break opportunity by break opportunity.
        var ranges: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            while start < scalars.count, isSpace(start), scalars[start] != 0x0A { start += 1 }
            if start >= scalars.count { break }
            var end: Int?
            var index = start
            while index < scalars.count {
                let kind = Int32(breaks[index])
                if kind == LINEBREAK_MUSTBREAK || kind == LINEBREAK_ALLOWBREAK {
                    if width(start..<index + 1) <= limit { end = index + 1 } else { break }
                    if kind == LINEBREAK_MUSTBREAK { break }
                }
                index += 1
            }
            if end == nil {
                // No opportunity fits: break between graphemes, at least one per line.
                var last = graphemeEnds.first { $0 > start } ?? scalars.count
                for boundary in graphemeEnds where boundary > last {
                    if width(start..<boundary) <= limit { last = boundary } else { break }
                }
                end = last
            }
            if !trimmed(start..<end!).isEmpty || scalars[start] == 0x0A { ranges.append(start..<end!) }
            start = end!
        }

        var truncated = false
        if let maxLines, maxLines > 0, ranges.count > maxLines {
            truncated = true
            let lastStart = ranges[maxLines - 1].lowerBound
            ranges = Array(ranges.prefix(maxLines - 1))
            let ellipsisWidth = shape([0x2026], faces: faces.isEmpty ? [] : [faces[lastStart]], direction: direction)
                .reduce(0) { $0 + $1.advance }
            // The longest start of the rest that leaves room for the ellipsis: at a word break when that
            // keeps most of the line, else between graphemes.
            // The last line ends at the first mandatory break (a newline) of the rest, if any.
            var hardEnd = scalars.count
            for index in lastStart..<scalars.count - 1 where Int32(breaks[index]) == LINEBREAK_MUSTBREAK {
                hardEnd = index + 1
                break
            }
            var byGrapheme = lastStart, byWord = lastStart
            for boundary in graphemeEnds where boundary > lastStart && boundary <= hardEnd {
                guard width(lastStart..<boundary) + ellipsisWidth <= limit else { break }
                byGrapheme = boundary
                let kind = Int32(breaks[boundary - 1])
                if kind == LINEBREAK_ALLOWBREAK || kind == LINEBREAK_MUSTBREAK || isSpace(boundary - 1) { byWord = boundary }
            }
            let cut = width(lastStart..<byWord) >= 0.7 * min(limit, width(lastStart..<scalars.count)) ? byWord : byGrapheme
            ranges.append(lastStart..<cut)
        }

        var lines: [TextLine] = []
        for (number, range) in ranges.enumerated() {
            let visible = trimmed(range)
            var lineScalars = Array(scalars[visible])
            var lineFaces = Array(faces[visible])
            if truncated && number == ranges.count - 1 {
                lineScalars.append(0x2026)
                lineFaces.append(lineFaces.last ?? faces.first ?? nil)
            }
            let glyphs = shape(lineScalars, faces: lineFaces, direction: direction)
            var pen = 0.0
            let placed = glyphs.map { glyph -> PositionedGlyph in
                defer { pen += glyph.advance }
                return PositionedGlyph(glyph: glyph.index, face: glyph.face.id, x: pen + glyph.xOffset, y: -glyph.yOffset,
                                       advance: glyph.advance, cluster: glyph.cluster, isColor: glyph.face.isColor)
            }
            var lineText = String(String.UnicodeScalarView(lineScalars.compactMap(Unicode.Scalar.init)))
            lineText = lineText.trimmingCharacters(in: .newlines)
            lines.append(TextLine(text: lineText, width: pen, glyphs: placed))
        }
        return finish(lines, truncated: truncated)
    }

    /// libunibreak 1.1 (Debian 12) aborts on regional indicators (flags): each pair stands in as an
    /// ideograph and a combining mark, which break the same way (around the flag, never inside it).
    static func breakableProxy(_ scalars: [UInt32]) -> [UInt32] {
        var result = scalars
        var pairOpen = false
        for index in result.indices {
            if (0x1F1E6...0x1F1FF).contains(result[index]) {
                result[index] = pairOpen ? 0x0300 : 0x3042
                pairOpen.toggle()
            } else {
                pairOpen = false
            }
        }
        return result
    }

    // MARK: Fonts

    private func metrics(_ face: FontFace?) -> (ascent: Double, descent: Double) {
        guard let face, face.face.pointee.units_per_EM > 0 else { return (style.size * 0.9, style.size * 0.25) }
        let units = Double(face.face.pointee.units_per_EM)
        return (Double(face.face.pointee.ascender) / units * style.size, -Double(face.face.pointee.descender) / units * style.size)
    }

    /// The face for each scalar: per grapheme cluster, the first face of the stack that has all of it
    /// (emoji-presentation clusters prefer colour fonts), else fontconfig's fallback. Spaces and
    /// punctuation stay in the current face when it has them, so a run of Arabic is not split at a space.
    func assignFaces(_ text: String) -> [FontFace?] {
        var result: [FontFace?] = []
        var current: FontFace?
        let stack = style.fonts.fonts.compactMap { library.face(forEntry: $0) }
        for character in text {
            let scalars = character.unicodeScalars.map(\.value)
            let needed = scalars.filter { !Typesetter.isIgnorable($0) }
            let emoji = character.unicodeScalars.contains { $0.value == 0xFE0F }
                || (character.unicodeScalars.first.map { $0.properties.isEmojiPresentation } ?? false)
            let neutral = character.unicodeScalars.allSatisfy {
                !$0.properties.isAlphabetic && !$0.properties.isEmojiPresentation
            }
            var chosen: FontFace?
            if neutral, !emoji, let current, !current.isColor, needed.allSatisfy(current.covers) {
                chosen = current
            } else {
                let candidates = emoji ? stack.filter(\.isColor) + stack.filter { !$0.isColor } : stack
                chosen = candidates.first { face in needed.allSatisfy(face.covers) }
                    ?? needed.first.flatMap { library.fallbackFace(for: $0, like: style.fonts.fonts.first) }
                    ?? candidates.first { face in needed.first.map(face.covers) ?? true }
                    ?? stack.first
            }
            current = chosen
            result += Array(repeating: chosen, count: scalars.count)
        }
        return result
    }

    static func isIgnorable(_ value: UInt32) -> Bool {
        value == 0x200C || value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0xE0000...0xE0FFF).contains(value)
            || value < 0x20 || value == 0x2028 || value == 0x2029
    }

    // MARK: Shaping

    struct ShapedGlyph {
        let index: UInt32
        let face: FontFace
        let advance: Double, xOffset: Double, yOffset: Double
        let cluster: Int
    }

    /// Shapes one paragraph or line with raqm (bidi reordering, joining, reordering of Indic clusters).
    /// The glyphs come in visual order.
    func shape(_ scalars: [UInt32], faces: [FontFace?], direction: TextDirection) -> [ShapedGlyph] {
        guard !scalars.isEmpty, let fallback = faces.lazy.compactMap({ $0 }).first else { return [] }
        let rq = raqm_create()!
        defer { raqm_destroy(rq) }
        var scales: [Int: Double] = [:]
        scalars.withUnsafeBufferPointer { buffer in
            _ = raqm_set_text(rq, buffer.baseAddress, buffer.count)
        }
        _ = raqm_set_par_direction(rq, direction == .rightToLeft ? RAQM_DIRECTION_RTL : RAQM_DIRECTION_LTR)
        if let language = style.language { _ = raqm_set_language(rq, language, 0, scalars.count) }
        scales[fallback.id] = fallback.prepare(size: style.size)
        _ = raqm_set_freetype_face(rq, fallback.face)
        var start = 0
        while start < scalars.count {
            let face = faces[start] ?? fallback
            var end = start + 1
            while end < scalars.count, (faces[end] ?? fallback) === face { end += 1 }
            if scales[face.id] == nil { scales[face.id] = face.prepare(size: style.size) }
            _ = raqm_set_freetype_face_range(rq, face.face, start, end - start)
            start = end
        }
        guard raqm_layout(rq) else { return [] }
        var count = 0
        guard let glyphs = raqm_get_glyphs(rq, &count) else { return [] }
        return (0..<count).map { i in
            let glyph = glyphs[i]
            let face = glyph.ftface.flatMap(library.font(for:)) ?? fallback
            let scale = scales[face.id] ?? 1.0 / 64
            return ShapedGlyph(index: glyph.index, face: face, advance: Double(glyph.x_advance) * scale,
                               xOffset: Double(glyph.x_offset) * scale, yOffset: Double(glyph.y_offset) * scale,
                               cluster: Int(glyph.cluster))
        }
    }

    // MARK: Direction

    /// The paragraph's direction from its first strong character (UAX #9, rules P2–P3).
    static func direction(of text: String) -> TextDirection {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value) || (0xFE70...0xFEFE).contains(value)
                || (0x10800...0x10FFF).contains(value) || (0x1E800...0x1EFFF).contains(value) {
                // Arabic-Indic digits and combining marks are not strong.
                if (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value) || scalar.properties.generalCategory == .nonspacingMark { continue }
                return .rightToLeft
            }
            if scalar.properties.isAlphabetic { return .leftToRight }
        }
        return .leftToRight
    }
}
