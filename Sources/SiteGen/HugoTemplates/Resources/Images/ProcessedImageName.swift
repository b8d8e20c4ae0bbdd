import Crypto
import Foundation

/// Hugo's file names for processed images: `cover_hu<hash>_<bytes>_<key>.jpg`, next to the source.
enum ProcessedImageName {
    /// Hugo's `md5Threshold`: a name longer than this, before its key, gets an MD5 for a key.
    private static let longName = 100

    /// The name of the image `key` makes of the image named `previous` (the source, or the image
    /// an earlier method made), whose source has `fingerprint`.
    static func name(processing previous: String, from previousFormat: HugoImageFormat, into format: HugoImageFormat,
                     fingerprint: String, key: String) -> String {
        var (base, fileExtension) = split(previous)
        if format != previousFormat { fileExtension = "." + format.fileExtension }
        var key = key, fingerprint = fingerprint
        if base.utf8.count + fingerprint.utf8.count + fileExtension.utf8.count > longName {
            // The whole chain's keys would grow the name with each method: Hugo hashes them, and
            // keeps of the name what came before the source's fingerprint.
            key = Hashing.md5Hex(base + key + fileExtension)
            base = base.range(of: "_hu").map { String(base[..<$0.lowerBound]) } ?? ""
        } else if base.contains(fingerprint) {
            fingerprint = ""
        }
        return base + fingerprint + "_" + key + fileExtension
    }

    /// `_hu` + the source's fast MD5 + `_` + its length in bytes.
    static func fingerprint(of source: OriginalImage.Bytes) throws(ImageProcessingError) -> String {
        "_hu\(try fastMD5(of: source))_\(try source.count())"
    }

    /// Hugo's `MD5FromFileFast`: the first 64 bytes, then the 64 at offset 2048 seven times over
    /// (it seeks from the start each time), stopping at the end of the file with whatever the
    /// buffer holds. Do not "fix" it: the names depend on it.
    private static func fastMD5(of source: OriginalImage.Bytes) throws(ImageProcessingError) -> String {
        var hash = Insecure.MD5()
        var buffer = [UInt8](repeating: 0, count: 64)
        for chunk in 0..<8 {
            let bytes = try source.read(at: chunk == 0 ? 0 : 2048, count: 64)
            buffer.replaceSubrange(0..<bytes.count, with: bytes)
            hash.update(data: buffer)
            if bytes.count < 64 { break }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Go's `paths.FileAndExt` of a file name: the name without its extension, and the extension with its dot.
    private static func split(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: ".") else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }
}
