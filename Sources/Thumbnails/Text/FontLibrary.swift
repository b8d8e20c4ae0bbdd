import CRaqm
import Foundation

/// Fonts to draw with, in order of preference: each is a fontconfig pattern (`Noto Sans:bold`,
/// `Noto Sans CJK JP`) or the path of a font file. A character none of them has is drawn with the
/// font fontconfig finds for it.
public struct FontStack: Sendable, Hashable, Codable {
    public var fonts: [String]

    public init(_ fonts: [String]) { self.fonts = fonts }

    /// Noto Sans and the Noto fonts for the scripts it lacks, then CJK and colour emoji (Debian's
    /// fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji). `language` (BCP 47) chooses the
    /// CJK glyph forms: `ja` Japanese, `ko` Korean, `zh-TW`/`zh-Hant` traditional, otherwise simplified.
    public static func noto(bold: Bool = false, language: String? = nil) -> FontStack {
        let cjk: String
        let tag = (language ?? "").lowercased()
        if tag.hasPrefix("ja") { cjk = "JP" }
        else if tag.hasPrefix("ko") { cjk = "KR" }
        else if tag.hasPrefix("zh-tw") || tag.hasPrefix("zh-hant") || tag.hasPrefix("zh-hk") { cjk = "TC" }
        else { cjk = "SC" }
        let weight = bold ? ":bold" : ""
        let families = [
            "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Bengali",
            "Noto Sans Tamil", "Noto Sans Telugu", "Noto Sans Kannada", "Noto Sans Malayalam", "Noto Sans Gujarati",
            "Noto Sans Gurmukhi", "Noto Sans Sinhala", "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer",
            "Noto Sans Myanmar", "Noto Sans Georgian", "Noto Sans Armenian", "Noto Sans Ethiopic",
            "Noto Sans CJK \(cjk)",
        ]
        return FontStack(families.map { $0 + weight } + ["Noto Color Emoji", "Noto Sans Symbols" + weight, "Noto Sans Symbols 2"])
    }
}

/// One face of one font file, loaded by FreeType. Used only while holding the library's lock.
final class FontFace: @unchecked Sendable {
    let id: Int
    let path: String
    let index: Int
    let face: FT_Face
    /// For bitmap-only fonts (Noto Color Emoji's CBDT strikes): the strike's size in pixels.
    let strikeSize: Double?
    let isColor: Bool

    init(id: Int, path: String, index: Int, face: FT_Face) {
        self.id = id
        self.path = path
        self.index = index
        self.face = face
        let flags = face.pointee.face_flags
        isColor = flags & (1 << 14) != 0  // FT_FACE_FLAG_COLOR
        if flags & 1 == 0, face.pointee.num_fixed_sizes > 0 {  // not scalable, has strikes
            let sizes = face.pointee.available_sizes!
            let best = (0..<Int(face.pointee.num_fixed_sizes)).max { sizes[$0].y_ppem < sizes[$1].y_ppem }!
            FT_Select_Size(face, FT_Int(best))
            strikeSize = Double(sizes[best].y_ppem) / 64
        } else {
            strikeSize = nil
        }
    }

    func covers(_ scalar: UInt32) -> Bool { FT_Get_Char_Index(face, FT_ULong(scalar)) != 0 }

    /// Sets the size raqm shapes at and returns the factor from the face's units (26.6 pixels) to
    /// pixels at `size`.
    func prepare(size: Double) -> Double {
        if let strikeSize { return size / strikeSize / 64 }
        FT_Set_Char_Size(face, 0, FT_F26Dot6((size * 64).rounded()), 72, 72)
        return 1.0 / 64
    }
}

/// A rasterised glyph: 8-bit coverage, or premultiplied BGRA for colour glyphs.
final class GlyphBitmap: Sendable {
    let width: Int, height: Int
    /// Offset of the bitmap's top-left corner from the pen position on the baseline (y grows down).
    let left: Int, top: Int
    let pixels: [UInt8]
    let isColor: Bool

    init(width: Int, height: Int, left: Int, top: Int, pixels: [UInt8], isColor: Bool) {
        self.width = width
        self.height = height
        self.left = left
        self.top = top
        self.pixels = pixels
        self.isColor = isColor
    }

    static let empty = GlyphBitmap(width: 0, height: 0, left: 0, top: 0, pixels: [], isColor: false)
}

/// FreeType, fontconfig and the caches of faces, fallbacks and glyph bitmaps. One lock guards it all:
/// FreeType faces carry a current size and are not thread-safe; the cached bitmaps handed out are
/// immutable, so drawing them happens outside the lock.
public final class FontLibrary: @unchecked Sendable {
    public static let shared = FontLibrary()

