import GoTemplates

/// A page's `.File`: where its content file is.
final class FileObject: TemplateObject {
    let source: ContentSource

    convenience init(_ page: PageObject) {
        self.init(source: page.model.source!)
    }

    init(source: ContentSource) {
        self.source = source
    }

    var typeName: String { "*source.FileInfo" }
    var printed: String { source.path }

    private var fileName: String { String(source.path.split(separator: "/").last ?? "") }
    /// `index.fr.md` → `index`.
    private var translationBaseName: String { String(fileName.split(separator: ".").first ?? "") }

    static let members = MemberTable<FileObject>([
        "Path": { file, _, _ in .string(file.source.path) },
        "Filename": { file, _, _ in .string(file.source.label) },
        "LogicalName": { file, _, _ in .string(file.fileName) },
        "BaseFileName": { file, _, _ in .string(String(file.fileName.split(separator: ".").dropLast().joined(separator: "."))) },
        "TranslationBaseName": { file, _, _ in .string(file.translationBaseName) },
        "ContentBaseName": { file, _, _ in .string(file.source.baseName) },
        "Ext": { file, _, _ in .string(String(file.fileName.split(separator: ".").last ?? "")) },
        "Lang": { file, _, _ in .string(file.source.language) },
        "Dir": { file, _, _ in
            let folders = file.source.path.split(separator: "/").dropLast()
            return .string(folders.isEmpty ? "" : folders.joined(separator: "/") + "/")
        },
        "Section": { file, _, _ in .string(String(file.source.path.split(separator: "/").first.map { file.source.path.contains("/") ? $0 : "" } ?? "")) },
        "UniqueID": { file, _, _ in .string(Hashing.md5Hex(file.source.path)) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
