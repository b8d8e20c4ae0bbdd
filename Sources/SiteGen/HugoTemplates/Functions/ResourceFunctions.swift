import Crypto
import Foundation
import GoTemplates

/// Hugo's `resources` functions (and their aliases `minify`, `fingerprint`): resources from
/// `assets/` and the pipes that make new ones from them.
enum ResourceFunctions {
    static var all: [String: FunctionReference] {
        var functions: [String: FunctionReference] = [:]
        func add(_ names: [String], _ body: @escaping FunctionReference.Body) {
            for name in names { functions[name] = FunctionReference(name, body) }
        }
        add(["resources.Get"]) { arguments, context in
            let path = try Arguments(arguments, "resources.Get").string(0)
            return try asset(at: path, context).map { .object($0) } ?? .null
        }
        add(["resources.GetMatch"]) { arguments, context in
            try matching(try Arguments(arguments, "resources.GetMatch").string(0), context).first.map { .object($0) } ?? .null
        }
        add(["resources.Match"]) { arguments, context in
            .list(try matching(try Arguments(arguments, "resources.Match").string(0), context).map { .object($0) })
        }
        add(["resources.ByType"]) { arguments, context in
            let type = try Arguments(arguments, "resources.ByType").string(0)
            let all = try matching("**", context)
            return .object(AssetCollection(all.filter { $0.mediaType.mainType == type }))
        }
        add(["resources.Concat"]) { arguments, context in
            let given = Arguments(arguments, "resources.Concat")
            return .object(try concatenate(try given.string(0), try resources(in: try given.value(1)), context))
        }
        add(["resources.FromString"]) { arguments, context in
            let given = Arguments(arguments, "resources.FromString")
            let assets = try RenderHost.of(context).layouts.assets
            return .object(AssetResource(path: trimmed(try given.string(0)), content: Data(try given.string(1).utf8), assets: assets))
        }
        add(["resources.ExecuteAsTemplate"]) { arguments, context in
            let given = Arguments(arguments, "resources.ExecuteAsTemplate")
            let target = try given.string(0), data = try given.value(1), source = try resource(try given.value(2))
            let host = try RenderHost.of(context)
            var namespace = TemplateNamespace(functions: host.layouts.functions)
            try namespace.add(source.text, name: source.path, file: "assets/" + source.path)
            let text = try namespace.prepared(escapingHTML: false).execute(source.path, data: data, host: host)
            return .object(AssetResource(path: trimmed(target), content: Data(text.utf8), alsoPublished: source.alsoPublished, assets: host.layouts.assets))
        }
        add(["resources.Copy"]) { arguments, _ in
            let given = Arguments(arguments, "resources.Copy")
            return .object(try resource(try given.value(1)).with(path: trimmed(try given.string(0))))
        }
        add(["resources.Minify", "minify"]) { arguments, _ in
            let source = try resource(try Arguments(arguments, "minify").value(0))
            let type = source.mediaType.subType == "javascript" ? "js" : source.mediaType.subType
            return .object(source.with(path: source.path(adding: ".min"), content: try source.assets.minify(source.content, type: type)))
        }
        add(["resources.Fingerprint", "fingerprint"]) { arguments, _ in
            let source = try resource(arguments.last ?? .null)
            let algorithm = arguments.count > 1 ? try Arguments(arguments, "fingerprint").string(0) : "sha256"
            let digest = try ResourceFunctions.digest(source.content, algorithm: algorithm)
            let hex = digest.map { String(format: "%02x", $0) }.joined()
            return .object(source.with(path: source.path(adding: "." + hex), integrity: algorithm + "-" + Data(digest).base64EncodedString()))
        }
        add(["resources.ToCSS", "toCSS"]) { arguments, context in
            let source = try resource(arguments.last ?? .null)
            var options = ValueMap()
            if arguments.count > 1, case .map(let given) = arguments[0] { options = given }
            return .object(try compileSass(source, options: options, context))
        }
        add(["transform.Unmarshal", "unmarshal"]) { arguments, _ in
            let input = arguments.last ?? .null
            if case .object(let resource as AssetResource) = input {
                return try Unmarshal.value(of: resource.text, suffix: resource.mediaType.suffix)
            }
            guard let text = input.text else { throw TemplateFailure("unmarshal: \(input.goTypeName) is neither text nor a resource") }
            return try Unmarshal.value(of: text, suffix: nil)
        }
        add(["js.Build"]) { arguments, context in
            let source = try resource(arguments.last ?? .null)
            var options = ValueMap()
            if arguments.count > 1, case .map(let given) = arguments[0] { options = given }
            let assets = try RenderHost.of(context).layouts.assets
            let target = options["targetPath"]?.text.map(trimmed) ?? source.path
            let bundled = try assets.transformation("js.Build\u{0}" + source.path + "\u{0}" + Hashing.sha256Hex(source.content)
                                                    + "\u{0}" + GoFormat.printed(.map(options))) {
                try JavaScriptBundler.bundle(source, options: options, assets: assets)
            }
            return .object(AssetResource(path: target, content: bundled, mediaType: HugoMediaType(path: "x.js"), assets: assets))
        }
        add(["resources.PostCSS", "postCSS"]) { arguments, _ in
            let source = try resource(arguments.last ?? .null)
            throw TemplateFailure("postCSS: \(source.path): SiteGen runs no postcss (install it and run it outside the build, or remove the step)")
        }
        return functions
    }