    private let lock = NSLock()
    private var library: FT_Library?
    private var facesByFile: [String: FontFace] = [:]
    private var facesByPointer: [UnsafeMutableRawPointer: FontFace] = [:]
    private var facesByID: [FontFace] = []
    private var resolvedPatterns: [String: FontFace?] = [:]
    private var fallbacks: [String: FontFace?] = [:]
    private var glyphs: [GlyphKey: GlyphBitmap] = [:]

    static let glyphCacheLimit = 20_000

    struct GlyphKey: Hashable {
        let face: Int, glyph: UInt32, size: Int
    }

    public init() {
        FT_Init_FreeType(&library)
        FcInit()
    }

    deinit {
        for face in facesByFile.values { FT_Done_Face(face.face) }
        FT_Done_FreeType(library)
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: Faces (call with the lock held)

    func face(path: String, index: Int) -> FontFace? {
        let key = "\(path)#\(index)"
        if let face = facesByFile[key] { return face }
        var face: FT_Face?
        guard FT_New_Face(library, path, FT_Long(index), &face) == 0, let face else { return nil }
        let font = FontFace(id: facesByID.count, path: path, index: index, face: face)
        facesByFile[key] = font
        facesByID.append(font)
        facesByPointer[UnsafeMutableRawPointer(face)] = font
        return font
    }

    func font(for ftFace: FT_Face) -> FontFace? { facesByPointer[UnsafeMutableRawPointer(ftFace)] }

    func face(id: Int) -> FontFace? { id >= 0 && id < facesByID.count ? facesByID[id] : nil }

    /// The font files a stack resolves to here, for cache keys: another font version draws other pixels.
    public func files(for stack: FontStack) -> [String] {
        withLock { stack.fonts.map { face(forEntry: $0).map { "\($0.path)#\($0.index)" } ?? "-" } }
    }

    /// The face for a stack entry: a file path, or a fontconfig pattern whose match has the family asked for.
    func face(forEntry entry: String) -> FontFace? {
        if let cached = resolvedPatterns[entry] { return cached }
        var result: FontFace?
        if entry.hasPrefix("/") {
            result = face(path: entry, index: 0)
        } else if let pattern = FcNameParse(entry) {
            defer { FcPatternDestroy(pattern) }
            FcConfigSubstitute(nil, pattern, FcMatchPattern)
            FcDefaultSubstitute(pattern)
            var status = FcResultMatch
            if let match = FcFontMatch(nil, pattern, &status) {
                defer { FcPatternDestroy(match) }
                let wanted = entry.split(separator: ":").first.map(String.init)?.lowercased() ?? ""
                let generic = ["sans-serif", "sans", "serif", "monospace", "mono", "emoji", "system-ui"].contains(wanted)
                if let family = string(match, FC_FAMILY), family.lowercased() == wanted || wanted.isEmpty || generic,
                   let file = string(match, FC_FILE) {
                    var index: Int32 = 0
                    FcPatternGetInteger(match, FC_INDEX, 0, &index)
                    result = face(path: file, index: Int(index))
                }
            }
        }
        resolvedPatterns[entry] = result
        return result
    }

    /// Any installed font that has `scalar`, as fontconfig ranks them for the stack's first entry.
    func fallbackFace(for scalar: UInt32, like entry: String?) -> FontFace? {
        let key = "\(entry ?? "")|\(scalar)"
        if let cached = fallbacks[key] { return cached }
        var result: FontFace?
        if let pattern = FcNameParse(entry ?? "sans-serif") {
            defer { FcPatternDestroy(pattern) }
            let charset = FcCharSetCreate()!
            FcCharSetAddChar(charset, scalar)
            FcPatternAddCharSet(pattern, FC_CHARSET, charset)
            FcCharSetDestroy(charset)
            FcConfigSubstitute(nil, pattern, FcMatchPattern)
            FcDefaultSubstitute(pattern)
            var status = FcResultMatch
            if let set = FcFontSort(nil, pattern, 1, nil, &status) {
                defer { FcFontSetDestroy(set) }
                for i in 0..<Int(set.pointee.nfont) {
                    guard let font = set.pointee.fonts[i], let file = string(font, FC_FILE) else { continue }
                    var index: Int32 = 0
                    FcPatternGetInteger(font, FC_INDEX, 0, &index)
                    if let face = face(path: file, index: Int(index)), face.covers(scalar) {
                        result = face
                        break
                    }
                }
            }
        }
        fallbacks[key] = result
        return result
    }

    private func string(_ pattern: OpaquePointer, _ object: String) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
        return String(cString: value)
    }

    // MARK: Glyphs (call with the lock held)

