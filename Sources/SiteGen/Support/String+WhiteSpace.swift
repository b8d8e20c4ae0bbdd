extension Unicode.Scalar {
    /// Go's `unicode.IsSpace`: ASCII white space and Unicode's White_Space, without the
    /// property lookup for ASCII.
    var isGoSpace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}

extension Substring {
    /// Without white space at either end (Go's `strings.TrimSpace`), looking only at the scalars
    /// there: Foundation's `trimmingCharacters` bridges the whole string. The scalars are sliced
    /// and copied as bytes; building a `String.UnicodeScalarView` from a slice appends them one
    /// at a time (a tenth of a build, in the profile).
    var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isGoSpace }),
              let end = scalars.lastIndex(where: { !$0.isGoSpace }) else { return "" }
        return String(Substring(scalars[start...end]))
    }
}

extension String {
    var trimmingWhiteSpace: String { self[...].trimmingWhiteSpace }
}
