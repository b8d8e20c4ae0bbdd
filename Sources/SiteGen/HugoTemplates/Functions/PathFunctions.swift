import GoTemplates

/// Hugo's `path` namespace: Go's `path` package, for slash-separated paths.
enum PathFunctions {
    static let all: [HugoFunction] = [
        pathFunction("path.Base") { GoPath.base($0) },
        pathFunction("path.BaseName") { path in
            let base = GoPath.base(path)
            return String(base.dropLast(GoPath.ext(path).count))
        },
        pathFunction("path.Clean") { GoPath.clean($0) },
        pathFunction("path.Dir") { GoPath.dir($0) },
        pathFunction("path.Ext") { GoPath.ext($0) },
        HugoFunction("path.Join", arity: .atLeast(0)) { arguments, _ in
            .string(GoPath.join(try arguments.flatMap(elements)))
        },
        HugoFunction("path.Split", arity: .exactly(1)) { arguments, _ in
            let path = try GoCast.string(arguments[0])
            let slash = path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex
            return .object(DirectoryAndFile(directory: String(path[..<slash]), file: String(path[slash...])))
        },
    ]

    private static func pathFunction(_ name: String, _ function: @escaping @Sendable (String) -> String) -> HugoFunction {
        HugoFunction(name, arity: .exactly(1)) { arguments, _ in
            .string(function(try GoCast.string(arguments[0])))
        }
    }

    /// `path.Join`'s arguments: strings, or lists of them, spliced in.
    private static func elements(_ value: TemplateValue) throws -> [String] {
        guard case .list(let values) = value else { return [try GoCast.string(value)] }
        // A slice of one non-string type (`[]int`) is neither `[]string` nor `[]interface{}`.
        let type = TemplateValue.elementType(of: values)
        guard type == "string" || type == "interface {}" else { throw GoCast.unableToCast(value, to: "string") }
        return try values.map(GoCast.string)
    }
}

/// What `path.Split` returns: `.Dir` and `.File`, printed as `dir|file`.
final class DirectoryAndFile: TemplateObject {
    let directory: String
    let file: String

    init(directory: String, file: String) {
        self.directory = directory
        self.file = file
    }

    static let members = MemberTable<DirectoryAndFile>([
        "Dir": { object, _, _ in .string(object.directory) },
        "File": { object, _, _ in .string(object.file) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }

    var typeName: String { "paths.DirFile" }
    var printed: String { directory + "|" + file }

    func isEqual(to other: any TemplateObject) -> Bool {
        guard let other = other as? DirectoryAndFile else { return false }
        return directory == other.directory && file == other.file
    }
}

/// Go's `path` functions.
enum GoPath {
    static func base(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard trimmed != "/" else { return "/" }
        if let slash = trimmed.lastIndex(of: "/") { trimmed = trimmed[trimmed.index(after: slash)...] }
        return trimmed.isEmpty ? "/" : String(trimmed)
    }

    /// The extension, from the last dot of the last element.
    static func ext(_ path: String) -> String {
        for index in path.indices.reversed() {
            if path[index] == "/" { break }
            if path[index] == "." { return String(path[index...]) }
        }
        return ""
    }

    static func dir(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex
        return clean(String(path[..<slash]))
    }

    static func join(_ elements: [String]) -> String {
        let nonEmpty = elements.filter { !$0.isEmpty }
        return nonEmpty.isEmpty ? "" : clean(nonEmpty.joined(separator: "/"))
    }

    /// Lexical cleaning: no repeated slashes, `.` elements or `..` after an element, and no
    /// trailing slash; "." for nothing.
    static func clean(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        let rooted = path.hasPrefix("/")
        var elements: [Substring] = []
        for element in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch element {
            case ".": continue
            case "..":
                if let last = elements.last, last != ".." {
                    elements.removeLast()
                } else if !rooted {
                    elements.append(element)
                }
            default: elements.append(element)
            }
        }
        let joined = elements.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