    func bitmap(face font: FontFace, glyph: UInt32, size: Double) -> GlyphBitmap {
        let key = GlyphKey(face: font.id, glyph: glyph, size: Int((size * 64).rounded()))
        if let cached = glyphs[key] { return cached }
        let bitmap = rasterise(font, glyph: glyph, size: size) ?? .empty
        // Bounded: a site in many scripts and sizes must not grow the cache without end.
        if glyphs.count >= FontLibrary.glyphCacheLimit { glyphs.removeAll(keepingCapacity: true) }
        glyphs[key] = bitmap
        return bitmap
    }

    private func rasterise(_ font: FontFace, glyph: UInt32, size: Double) -> GlyphBitmap? {
        let face = font.face
        _ = font.prepare(size: size)
        let loadTargetLight: Int32 = 1 << 16
        var flags = font.strikeSize == nil ? loadTargetLight : 0
        if font.isColor { flags |= Int32(FT_LOAD_COLOR) }
        guard FT_Load_Glyph(face, glyph, flags) == 0, let slot = face.pointee.glyph else { return nil }
        if slot.pointee.format != FT_GLYPH_FORMAT_BITMAP {
            guard FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0 else { return nil }
        }
        let source = slot.pointee.bitmap
        let width = Int(source.width), height = Int(source.rows), pitch = Int(source.pitch)
        guard width > 0, height > 0, let buffer = source.buffer else { return .empty }
        let left = Int(slot.pointee.bitmap_left), top = Int(slot.pointee.bitmap_top)
        func row(_ y: Int) -> UnsafeMutablePointer<UInt8> {
            pitch >= 0 ? buffer + y * pitch : buffer + (height - 1 - y) * (-pitch)
        }
        switch source.pixel_mode {
        case UInt8(FT_PIXEL_MODE_GRAY.rawValue):
            var pixels = [UInt8](repeating: 0, count: width * height)
            for y in 0..<height { for x in 0..<width { pixels[y * width + x] = row(y)[x] } }
            return GlyphBitmap(width: width, height: height, left: left, top: top, pixels: pixels, isColor: false)
        case UInt8(FT_PIXEL_MODE_MONO.rawValue):
            var pixels = [UInt8](repeating: 0, count: width * height)
            for y in 0..<height {
                for x in 0..<width where row(y)[x >> 3] & (0x80 >> UInt8(x & 7)) != 0 { pixels[y * width + x] = 255 }
            }
            return GlyphBitmap(width: width, height: height, left: left, top: top, pixels: pixels, isColor: false)
        case UInt8(FT_PIXEL_MODE_BGRA.rawValue):
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            for y in 0..<height { for x in 0..<width * 4 { pixels[y * width * 4 + x] = row(y)[x] } }
            let scale = font.strikeSize.map { size / $0 } ?? 1
            if abs(scale - 1) < 0.001 {
                return GlyphBitmap(width: width, height: height, left: left, top: top, pixels: pixels, isColor: true)
            }
            return GlyphBitmap.scaledBGRA(pixels, width: width, height: height, left: left, top: top, scale: scale)
        default:
            return nil
        }
    }
}

extension GlyphBitmap {
    /// Area-averages (or, enlarging, samples) a premultiplied BGRA bitmap by `scale`.
    static func scaledBGRA(_ source: [UInt8], width: Int, height: Int, left: Int, top: Int, scale: Double) -> GlyphBitmap {
        let targetWidth = max(1, Int((Double(width) * scale).rounded()))
        let targetHeight = max(1, Int((Double(height) * scale).rounded()))
        var pixels = [UInt8](repeating: 0, count: targetWidth * targetHeight * 4)
        for ty in 0..<targetHeight {
            let y0 = ty * height / targetHeight, y1 = max(y0 + 1, (ty + 1) * height / targetHeight)
            for tx in 0..<targetWidth {
                let x0 = tx * width / targetWidth, x1 = max(x0 + 1, (tx + 1) * width / targetWidth)
                var sum = (0, 0, 0, 0)
                for y in y0..<y1 {
                    var index = (y * width + x0) * 4
                    for _ in x0..<x1 {
                        sum.0 += Int(source[index]); sum.1 += Int(source[index + 1])
                        sum.2 += Int(source[index + 2]); sum.3 += Int(source[index + 3])
                        index += 4
                    }
                }
                let count = (y1 - y0) * (x1 - x0), half = count / 2
                let out = (ty * targetWidth + tx) * 4
                pixels[out] = UInt8((sum.0 + half) / count)
                pixels[out + 1] = UInt8((sum.1 + half) / count)
                pixels[out + 2] = UInt8((sum.2 + half) / count)
                pixels[out + 3] = UInt8((sum.3 + half) / count)
            }
        }
        return GlyphBitmap(width: targetWidth, height: targetHeight,
                           left: Int((Double(left) * scale).rounded()), top: Int((Double(top) * scale).rounded()),
                           pixels: pixels, isColor: true)
    }
}
