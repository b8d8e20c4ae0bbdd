/// Escaping for text SiteGen writes into HTML itself (heading ids, redirect pages); templates
/// escape through Mustache.
enum HTMLEscaping {
    static func attribute(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
