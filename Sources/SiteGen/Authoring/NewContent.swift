import Foundation
import GoTemplates

/// `sitegen new PATH`: a content file, or a page bundle, made from the site's archetypes the way
/// Hugo 0.111's `hugo new` makes it.
///
/// The archetype is the first found of `KIND.md` (a folder `KIND/` for a bundle) in the site's
/// `archetypes/` and then each theme's, then `default.md` in the same places, then Hugo's own;
/// KIND is `--kind` or the path's first folder. Its Markdown files are Go templates, run as text
/// with Hugo's functions and `.Name`, `.Date`, `.Type`, `.Section`, `.File` and `.Site`, and our
/// `.IssueNumber` (the newsletter section's next issue number, 0 elsewhere); its other files are
/// copied. Nothing is ever overwritten.
public struct NewContent: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Hugo's archetype when a site has none of its own.
    static let hugoDefault = "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\ndraft: true\n---\n\n"

    /// Creates `path` (from the content folder; a leading `content/` is dropped, as Hugo does) and
    /// returns the files made, from the site folder. `now` is the archetypes' `.Date`; `setting`
    /// are front-matter keys written into the page's own file after its archetype ran.
    public func create(_ path: String, kind: String? = nil, now: Date = Date()) throws(DiagnosticList) -> [String] {
        try create(path, kind: kind, now: now, setting: [], issueNumber: nil)
    }

    /// `bundleFromFile`: a bundle may be made from a file archetype, as its `index.md`, when the
    /// kind has no folder archetype (`hugo new` refuses). `issueNumber`: the archetype's
    /// `.IssueNumber`; nil, the newsletter section's next one for a path in it.
    func create(_ path: String, kind: String?, now: Date, setting fields: [FrontMatterEditor.Field],
                issueNumber: Int?, bundleFromFile: Bool = false) throws(DiagnosticList) -> [String] {
        var path = path.trimmingSlashes
        if path.hasPrefix("content/") { path.removeFirst("content/".count) }
        guard !path.isEmpty, !path.split(separator: "/").contains("..") else {
            throw DiagnosticList([.error(path, "a content path inside the content folder is needed, such as blog/my-post.md")])
        }
        let site = options.source
        let target = site.appendingPathComponent("content").appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: target.path) {
            throw DiagnosticList([.error("content/" + path, "already exists; sitegen new never overwrites a file")])
        }
        let host = try ArchetypeHost(options: options)
        let config = host.sites.config
        let isFile = ContentScanner.markdownExtensions.contains((path as NSString).pathExtension.lowercased())
        let segments = path.split(separator: "/")
        let kind = kind ?? (segments.count > 1 ? String(segments[0]) : "")
        let newsletter = config.newsletter.section.trimmingSlashes
        let issueNumber = issueNumber ?? (segments.count > 1 && String(segments[0]) == newsletter
            ? NewsletterIssue(options: options).nextNumber(in: newsletter) : 0)
        let archetype: Archetype, files: [(name: String, text: String?)]
        if let found = Archetype.find(kind: kind, forBundle: !isFile, site: site, themes: config.themes) {
            archetype = found
            files = found.files
        } else if bundleFromFile, let file = Archetype.find(kind: kind, forBundle: false, site: site, themes: config.themes) {
            archetype = file
            files = [("index.md", file.files[0].text)]
        } else {
            throw DiagnosticList([.error("content/" + path, "no archetype for a bundle: add the folder archetypes/\(kind.isEmpty ? "default" : kind)/ with an index.md, or name a Markdown file")])
        }
        let scanner = ContentScanner(siteDirectory: site, languages: Set(config.languages.map(\.code)), defaultLanguage: config.defaultContentLanguage)
        var made: [(path: String, content: Data)] = []
        for (name, text) in files {
            let relative = name.isEmpty ? path : path + "/" + name
            let isContent = ContentScanner.markdownExtensions.contains((relative as NSString).pathExtension.lowercased())
            guard let text, isContent else {
                made.append((relative, try archetype.bytes(of: name)))
                continue
            }
            let source = scanner.source(forNewFile: relative)
            let data = ArchetypeObject(name: isFile ? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                                                    : (path as NSString).lastPathComponent,
                                       date: GoTimeLayout.format(GoTime(now, location: .local), layout: GoTimeLayout.rfc3339), kind: kind, file: FileObject(source: source),
                                       site: host.site(language: source.language), issueNumber: issueNumber)
            var rendered = try host.render(text, file: archetype.label(of: name), data: data)
            if name.isEmpty || name == "index.md" { rendered = FrontMatterEditor.setting(fields, in: rendered) }
            made.append((relative, Data(rendered.utf8)))
        }
        do {
            for file in made {
                let url = site.appendingPathComponent("content").appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: url.path, contents: file.content) else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        } catch {
            throw DiagnosticList([.error("content/" + path, "cannot write: \(error.localizedDescription)")])
        }
        return made.map { "content/" + $0.path }
    }
}

