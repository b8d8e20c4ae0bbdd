import Foundation

/// Hugo minifies CSS with tdewolff/minify's `KeepCSS2` on (`minify.tdewolff.css.keepCSS2`, true by
/// default); Debian's `minify` command runs the same library (2.12.4, the one Debian's Hugo 0.111
/// is built with) with it off, and has no flag for it. In 2.12.4 the option holds back two
/// rewrites, which this undoes in the command's output:
///
/// - `background-color: transparent` (or a colour that is transparent, `rgba(0,0,0,0)`) written
///   `initial`;
/// - numbers written with an exponent where that is shorter (`1000px` as `1e3px`, `.00001` as
///   `1e-5`); Hugo writes them as decimals.
///
/// Each is undone only when the source leaves no doubt that the result is Hugo's bytes; otherwise
/// the command's output is kept (the same values, written another way): a source with a
/// `background-color` of `initial` of its own, or a `transparent` not in lowercase (Hugo keeps
/// both as written), keeps `initial`; a source with a number written with an exponent (which Hugo
/// keeps as written) keeps the command's numbers.
enum KeepCSS2 {
    /// `minified`, the command's output for `source`, as tdewolff/minify writes it with `KeepCSS2`.
    static func undo(in minified: String, source: String) -> String {
        var css = minified
        if !matches(ownInitial, source), !hasTransparentNotInLowercase(source) {
            css = css.replacingOccurrences(of: "background-color:initial", with: "background-color:transparent")
        }
        if !matches(exponent, source) {
            css = decimals(css)
        }
        return css
    }

    /// A `background-color` of `initial` of the source's own (comments and any case allowed),
    /// which Hugo keeps as it is.
    private static let ownInitial = try! NSRegularExpression(pattern: #"background-color(\s|/\*.*?\*/)*:(\s|/\*.*?\*/)*initial"#,
                                                             options: [.caseInsensitive, .dotMatchesLineSeparators])
    /// A number written with an exponent, as the source may write it: not inside a name, a colour
    /// or an escape (`h1e3`, `#1e3`, `\31 e3`).
    private static let exponent = try! NSRegularExpression(pattern: #"(?<![\w.#\\-])[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d"#)
    /// A number as the command writes it with an exponent, in the same places: its sign, mantissa
    /// (`15`, `.123`) and exponent.
    private static let writtenWithExponent = try! NSRegularExpression(pattern: #"(?<![\w.#\\-])(-?)(\d+|\.\d+)e(-?\d+)"#)

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Hugo keeps `TRANSPARENT` as written; the command writes `initial` for it too.
    private static func hasTransparentNotInLowercase(_ source: String) -> Bool {
        source.lowercased().components(separatedBy: "transparent").count != source.components(separatedBy: "transparent").count
    }

    /// Each number the command wrote with an exponent, as tdewolff/minify's `Decimal` writes it:
    /// no exponent, no zeros before the integer part or after the fraction, no `0` before the
    /// point (`-.00001`, `1000`).
    private static func decimals(_ css: String) -> String {
        var output = ""
        var copied = css.startIndex
        for match in writtenWithExponent.matches(in: css, range: NSRange(css.startIndex..., in: css)) {
            let group = { (index: Int) in css[Range(match.range(at: index), in: css)!] }
            guard let exponent = Int(group(3)) else { continue }
            output += css[copied..<group(0).startIndex]
            output += decimal(sign: group(1), mantissa: group(2), exponent: exponent)
            copied = group(0).endIndex
        }
        return output + css[copied...]
    }

    private static func decimal(sign: Substring, mantissa: Substring, exponent: Int) -> String {
        let digits = mantissa.filter { $0 != "." }
        // Where the point goes among the digits, padded with zeros on the side it falls beyond.
        let point = (mantissa.first == "." ? 0 : mantissa.count) + exponent
        let padded = String(repeating: "0", count: max(0, -point)) + digits + String(repeating: "0", count: max(0, point - digits.count))
        let integer = padded.prefix(max(0, point)).drop { $0 == "0" }
        let afterPoint = padded.dropFirst(max(0, point))
        let fraction = afterPoint.lastIndex { $0 != "0" }.map { afterPoint[...$0] } ?? ""
        if integer.isEmpty && fraction.isEmpty { return "0" }
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }
}
