import Foundation
import Mustache

/// The templates of a build: the built-in theme, overridden file by file by the site's `templates/`.
public struct TemplateSet: Sendable {
    public static let fileExtension = "mustache"

    /// Template name (`_default/single`) → where it came from, for error messages.
    let origins: [String: String]
    /// Template name → source text, to point at the line of an unknown key.
    let sources: [String: String]
    let library: MustacheLibrary

    /// Loads the theme and `directory`'s templates, reporting every template that fails to parse.
    public static func load(siteTemplates directory: URL) throws(DiagnosticList) -> TemplateSet {
        var sources = EmbeddedTheme.templates
        var origins = Dictionary(uniqueKeysWithValues: sources.keys.map { ($0, "(built-in theme) templates/\($0).\(fileExtension)") })
        for (name, file) in siteTemplateFiles(in: directory) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw DiagnosticList([.error("templates/\(name).\(fileExtension)", "cannot read template (is it UTF-8?)")])
            }
            sources[name] = text
            origins[name] = "templates/\(name).\(fileExtension)"
        }
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                let template = try MustacheTemplate(string: TemplateContentType.pragma + Self.dottingParentNames(text))
                library.register(template, named: name)
                if name.contains("/") { library.register(template, named: Self.dotted(name)) }
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? TemplateContentType.pragma.count : 0)
                problems.append(.error(origins[name]!, line: line, column: column,
                                       "template syntax: \(describe(error.error))"))
            } catch {
                problems.append(.error(origins[name]!, "template syntax: \(error)"))
            }
        }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references(in: text) where sources[reference.name] == nil {
                problems.append(.error(origins[name]!, line: reference.line, column: reference.column,
                                       "no template named '\(reference.name)' (partials and parents are named by their path under templates/, without .\(fileExtension))"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return TemplateSet(origins: origins, sources: sources, library: library)
    }

    /// swift-mustache reads `/` in `{{<_default/baseof}}` but not in the closing `{{/_default/baseof}}`,
    /// so parent names are rewritten to `_default.baseof` (same length: lines and columns in errors
    /// stay true) and every template is registered under that name too.
    static func dottingParentNames(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            rest = rest[open.lowerBound...]
            guard let close = rest.range(of: "}}") else { break }
            let tag = rest[..<close.upperBound]
            let content = tag.dropFirst(2).drop { $0 == " " }
            if content.first == "<" || content.first == "/" {
                result += tag.prefix(2) + dotted(String(tag.dropFirst(2).dropLast(2))) + "}}"
            } else {
                result += tag
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private static func dotted(_ content: String) -> String {
        let sigil = content.prefix { $0 == " " || $0 == "<" || $0 == "/" }
        return sigil + content.dropFirst(sigil.count).replacingOccurrences(of: "/", with: ".")
    }

    /// Partials (`{{> name}}`) and parents (`{{< name}}`) a template names. swift-mustache renders a
    /// missing one as empty text, so they are checked when the templates load.
    static func references(in text: String) -> [(name: String, line: Int, column: Int)] {
        tags(in: text).compactMap { tag in
            let content = tag.content.trimmingCharacters(in: .whitespaces)
            guard let sigil = content.first, sigil == ">" || sigil == "<" else { return nil }
            let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
            return name.isEmpty || name.hasPrefix("*") ? nil : (name, tag.line, tag.column)
        }
    }

    /// Every `{{…}}` tag with the line and column of its opening braces.
    static func tags(in text: String) -> [(content: Substring, line: Int, column: Int)] {
        var result: [(Substring, Int, Int)] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let close = text[index...].range(of: "}}") {
                result.append((text[text.index(index, offsetBy: 2)..<close.lowerBound], line, column))
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return result
    }

    private static func siteTemplateFiles(in directory: URL) -> [(String, URL)] {
        // A template linked from outside the site is not read (its text would be published).
        SiteFolderReader(site: directory.deletingLastPathComponent()).files(under: directory).files
            .filter { ($0 as NSString).pathExtension == fileExtension }
            .map { (($0 as NSString).deletingPathExtension, directory.appendingPathComponent($0)) }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened but never closed"
        default: return "\(error)"
        }
    }

    /// The first of `candidates` that exists.
    public func first(of candidates: [String]) -> String? {
        candidates.first { sources[$0] != nil }
    }

    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Every template name, for telling whether a reload added or removed one.
    var names: Set<String> { Set(sources.keys) }

    /// The source text of a template, to tell whether a reload changed it.
    func source(of name: String) -> String? { sources[name] }

    /// `name` and every partial and parent it uses, transitively: the templates whose edit changes
    /// what `name` renders. A dynamic partial (`{{>*name}}`) may be any template, so it brings all.
    func dependencies(of name: String) -> Set<String> {
        var found: Set<String> = [name], pending = [name]
        while let next = pending.popLast() {
            let text = sources[next] ?? ""
            if Self.tags(in: text).contains(where: { $0.content.drop { $0 == " " }.hasPrefix(">") && $0.content.contains("*") }) {
                return names
            }
            for reference in Self.references(in: text) where found.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        return found
    }

    /// Renders `name` with `object`, failing on keys that no view model knows.
    func render(_ name: String, _ object: Any) throws(DiagnosticList) -> String {
        guard let template = library.getTemplate(named: name) else {
            throw DiagnosticList([.error("templates/\(name).\(Self.fileExtension)", "template not found")])
        }
        let recorder = KeyRecorder()
        let output = KeyRecorder.$current.withValue(recorder) {
            template.render(object, library: library)
        }
        let unknown = recorder.unknownKeys
        if !unknown.isEmpty {
            throw DiagnosticList(unknown.map { key in locate(key, preferring: name) })
        }
        return output
    }

    /// Points at the first tag that uses `key`, in the template rendered or, failing that, in a
    /// partial or parent it may have used.
    private func locate(_ key: String, preferring name: String) -> Diagnostic {
        let message = "unknown template key '\(key)'"
        for candidate in [name] + sources.keys.sorted().filter({ $0 != name }) {
            if let (line, column) = Self.position(of: key, in: sources[candidate] ?? "") {
                return .error(origins[candidate]!, line: line, column: column, message)
            }
        }
        return .error(origins[name]!, message)
    }

    /// Line and column of the first tag naming `key` as one of its dotted parts.
    static func position(of key: String, in text: String) -> (Int, Int)? {
        tags(in: text).first { tag in
            tag.content.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }).contains { $0 == key }
        }.map { ($0.line, $0.column) }
    }
}