/// An archetype found for a kind: one Markdown file, or a folder whose files make a bundle.
struct Archetype {
    /// By name from the archetype (`""` for a single file); `text` is nil for a file that is not text.
    let files: [(name: String, text: String?)]
    /// Where it is, from the site folder; nil for Hugo's own.
    let location: URL?
    let labelPath: String

    /// Hugo's order: KIND in the site's `archetypes/`, then in each theme's; then `default` the same way.
    static func find(kind: String, forBundle: Bool, site: URL, themes: [String]) -> Archetype? {
        let folders = ["archetypes"] + themes.map { "themes/\($0)/archetypes" }
        let fileManager = FileManager.default
        for name in (kind.isEmpty ? [] : [kind]) + ["default"] {
            for folder in folders {
                let base = site.appendingPathComponent(folder).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                if forBundle, fileManager.fileExists(atPath: base.path, isDirectory: &isFolder), isFolder.boolValue {
                    let files = SiteFolderReader(site: site).files(under: base).files.sorted()
                    guard files.contains(where: { ($0 as NSString).deletingPathExtension == "index" }) else { continue }
                    return Archetype(files: files.map { ($0, try? String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) },
                                     location: base, labelPath: folder + "/" + name)
                }
                let file = base.appendingPathExtension("md")
                if !forBundle, let text = try? String(contentsOf: file, encoding: .utf8) {
                    return Archetype(files: [("", text)], location: file, labelPath: folder + "/" + name + ".md")
                }
            }
        }
        // A bundle needs an archetype folder; a file has Hugo's own.
        return forBundle ? nil : Archetype(files: [("", NewContent.hugoDefault)], location: nil, labelPath: "Hugo's default archetype")
    }

    /// Where the archetype of the new file `name` is, for errors: a file archetype is the one file.
    func label(of name: String) -> String { name.isEmpty || files.first?.name == "" ? labelPath : labelPath + "/" + name }

    func bytes(of name: String) throws(DiagnosticList) -> Data {
        guard let location else { return Data() }
        do {
            return try Data(contentsOf: name.isEmpty ? location : location.appendingPathComponent(name))
        } catch {
            throw DiagnosticList([.error(label(of: name), "cannot read: \(error.localizedDescription)")])
        }
    }
}

/// What an archetype runs with: the site as its templates see it, its pages read and assembled
/// as for a build but not rendered (rendering may need what only a build has, such as a Hugo
/// site's own shortcodes).
private struct ArchetypeHost {
    let sites: HugoSites
    let layouts: HugoLayouts
    let strings: StringTables

    init(options: BuildOptions) throws(DiagnosticList) {
        let loader = SiteLoader(options: options, templates: nil)
        let content = try loader.loadContent()
        if !content.problems.isEmpty { throw DiagnosticList(content.problems) }
        let models = try loader.assemble(content)
        layouts = try HugoLayouts(site: options.source, themes: content.config.themes, functions: HugoLayouts.standardFunctions,
                                  keepsCSS2: content.config.keepCSS2)
        sites = HugoSites(sites: models, config: content.config, sourceFolder: options.source, data: layouts.data)
        strings = content.strings
    }

    func site(language: String) -> SiteObject {
        sites.sites.first { $0.language.code == language } ?? sites.sites[0]
    }

    /// `text` run as a text template (archetypes are not HTML-escaped).
    func render(_ text: String, file: String, data: ArchetypeObject) throws(DiagnosticList) -> String {
        var namespace = TemplateNamespace(functions: layouts.functions)
        do throws(TemplateSyntaxError) {
            try namespace.add(text, name: file, file: file)
        } catch {
            throw DiagnosticList([.error(file, line: error.position.line, column: error.position.column, error.message)])
        }
        do throws(TemplateExecutionError) {
            return try namespace.prepared(escapingHTML: false).execute(file, data: .object(data),
                                                                        host: RenderHost(site: data.site, layouts: layouts, strings: strings))
        } catch {
            throw DiagnosticList([HugoRenderer.diagnostic(error)])
        }
    }
}

/// Hugo's `ArchetypeFileData`: the new file's name, the time, its kind, its `.File` and the site;
/// and `.IssueNumber`, SiteGen's own.
final class ArchetypeObject: TemplateObject {
    let name: String
    let date: String
    let kind: String
    let file: FileObject
    let site: SiteObject
    let issueNumber: Int

    init(name: String, date: String, kind: String, file: FileObject, site: SiteObject, issueNumber: Int) {
        self.name = name
        self.date = date
        self.kind = kind
        self.file = file
        self.site = site
        self.issueNumber = issueNumber
    }

    var typeName: String { "*create.ArchetypeFileData" }
    var printed: String { name }

    static let members = MemberTable<ArchetypeObject>([
        "Name": { data, _, _ in .string(data.name) },
        "Date": { data, _, _ in .string(data.date) },
        "Type": { data, _, _ in .string(data.kind) },
        "Section": { data, _, _ in .string(String(data.file.source.path.split(separator: "/").dropLast().first ?? "")) },
        "File": { data, _, _ in .object(data.file) },
        "Site": { data, _, _ in .object(data.site) },
        "IssueNumber": { data, _, _ in .int(data.issueNumber) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
