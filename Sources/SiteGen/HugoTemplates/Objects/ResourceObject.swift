import Foundation
import GoTemplates

/// A page's bundle files (`.Resources`), found by glob as Hugo does (`.GetMatch "images/*.jpg"`).
final class ResourcesObject: TemplateObject {
    let resources: [ResourceObject]

    init(_ resources: [ResourceObject]) {
        self.resources = resources
    }

    var typeName: String { "resource.Resources" }
    var printed: String { "[" + resources.map(\.printed).joined(separator: " ") + "]" }
    var elements: Elements? { .list(resources.map { .object($0) }) }

    /// Resources whose name matches `pattern`, a glob, case-insensitively (Hugo's rule).
    func matching(_ pattern: String) -> [ResourceObject] {
        let glob = Glob(pattern.lowercased())
        return resources.filter { glob.matches($0.resource.name.lowercased()) }
    }

    static let members = MemberTable<ResourcesObject>([
        "GetMatch": { resources, arguments, _ in
            resources.matching(try Arguments(arguments, "GetMatch").string(0)).first.map { .object($0) } ?? .null
        },
        "Match": { resources, arguments, _ in
            .object(ResourcesObject(resources.matching(try Arguments(arguments, "Match").string(0))))
        },
        "Get": { resources, arguments, _ in
            let name = try Arguments(arguments, "Get").string(0)
            return resources.resources.first { $0.resource.name == name }.map { .object($0) } ?? .null
        },
        "ByType": { resources, arguments, _ in
            let type = try Arguments(arguments, "ByType").string(0)
            return .object(ResourcesObject(resources.resources.filter { $0.resourceType == type }))
        },
        "Len": { resources, _, _ in .int(resources.resources.count) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}

/// One bundle file.
final class ResourceObject: TemplateObject {
    let resource: PageResource
    unowned let site: SiteObject

    init(resource: PageResource, site: SiteObject) {
        self.resource = resource
        self.site = site
    }

    var typeName: String { resource.image == nil ? "*resources.genericResource" : "*resources.resourceAdapter" }
    var printed: String { resource.name }

    /// Hugo's main type of the media type: `image`, `text`, `application`…
    var resourceType: String {
        String(resource.mediaType.split(separator: "/").first ?? "")
    }

    static let members = MemberTable<ResourceObject>([
        "Name": { file, _, _ in .string(file.resource.name) },
        "Title": { file, _, _ in .string(file.resource.name) },
        "Key": { file, _, _ in .string(file.resource.path) },
        "RelPermalink": { file, _, _ in .string(file.site.model.urls.relative(file.resource.urlPath)) },
        "Permalink": { file, _, _ in .string(file.site.model.urls.absolute(file.resource.urlPath)) },
        "ResourceType": { file, _, _ in .string(file.resourceType) },
        "MediaType": { file, _, _ in
            .object(MediaTypeObject(file.resource.mediaType, suffix: String(file.resource.name.split(separator: ".").last ?? "").lowercased()))
        },
        "Width": { file, _, _ in .int(file.resource.image?.width ?? 0) },
        "Height": { file, _, _ in .int(file.resource.image?.height ?? 0) },
        "Params": { _, _, _ in .map(ValueMap(caseInsensitive: true)) },
        "Data": { _, _, _ in .map(ValueMap()) },
        "Content": { file, _, _ in
            guard let data = FileManager.default.contents(atPath: file.resource.sourceURL.path) else {
                throw TemplateFailure("cannot read \(file.resource.sourcePath)")
            }
            return .string(String(decoding: data, as: UTF8.self))
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context) ?? Self.imageMembers.value(of: self, member, arguments, context)
    }
}

/// A glob as Hugo matches resource names: `*` within a path segment, `**` across them, `?`,
/// `[…]` and `{a,b}`.
struct Glob {
    private let patterns: [[Character]]

    init(_ pattern: String) {
        patterns = Self.alternatives(of: pattern).map(Array.init)
    }

    func matches(_ name: String) -> Bool {
        let characters = Array(name)[...]
        return patterns.contains { Self.match($0[...], characters) }
    }

    /// `a{b,c}d` → `abd`, `acd` (nested braces too).
    private static func alternatives(of pattern: String) -> [String] {
        guard let open = pattern.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: String.Index?
        for index in pattern[open...].indices {
            if pattern[index] == "{" { depth += 1 }
            if pattern[index] == "}" {
                depth -= 1
                if depth == 0 { close = index; break }
            }
        }
        guard let close else { return [pattern] }
        var options: [String] = [], current = "", level = 0
        for character in pattern[pattern.index(after: open)..<close] {
            if character == "," && level == 0 {
                options.append(current)
                current = ""
                continue
            }
            if character == "{" { level += 1 }
            if character == "}" { level -= 1 }
            current.append(character)
        }
        options.append(current)
        let head = String(pattern[..<open]), tail = String(pattern[pattern.index(after: close)...])
        return options.flatMap { option in alternatives(of: head + option + tail) }
    }

    private static func match(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            let across = pattern.dropFirst().first == "*"
            let rest = across ? pattern.dropFirst(2) : pattern.dropFirst()
            var index = name.startIndex
            while true {
                if match(rest, name[index...]) { return true }
                guard index < name.endIndex, across || name[index] != "/" else { return false }
                index += 1
            }
        case "?":
            guard let character = name.first, character != "/" else { return false }
            return match(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let close = pattern.dropFirst().firstIndex(of: "]"), let character = name.first else { return false }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    if set[index] <= character && character <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if set[index] == character { found = true }
                    index += 1
                }
            }
            guard found != negated else { return false }
            return match(pattern[(close + 1)...], name.dropFirst())
        default:
            guard name.first == first else { return false }
            return match(pattern.dropFirst(), name.dropFirst())
        }
    }
}
