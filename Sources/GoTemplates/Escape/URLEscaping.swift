/// html/template's URL escapers (url.go).
enum URLEscaping {
    /// A URL, unless its scheme is not one of `http`, `https` and `mailto`: `javascript:` URLs
    /// are a frequent injection. Typed URLs pass.
    static func filter(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        if kind == .url { return text }
        return isSafe(text.utf8) ? text : "#" + SafeContent.failsafe
    }

    /// Whether a URL's scheme, if it has one, is `http`, `https` or `mailto`.
    private static func isSafe<URL: Collection<UInt8>>(_ url: URL) -> Bool {
        guard let colon = url.firstIndex(of: UInt8(ascii: ":")) else { return true }
        let scheme = url[..<colon]
        if scheme.contains(UInt8(ascii: "/")) { return true }
        return safeSchemes.contains { name in
            name.count == scheme.count && zip(name, scheme).allSatisfy { $0 == $1 | ($1.isASCIILetter ? 0x20 : 0) }
        }
    }

    private static let safeSchemes = [Array("http".utf8), Array("https".utf8), Array("mailto".utf8)]

    /// For a URL's query or fragment: everything but RFC 3986's unreserved characters encoded.
    static func escaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        return process(text, normalizing: kind == .url)
    }

    /// For a URL's start and path: reserved characters and valid escapes are kept, the rest encoded.
    static func normalizer(_ arguments: [Value]) -> String {
        process(SafeContent.stringify(arguments).text, normalizing: true)
    }

    /// `text` percent-encoded as UTF-8, as JavaScript's `encodeURIComponent` does (the URI to IRI
    /// mapping of RFC 3987): right for pages in UTF-8.
    private static func process(_ text: String, normalizing: Bool) -> String {
        var output: [UInt8] = []
        guard append(text, normalizing: normalizing, to: &output) else { return text }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` encoded to `output`; false, with nothing appended, when it needs no encoding.
    @discardableResult
    private static func append(_ text: String, normalizing: Bool, to output: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var written = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                switch byte {
                // `'` and the parentheses are sub-delimiters in RFC 3986 but encoded, for single-quoted
                // attributes and unquoted CSS `url(…)`; `'` is only in an obsolete appendix rule.
                case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                     UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                     UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "]"):
                    if normalizing { continue }
                // Unreserved (RFC 3986, section 2.3).
                case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    continue
                case UInt8(ascii: "%"):
                    // Valid escapes stay when normalizing.
                    if normalizing && i + 2 < bytes.count && bytes[i + 1].isHexDigit && bytes[i + 2].isHexDigit { continue }
                default:
                    if byte.isASCIIAlphanumeric { continue }
                }
                if written == 0 { output.reserveCapacity(output.count + bytes.count + 16) }
                output.append(contentsOf: bytes[written..<i])
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
                written = i + 1
            }
            guard written != 0 else { return false }
            output.append(contentsOf: bytes[written...])
            return true
        }
    }

    /// For a `srcset` attribute: each of its comma-separated URLs filtered and normalized, and
    /// metadata (`2x`, `200w`) kept when it is only spaces and ASCII alphanumerics.
    static func srcsetEscaper(_ arguments: [Value]) -> String {
        let (text, kind) = SafeContent.stringify(arguments)
        switch kind {
        case .srcset:
            return text
        case .url:
            // Normalizing takes the white space that separates a URL from its metadata, and
            // commas separate sources.
            return process(text, normalizing: true).replacing(",", with: "%2c")
        default:
            break
        }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var written = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: ",") {
            appendSrcsetElement(bytes[written..<i], to: &output)
            output.append(UInt8(ascii: ","))
            written = i + 1
        }
        appendSrcsetElement(bytes[written...], to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendSrcsetElement(_ element: ArraySlice<UInt8>, to output: inout [UInt8]) {
        // HTML's white space separates a URL from its metadata.
        let start = element.firstIndex { !$0.isHTMLSpace } ?? element.endIndex
        let end = element[start...].firstIndex { $0.isHTMLSpace } ?? element.endIndex
        let url = element[start..<end]
        if isSafe(url), element[end...].allSatisfy({ $0.isHTMLSpace || $0.isASCIIAlphanumeric }) {
            output.append(contentsOf: element[..<start])
            let urlText = String(decoding: url, as: UTF8.self)
            if !append(urlText, normalizing: true, to: &output) { output.append(contentsOf: url) }
            output.append(contentsOf: element[end...])
            return
        }
        output.append(contentsOf: "#\(SafeContent.failsafe)".utf8)
    }
}