    /// A path in `assets/`, without a leading slash.
    private static func trimmed(_ path: String) -> String {
        path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path
    }

    private static func asset(at path: String, _ context: CallContext) throws -> AssetResource? {
        let assets = try RenderHost.of(context).layouts.assets
        let key = trimmed(path)
        guard let url = assets.files[key] else { return nil }
        guard let content = FileManager.default.contents(atPath: url.path) else { throw TemplateFailure("resources.Get: cannot read assets/\(key)") }
        return AssetResource(path: key, content: content, assets: assets)
    }

    private static func matching(_ pattern: String, _ context: CallContext) throws -> [AssetResource] {
        let assets = try RenderHost.of(context).layouts.assets
        let glob = Glob(trimmed(pattern).lowercased())
        return try assets.files.keys.sorted().filter { glob.matches($0.lowercased()) }.compactMap { try asset(at: $0, context) }
    }

    private static func resource(_ value: TemplateValue) throws -> AssetResource {
        guard case .object(let resource as AssetResource) = value else {
            throw TemplateFailure("\(value.goTypeName) is not a resource from assets/ or a resource pipe")
        }
        return resource
    }

    private static func resources(in value: TemplateValue) throws -> [AssetResource] {
        switch value {
        case .list(let values): return try values.map(resource)
        case .object(let object):
            guard case .list(let values)? = object.elements else { return [try resource(value)] }
            return try values.map(resource)
        default: throw TemplateFailure("resources.Concat: \(value.goTypeName) is not a list of resources")
        }
    }

