import GoTemplates

/// Hugo's `urls` namespace, but for the functions that need the site (`absURL`, `relURL`, `ref`…):
/// `urlize` and `anchorize`, with Hugo's default settings (paths lower-cased, accents kept,
/// GitHub-style heading IDs).
enum URLFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("urls.URLize", aliases: ["urlize"], arity: .exactly(1)) { arguments, _ in
            .string(urlize(try GoCast.string(arguments[0])))
        },
        HugoFunction("urls.Anchorize", aliases: ["anchorize"], arity: .exactly(1)) { arguments, _ in
            .string(anchorize(try GoCast.string(arguments[0])))
        },
    ]

    /// Hugo's `URLize`: the text made a path (`paths.Sanitize`), lower-cased, then escaped as
    /// Go's `url.URL` writes a path and a fragment.
    static func urlize(_ text: String) -> String {
        let path = GoUnicode.lowercased(sanitizedPath(text))
        let hash = path.firstIndex(of: "#")
        let escapedPath = escapedURLPart(String(path[..<(hash ?? path.endIndex)]))
        // Go's `url.URL` writes no `#` for an empty fragment.
        guard let hash, path.index(after: hash) != path.endIndex else { return escapedPath }
        return escapedPath + "#" + escapedURLPart(String(path[path.index(after: hash)...]), fragment: true)
    }

    /// Hugo's `paths.Sanitize`: letters, digits, marks and `./\_#+~-@` kept, `%` before two hex
    /// digits kept, each run of white space after something kept as one `-`, anything else dropped.
    static func sanitizedPath(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.indices.contains(where: { !isAllowed(scalars, at: $0) }) else { return text }
        var output = String.UnicodeScalarView()
        var prependHyphen = false, wasHyphen = false
        for index in scalars.indices {
            let scalar = scalars[index]
            if isAllowed(scalars, at: index) {
                wasHyphen = scalar == "-"
                if prependHyphen {
                    if !wasHyphen { output.append("-") }
                    prependHyphen = false
                }
                output.append(scalar)
            } else if !output.isEmpty, !wasHyphen, GoUnicode.isSpace(scalar) {
                prependHyphen = true
            }
        }
        return String(output)
    }

    private static func isAllowed(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        switch scalar {
        case " ": return false
        case ".", "/", "\\", "_", "#", "+", "~", "-", "@": return true
        case "%": return index + 2 < scalars.count && scalars[index + 1].properties.isASCIIHexDigit && scalars[index + 2].properties.isASCIIHexDigit
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
                 .nonspacingMark, .spacingMark, .enclosingMark:
                return true
            default:
                return false
            }
        }
    }

    /// A path or fragment as Go's `url.Parse` then `String` give it back: kept as it was when it is
    /// a valid escaping, else decoded and escaped again.
    private static func escapedURLPart(_ part: String, fragment: Bool = false) -> String {
        let bytes = Array(part.utf8)
        if isValidEscaping(bytes, fragment: fragment) { return part }
        var output = ""
        for byte in percentDecoded(bytes) {
            if isUnescaped(byte, fragment: fragment) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    /// Go's `validEncoded`.
    private static func isValidEscaping(_ bytes: [UInt8], fragment: Bool) -> Bool {
        bytes.allSatisfy { byte in
            "!$&'()*+,;=:@[]%".utf8.contains(byte) || isUnescaped(byte, fragment: fragment)
        }
    }

    /// Go's `shouldEscape` for a path (or a fragment), negated.
    private static func isUnescaped(_ byte: UInt8, fragment: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            let allowed = fragment ? "-_.~$&+,/:;=@!()*?" : "-_.~$&+,/:;=@"
            return allowed.utf8.contains(byte)
        }
    }

    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Hugo's GitHub-style heading ID (`SanitizeAnchorName`): trimmed, letters, digits and `_`
    /// lower-cased, spaces and dashes as `-`, anything else dropped.
    static func anchorize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in StringsFunctions.trimming(text, where: GoUnicode.isSpace).unicodeScalars {
            switch scalar {
            case "-", " ": output.append("-")
            case "_": output.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                    output.append(contentsOf: GoUnicode.lowercased(String(scalar)).unicodeScalars)
                default:
                    break
                }
            }
        }
        return String(output)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
