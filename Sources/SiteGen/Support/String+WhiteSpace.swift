extension Unicode.Scalar {
    /// Go's `unicode.IsSpace`: ASCII white space and Unicode's White_Space, without the
    /// property lookup for ASCII.
    var isGoSpace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}

extension StringProtocol {
    /// Without white space at either end (Go's `strings.TrimSpace`), looking only at the scalars
    /// there: Foundation's `trimmingCharacters` bridges the whole string.
    var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isGoSpace }),
              let end = scalars.lastIndex(where: { !$0.isGoSpace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