    /// Hugo's `toCSS`: LibSass over the resource, `@import`s found beside it in every `assets/`
    /// folder and in `includePaths`; the result is at `targetPath`, else the source's path as `.css`,
    /// and with `enableSourceMap` its source map at the same path with `.map` added, published
    /// when the CSS or a resource made from it is used (Hugo publishes it as it runs the pipe).
    private static func compileSass(_ source: AssetResource, options given: ValueMap, _ context: CallContext) throws -> AssetResource {
        let host = try RenderHost.of(context)
        let assets = host.layouts.assets
        var target = given["targetPath"]?.text ?? source.path
        if given["targetPath"] == nil, let dot = target.lastIndex(of: "."), !target[dot...].contains("/") {
            target = target[..<dot] + ".css"
        }
        target = trimmed(target)
        let site = host.site.all.sourceFolder
        var options = SassCompiler.Options(assetPath: source.path, assetFolders: assets.folders.map(\.path), siteFolder: site.path)
        if case .list(let paths)? = given["includePaths"] {
            options.includePaths += paths.compactMap(\.text).map { site.appendingPathComponent($0).path }
        }
        if let style = given["outputStyle"]?.text { options.outputStyle = SassCompiler.OutputStyle(hugoName: style) }
        if case .int(let precision)? = given["precision"], precision > 0 { options.precision = precision }
        if given["enableSourceMap"]?.isTrue == true { options.sourceMapFor = GoPath.base(target) }
        let syntax: SassCompiler.Syntax = source.mediaType.suffix == "sass" ? .sass : .scss
        let key = ["toCSS", source.path, Hashing.sha256Hex(source.content), "\(options.outputStyle)", "\(options.precision)",
                   options.sourceMapFor ?? ""].joined(separator: "\u{0}") + options.includePaths.joined(separator: "\u{0}")
        let compiled = try assets.transformation(key) {
            do {
                return try SassCompiler.compile(source.text, syntax: syntax, options: options)
            } catch {
                throw TemplateFailure("toCSS: \(error)")
            }
        }
        var published = source.alsoPublished
        if let map = compiled.sourceMap { published[target + ".map"] = Data(map.utf8) }
        return AssetResource(path: target, content: Data(compiled.css.utf8), mediaType: HugoMediaType(path: "x.css"),
                             alsoPublished: published, assets: assets)
    }

    /// Hugo's `resources.Concat`: one media type only; JavaScript files are kept apart by `\n;\n`.
    private static func concatenate(_ target: String, _ parts: [AssetResource], _ context: CallContext) throws -> AssetResource {
        let assets = try RenderHost.of(context).layouts.assets
        let type = HugoMediaType(path: target)
        for part in parts where part.mediaType.type != type.type {
            throw TemplateFailure("resources.Concat: resources in Concat must be of the same Media Type, got \(part.mediaType.type) and \(type.type)")
        }
        let separator = type.subType == "javascript" ? Data("\n;\n".utf8) : Data()
        var content = Data()
        var published: [String: Data] = [:]
        for (index, part) in parts.enumerated() {
            if index > 0 { content.append(separator) }
            content.append(part.content)
            published.merge(part.alsoPublished) { $1 }
        }
        return AssetResource(path: trimmed(target), content: content, mediaType: type, alsoPublished: published, assets: assets)
    }

    private static func digest(_ data: Data, algorithm: String) throws -> [UInt8] {
        switch algorithm {
        case "sha256": return Array(SHA256.hash(data: data))
        case "sha384": return Array(SHA384.hash(data: data))
        case "sha512": return Array(SHA512.hash(data: data))
        case "md5": return Array(Insecure.MD5.hash(data: data))
        default: throw TemplateFailure("fingerprint: unsupported crypto algo \"\(algorithm)\", use either md5, sha256, sha384 or sha512")
        }
    }
}

/// Resources of `assets/` found together (`resources.ByType "image"`), with `.GetMatch` and `.Match`.
final class AssetCollection: TemplateObject {
    let resources: [AssetResource]

    init(_ resources: [AssetResource]) {
        self.resources = resources
    }

    var typeName: String { "resource.Resources" }
    var printed: String { "[" + resources.map(\.path).joined(separator: " ") + "]" }
    var elements: Elements? { .list(resources.map { .object($0) }) }

    private func matching(_ pattern: String) -> [AssetResource] {
        let glob = Glob(pattern.lowercased())
        return resources.filter { glob.matches($0.path.lowercased()) }
    }

    static let members = MemberTable<AssetCollection>([
        "GetMatch": { collection, arguments, _ in
            collection.matching(try Arguments(arguments, "GetMatch").string(0)).first.map { .object($0) } ?? .null
        },
        "Match": { collection, arguments, _ in
            .object(AssetCollection(collection.matching(try Arguments(arguments, "Match").string(0))))
        },
        "ByType": { collection, arguments, _ in
            let type = try Arguments(arguments, "ByType").string(0)
            return .object(AssetCollection(collection.resources.filter { $0.mediaType.mainType == type }))
        },
        "Len": { collection, _, _ in .int(collection.resources.count) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }
}
