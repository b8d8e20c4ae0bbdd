import Foundation

/// One translated string, in each plural form it has (`one`, `other`…; a plain string is `other`).
public struct Translation: Sendable, Hashable {
    public var forms: [String: String]

    /// The form for `count` in `language`, falling back to `other` as Hugo does; `{{ .Count }}`
    /// in it becomes the number.
    public func text(count: Int?, language: String) -> String {
        guard let count else { return forms["other"] ?? forms.values.sorted().first ?? "" }
        let form = forms[PluralRules.category(of: count, language: language)] ?? forms["other"] ?? forms.values.sorted().first ?? ""
        return Self.fillingCount(form, with: count)
    }

    /// Replaces Hugo's `{{ .Count }}` (or `{{ . }}`) with the number; other text is left as written.
    static func fillingCount(_ form: String, with count: Int) -> String {
        var result = ""
        var rest = Substring(form)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let inside = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            result += rest[..<open.lowerBound]
            result += inside == ".Count" || inside == "." ? String(count) : String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}

/// The `i18n/` string tables of a site, over the built-in theme's, by language.
public struct StringTables: Sendable {
    /// Language code → key → translation.
    public var tables: [String: [String: Translation]]
    public var defaultLanguage: String
    /// What reading the files warned about (a YAML key written twice), for the build to report.
    public var warnings: [Diagnostic] = []

    public init(tables: [String: [String: Translation]] = [:], defaultLanguage: String = "en") {
        self.tables = tables
        self.defaultLanguage = defaultLanguage
    }

    public enum Match: Sendable, Equatable {
        case found(Translation)
        /// Missing in the language asked; the default language's.
        case fallback(Translation)
        case missing
    }

    /// The language's string, else its base language's (`pt` for `pt-br`), else the default language's.
    public func lookup(_ key: String, language: String) -> Match {
        let base = String(language.prefix { $0 != "-" && $0 != "_" })
        for candidate in base == language ? [language] : [language, base] {
            if let translation = tables[candidate]?[key] ?? tables[candidate]?.value(forCaseInsensitiveKey: key) {
                return .found(translation)
            }
        }
        if let translation = tables[defaultLanguage]?[key] ?? tables[defaultLanguage]?.value(forCaseInsensitiveKey: key) {
            return .fallback(translation)
        }
        return .missing
    }

    /// Reads `i18n/CODE.yaml|yml|toml|json` for each language, over the Hugo `themes`' tables, over the
    /// embedded theme's own.
    /// A site on Hugo templates (`embeddedTheme` false) has no use for the embedded theme's strings.
    public static func load(siteDirectory: URL, languages: [String], defaultLanguage: String,
                            themes: [String] = [], embeddedTheme: Bool = true) throws(DiagnosticList) -> StringTables {
        var result = StringTables(defaultLanguage: defaultLanguage)
        var problems: [Diagnostic] = []
        for (name, text) in embeddedTheme ? EmbeddedTheme.i18n : [:] {
            let (language, format) = (String(name.split(separator: ".")[0]), DataFormat(fileExtension: (name as NSString).pathExtension)!)
            do throws(DiagnosticList) {
                let parsed = try parse(text, format: format, file: "(built-in theme) i18n/\(name)")
                result.tables[language] = parsed.translations
                result.warnings += parsed.warnings
            } catch {
                problems += error.diagnostics
            }
        }
        // A Hugo theme's tables, the last theme first, then the site's over them.
        let folders = themes.reversed().map { ("themes/\($0)/i18n", siteDirectory.appendingPathComponent("themes/\($0)/i18n")) }
            + [("i18n", siteDirectory.appendingPathComponent("i18n"))]
        for (labelFolder, folder) in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() {
                let language = ((file as NSString).deletingPathExtension).lowercased()
                guard languages.contains(language), let format = DataFormat(fileExtension: (file as NSString).pathExtension) else { continue }
                let label = "\(labelFolder)/\(file)"
                do throws(DiagnosticList) {
                    let text: String
                    do {
                        text = try TextFile.read(folder.appendingPathComponent(file), label: label)
                    } catch {
                        throw DiagnosticList([error])
                    }
                    let parsed = try parse(text, format: format, file: label)
                    result.tables[language, default: [:]].merge(parsed.translations) { _, site in site }
                    result.warnings += parsed.warnings
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return result
    }

    /// Hugo's two shapes: a table (`readMore: Read more`, or `minutes: {one: …, other: …}`) and the
    /// older list (`- id: readMore` / `translation: …`).
    static func parse(
        _ text: String, format: DataFormat, file: String
    ) throws(DiagnosticList) -> (translations: [String: Translation], warnings: [Diagnostic]) {
        let parsed: ParsedTable
        do {
            if let list = listForm(text, format: format) {
                parsed = try DataParser.parseTable(list.text, format: format, file: file, lineOffset: list.lineOffset)
            } else {
                parsed = try DataParser.parseTable(text, format: format, file: file)
            }
        } catch {
            throw DiagnosticList([error])
        }
        let values = parsed.values
        var result: [String: Translation] = [:]
        var problems: [Diagnostic] = []
        if let items = values["items"]?.array, listForm(text, format: format) != nil {
            for item in items {
                guard let id = item["id"]?.string, let translation = item["translation"].flatMap(translation) else {
                    problems.append(.error(file, "each entry of the list needs an `id` and a `translation`"))
                    continue
                }
                result[id] = translation
            }
        } else {
            for (key, value) in values {
                guard let translation = translation(value) else {
                    problems.append(.error(file, "`\(key)` must be a string or a table of plural forms (one, other…)"))
                    continue
                }
                result[key] = translation
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return (result, parsed.warnings)
    }

    private static func translation(_ value: Value) -> Translation? {
        if let text = value.string { return Translation(forms: ["other": text]) }
        guard let table = value.table else { return nil }
        var forms: [String: String] = [:]
        for (form, text) in table {
            guard let text = text.string else { return nil }
            forms[form.lowercased()] = text
        }
        return forms.isEmpty ? nil : Translation(forms: forms)
    }

    /// A top-level list, rewritten as a table under `items` so the table parser reads it; lines keep their numbers.
    private static func listForm(_ text: String, format: DataFormat) -> (text: String, lineOffset: Int)? {
        switch format {
        case .json:
            guard text.first(where: { !$0.isWhitespace }) == "[" else { return nil }
            return ("{\"items\": \(text)}", 0)
        case .yaml:
            let first = text.split(separator: "\n").first { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "---"
            }
            guard let first, first.hasPrefix("-") else { return nil }
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            return ("items:\n" + indented, -1)
        case .toml:
            return nil
        }
    }
}

extension Dictionary where Key == String {
    func value(forCaseInsensitiveKey key: String) -> Value? {
        let lower = key.lowercased()
        return first { $0.key.lowercased() == lower }?.value
    }
}
