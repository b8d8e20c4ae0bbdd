/// Hugo's `urlize`: how a title, term or file name becomes a URL segment. Letters and digits of any
/// script are kept (so Chinese or Arabic terms keep their words), the path is lowercased, spaces
/// become `-`, and characters that are unsafe in a path are dropped.
func urlize(_ text: String) -> String {
    var result = ""
    var lastWasDash = false
    for character in text.lowercased() {
        if character.isLetter || character.isNumber || character == "_" || character == "." || character == "~" {
            result.append(character)
            lastWasDash = false
        } else if character == "-" || character.isWhitespace || character == "/" || character == "+" {
            if !lastWasDash && !result.isEmpty {
                result.append("-")
                lastWasDash = true
            }
        }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result
}
