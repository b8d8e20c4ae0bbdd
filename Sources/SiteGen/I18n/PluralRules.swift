/// CLDR plural categories for whole numbers, for the languages SiteGen sites are written in. A
/// language not listed here uses English's rule (`one` for 1, else `other`).
enum PluralRules {
    static func category(of count: Int, language: String) -> String {
        let n = abs(count)
        switch String(language.lowercased().prefix { $0 != "-" && $0 != "_" }) {
        case "zh", "ja", "ko", "id", "ms", "th", "vi", "lo", "my", "km":
            return "other"
        case "fr", "pt", "hy", "ff", "kab":
            return n == 0 || n == 1 ? "one" : "other"
        case "ar":
            if n == 0 { return "zero" }
            if n == 1 { return "one" }
            if n == 2 { return "two" }
            if (3...10).contains(n % 100) { return "few" }
            if (11...99).contains(n % 100) { return "many" }
            return "other"
        case "ru", "uk", "be":
            if n % 10 == 1 && n % 100 != 11 { return "one" }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return "few" }
            return "many"
        case "pl":
            if n == 1 { return "one" }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return "few" }
            return "many"
        case "cs", "sk":
            if n == 1 { return "one" }
            return (2...4).contains(n) ? "few" : "other"
        case "he", "iw":
            if n == 1 { return "one" }
            return n == 2 ? "two" : "other"
        default:
            return n == 1 ? "one" : "other"
        }
    }
}
